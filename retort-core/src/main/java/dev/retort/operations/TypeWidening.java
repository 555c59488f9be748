package dev.retort.operations;

import dev.retort.SqlType;
import dev.retort.SqlType.Simple;

import java.util.List;

/** Which type changes keep every value: the rest are flagged destructive. */
final class TypeWidening {
    private static final List<Simple> INTEGERS = List.of(Simple.SMALLINT, Simple.INTEGER, Simple.BIGINT);
    /** Decimal digits each integer type needs, in {@link #INTEGERS} order. */
    private static final int[] INTEGER_DIGITS = {5, 10, 19};

    private TypeWidening() {
    }

    static boolean isWidening(SqlType from, SqlType to) {
        if (from.equals(to)) return true;
        if (from instanceof SqlType.Array a) return to instanceof SqlType.Array b && isWidening(a.element(), b.element());
        if (from instanceof Simple a && to instanceof Simple b && INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return INTEGERS.indexOf(a) <= INTEGERS.indexOf(b);
        }
        if (from instanceof Simple s && INTEGERS.contains(s)) return integerFitsIn(s, to);
        if (from == Simple.REAL && to == Simple.DOUBLE) return true;
        if (from == Simple.TEXT) return isUnboundedText(to);
        if (from instanceof SqlType.Varchar a) {
            if (isUnboundedText(to)) return true;
            if (to instanceof SqlType.Varchar b) return a.length() != null && a.length() <= b.length();
        }
        if (from instanceof SqlType.Char a) {
            if (isUnboundedText(to)) return true;
            if (to instanceof SqlType.Varchar b) return a.length() <= b.length();
            if (to instanceof SqlType.Char b) return a.length() <= b.length();
        }
        // Every label of an enum is a string.
        if (from instanceof SqlType.Enum) return isUnboundedText(to);
        if (from instanceof SqlType.Numeric a && to instanceof SqlType.Numeric b) {
            if (b.precision() == null) return true;
            if (a.precision() == null) return false;
            int as = a.scale() == null ? 0 : a.scale();
            int bs = b.scale() == null ? 0 : b.scale();
            return bs >= as && b.precision() - bs >= a.precision() - as;
        }
        if (from == Simple.DATE) return to == Simple.TIMESTAMP || to == Simple.TIMESTAMPTZ;
        if (from == Simple.TIMESTAMP && to == Simple.TIMESTAMPTZ) return true;
        if (from == Simple.JSON && to == Simple.JSONB) return true;
        return false;
    }

    private static boolean isUnboundedText(SqlType t) {
        return t == Simple.TEXT || (t instanceof SqlType.Varchar v && v.length() == null);
    }

    private static boolean integerFitsIn(Simple from, SqlType to) {
        int digits = INTEGER_DIGITS[INTEGERS.indexOf(from)];
        if (to instanceof SqlType.Numeric n) {
            if (n.precision() == null) return true;
            int scale = n.scale() == null ? 0 : n.scale();
            return n.precision() - scale >= digits;
        }
        // A double holds integers of up to 53 bits exactly, a real up to 24.
        if (to == Simple.DOUBLE) return from != Simple.BIGINT;
        if (to == Simple.REAL) return from == Simple.SMALLINT;
        return false;
    }
}
