package dev.retort.postgres;

import dev.retort.Column;
import dev.retort.SqlType;
import dev.retort.SqlType.Simple;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL (11 and later) does to a table that has rows when its columns change: which type
 * changes rewrite it, which need a conversion it does not make on its own, which added columns
 * rewrite it. {@code PostgresLockingTest} checks each answer against the server: a rewrite gives the
 * table a new {@code relfilenode}.
 */
final class PostgresLocking {
    private static final List<Simple> NUMBERS = List.of(Simple.SMALLINT, Simple.INTEGER, Simple.BIGINT, Simple.REAL, Simple.DOUBLE);
    /** Functions whose value differs per row: a default calling one is computed for every row that exists. */
    private static final Set<String> VOLATILE = Set.of("random", "clock_timestamp", "timeofday", "nextval", "setval",
            "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7",
            "random_normal", "gen_random_bytes", "txid_current", "pg_current_xact_id");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z_0-9$]*)\\s*\\(");

    private PostgresLocking() {
    }

    /**
     * A type change keeps the table's file only when the values' bytes stay valid as they are: a
     * longer or unbounded varchar, varchar to text and back, a numeric with more digits before the
     * point and the same scale, or any numeric to an unconstrained one.
     */
    static boolean typeChangeRewrites(SqlType from, SqlType to) {
        if (from.equals(to)) return false;
        if (isUnboundedText(to) && (isUnboundedText(from) || from instanceof SqlType.Varchar)) return false;
        if (from instanceof SqlType.Varchar a && to instanceof SqlType.Varchar b) {
            return b.length() != null && (a.length() == null || b.length() < a.length());
        }
        if (from instanceof SqlType.Numeric a && to instanceof SqlType.Numeric b) {
            if (b.precision() == null) return false;
            if (a.precision() == null) return true;
            int as = a.scale() == null ? 0 : a.scale();
            int bs = b.scale() == null ? 0 : b.scale();
            return as != bs || b.precision() < a.precision();
        }
        return true;
    }

    /**
     * PostgreSQL converts on its own (an implicit or assignment cast) between numbers, between strings,
     * between dates and timestamps, from json to jsonb, and from anything to a string; other changes
     * need {@code USING} or fail, and a change to an enum goes through its labels, which may refuse values.
     */
    static boolean typeChangeNeedsCast(SqlType from, SqlType to) {
        if (from.equals(to)) return false;
        if (to instanceof SqlType.Enum || to instanceof SqlType.Array a && a.element() instanceof SqlType.Enum) return true;
        if (from instanceof SqlType.Array a && to instanceof SqlType.Array b) return typeChangeNeedsCast(a.element(), b.element());
        if (isString(to) && !(from instanceof SqlType.Array)) return false;
        if (isNumber(from) && isNumber(to)) return false;
        if (isDateTime(from) && isDateTime(to)) return false;
        if (from == Simple.TIME && to == Simple.TIMETZ) return false;
        if (from == Simple.JSON && to == Simple.JSONB || from == Simple.JSONB && to == Simple.JSON) return false;
        return true;
    }

    /**
     * Since PostgreSQL 11 a constant or stable default (now()) is stored once in the catalog; a default
     * computed per row (a volatile function, a serial's nextval), an identity or a stored generated
     * column fills every existing row.
     */
    static boolean addColumnRewrites(Column column) {
        if (column.identity() != null || column.autoIncrement() || column.computed() != null) return true;
        return column.serverDefault() != null && callsVolatile(column.serverDefault());
    }

    static boolean callsVolatile(String expression) {
        Matcher m = CALL.matcher(expression);
        while (m.find()) {
            if (VOLATILE.contains(m.group(1).toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    private static boolean isUnboundedText(SqlType t) {
        return t == Simple.TEXT || t instanceof SqlType.Varchar v && v.length() == null;
    }

    private static boolean isString(SqlType t) {
        return t == Simple.TEXT || t instanceof SqlType.Varchar || t instanceof SqlType.Char;
    }

    private static boolean isNumber(SqlType t) {
        return t instanceof SqlType.Numeric || t instanceof Simple s && NUMBERS.contains(s);
    }

    private static boolean isDateTime(SqlType t) {
        return t == Simple.DATE || t == Simple.TIMESTAMP || t == Simple.TIMESTAMPTZ;
    }
}
