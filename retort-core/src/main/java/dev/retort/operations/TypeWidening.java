package dev.retort.operations;

import dev.retort.SqlType;
import dev.retort.SqlType.Simple;

import java.util.List;

/** Which type changes keep every value: the rest are flagged destructive. */
final class TypeWidening {
    private static final List<Simple> INTEGERS = List.of(Simple.SMALLINT, Simple.INTEGER, Simple.BIGINT);

    private TypeWidening() {
    }

    static boolean isWidening(SqlType from, SqlType to) {
        if (from.equals(to)) return true;
        if (from instanceof Simple a && to instanceof Simple b && INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return INTEGERS.indexOf(a) <= INTEGERS.indexOf(b);
        }
        if (from == Simple.REAL && to == Simple.DOUBLE) return true;
        if (from instanceof SqlType.Varchar a) {
            if (to == Simple.TEXT) return true;
            if (to instanceof SqlType.Varchar b) return b.length() == null || (a.length() != null && a.length() <= b.length());
        }
        if (from instanceof SqlType.Char a) {
            if (to == Simple.TEXT) return true;
            if (to instanceof SqlType.Varchar b) return b.length() == null || a.length() <= b.length();
        }
        if (from instanceof SqlType.Numeric a && to instanceof SqlType.Numeric b) {
            if (b.precision() == null) return true;
            if (a.precision() == null) return false;
            int as = a.scale() == null ? 0 : a.scale();
            int bs = b.scale() == null ? 0 : b.scale();
            return bs >= as && b.precision() - bs >= a.precision() - as;
        }
        if (from instanceof Simple s && INTEGERS.contains(s) && to instanceof SqlType.Numeric n) {
            return n.precision() == null;
        }
        if (from == Simple.TIMESTAMP && to == Simple.TIMESTAMPTZ) return true;
        if (from == Simple.JSON && to == Simple.JSONB) return true;
        return false;
    }
}
