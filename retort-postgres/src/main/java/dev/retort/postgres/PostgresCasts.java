package dev.retort.postgres;

import dev.retort.SqlType;
import dev.retort.compare.Normaliser.Conversion;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How PostgreSQL converts a column's values when {@code ALTER COLUMN ... TYPE} changes its type, by the
 * casts of its catalog ({@code pg_cast}) between the built-in types and its rules for the casts it makes
 * up (PostgreSQL documentation, CREATE CAST): a conversion to a string type goes through the type's
 * output function and is allowed in assignment; one from a string type goes through the input function
 * and only when asked for ({@code USING col::type}); a type's own length coercion is implicit; arrays
 * convert element by element, as their elements do.
 *
 * <p>{@code ALTER COLUMN ... TYPE} without {@code USING} takes an assignment cast only. Where no cast
 * exists at all (an integer to a timestamp, a uuid to a boolean), no statement converts the values.
 * Types outside this table (domains, extensions' types, geometry) are given {@code USING col::type},
 * which works whenever the server has a cast of any kind.
 */
final class PostgresCasts {
    private PostgresCasts() {
    }

    private static final Set<String> STRINGS = Set.of("text", "varchar", "bpchar", "name");
    private static final Set<String> NUMBERS = Set.of("int2", "int4", "int8", "float4", "float8", "numeric", "money");

    /** Casts between the date and time types, {@code pg_cast.castcontext} 'i' or 'a'; any other pair has none. */
    private static final Map<String, Set<String>> TIME_CASTS = Map.of(
            "date", Set.of("timestamp", "timestamptz"),
            "timestamp", Set.of("date", "time", "timestamptz"),
            "timestamptz", Set.of("date", "time", "timetz", "timestamp"),
            "time", Set.of("interval", "timetz"),
            "timetz", Set.of("time"),
            "interval", Set.of("time"));

    /** Casts that exist only explicitly ({@code castcontext} 'e'), or whose context this table does not pin down. */
    private static final Map<String, Set<String>> EXPLICIT_CASTS = Map.of(
            "int4", Set.of("bool"),
            "bool", Set.of("int4"),
            "json", Set.of("jsonb"),
            "jsonb", Set.of("json", "bool", "int2", "int4", "int8", "float4", "float8", "numeric"),
            "inet", Set.of("cidr"),
            "cidr", Set.of("inet"));

    static Conversion conversion(SqlType from, SqlType to) {
        boolean fromArray = from instanceof SqlType.Array;
        boolean toArray = to instanceof SqlType.Array;
        if (fromArray && toArray) return conversion(((SqlType.Array) from).element(), ((SqlType.Array) to).element());
        String a = fromArray ? "array" : base(from);
        String b = toArray ? "array" : base(to);
        if (b != null && STRINGS.contains(b)) return Conversion.ASSIGNMENT;
        if (a != null && STRINGS.contains(a)) return Conversion.EXPLICIT;
        if (fromArray || toArray) return Conversion.NONE;
        if (from instanceof SqlType.Enum && to instanceof SqlType.Enum) return Conversion.EXPLICIT;
        if (from instanceof SqlType.Enum || to instanceof SqlType.Enum) return Conversion.NONE;
        if (a == null || b == null) return a != null && a.equals(b) ? Conversion.ASSIGNMENT : Conversion.EXPLICIT;
        if (a.equals(b)) return Conversion.ASSIGNMENT;
        if (NUMBERS.contains(a) && NUMBERS.contains(b)) {
            if (!a.equals("money") && !b.equals("money")) return Conversion.ASSIGNMENT;
            // money comes from numeric, int4 and int8 and goes to numeric only, in assignment.
            boolean cast = b.equals("money") ? Set.of("int4", "int8", "numeric").contains(a) : b.equals("numeric");
            return cast ? Conversion.ASSIGNMENT : Conversion.NONE;
        }
        if (TIME_CASTS.getOrDefault(a, Set.of()).contains(b)) return Conversion.ASSIGNMENT;
        if (EXPLICIT_CASTS.getOrDefault(a, Set.of()).contains(b)) return Conversion.EXPLICIT;
        return KNOWN.contains(a) && KNOWN.contains(b) ? Conversion.NONE : Conversion.EXPLICIT;
    }

    /** Built-in types whose casts the table above lists in full: any other pair of them has no cast. */
    private static final Set<String> KNOWN = Set.of("int2", "int4", "int8", "float4", "float8", "numeric", "money", "bool",
            "date", "time", "timetz", "timestamp", "timestamptz", "interval", "uuid", "json", "jsonb", "bytea", "inet", "cidr",
            "macaddr", "xml", "tsvector", "tsquery", "point", "int4range", "int8range", "numrange", "daterange", "tsrange",
            "tstzrange");

    /** The catalog's name of a type ({@code int4}, {@code timestamptz}), or null when it is not a built-in one. */
    static String base(SqlType t) {
        if (t instanceof SqlType.Simple s) {
            return switch (s) {
                case SMALLINT -> "int2";
                case INTEGER -> "int4";
                case BIGINT -> "int8";
                case REAL -> "float4";
                case DOUBLE -> "float8";
                case TEXT -> "text";
                case BOOLEAN -> "bool";
                case DATE -> "date";
                case TIME -> "time";
                case TIMETZ -> "timetz";
                case TIMESTAMP -> "timestamp";
                case TIMESTAMPTZ -> "timestamptz";
                case INTERVAL -> "interval";
                case UUID -> "uuid";
                case JSON -> "json";
                case JSONB -> "jsonb";
                case BINARY -> "bytea";
            };
        }
        if (t instanceof SqlType.Numeric) return "numeric";
        if (t instanceof SqlType.Varchar) return "varchar";
        if (t instanceof SqlType.Char) return "bpchar";
        if (t instanceof SqlType.Native n) return nativeBase(n.sql());
        return null;
    }

    /** A native spelling's built-in type: {@code timestamp(3) with time zone} is timestamptz; null when not built in. */
    private static String nativeBase(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.startsWith("\"") || s.contains(".")) return null;
        String name = s.replaceAll("\\(.*?\\)", "").strip();
        return switch (name) {
            case "smallint", "int2" -> "int2";
            case "integer", "int", "int4" -> "int4";
            case "bigint", "int8" -> "int8";
            case "real", "float4" -> "float4";
            case "double precision", "float8" -> "float8";
            case "numeric", "decimal" -> "numeric";
            case "text" -> "text";
            case "character varying", "varchar" -> "varchar";
            case "character", "char", "bpchar" -> "bpchar";
            case "boolean", "bool" -> "bool";
            case "date" -> "date";
            case "time", "time without time zone" -> "time";
            case "timetz", "time with time zone" -> "timetz";
            case "timestamp", "timestamp without time zone" -> "timestamp";
            case "timestamptz", "timestamp with time zone" -> "timestamptz";
            case "interval" -> "interval";
            case "uuid", "json", "jsonb", "bytea", "money", "inet", "cidr", "macaddr", "xml", "tsvector", "tsquery", "point",
                 "int4range", "int8range", "numrange", "daterange", "tsrange", "tstzrange", "name" -> name;
            default -> null;
        };
    }
}
