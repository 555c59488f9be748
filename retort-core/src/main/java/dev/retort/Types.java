package dev.retort;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Factories for {@link SqlType}, for static import in model definitions, and the parser of their spellings. */
public final class Types {
    public static final SqlType SMALLINT = SqlType.Simple.SMALLINT;
    public static final SqlType INTEGER = SqlType.Simple.INTEGER;
    public static final SqlType BIGINT = SqlType.Simple.BIGINT;
    public static final SqlType REAL = SqlType.Simple.REAL;
    public static final SqlType DOUBLE = SqlType.Simple.DOUBLE;
    public static final SqlType TEXT = SqlType.Simple.TEXT;
    public static final SqlType BOOLEAN = SqlType.Simple.BOOLEAN;
    public static final SqlType DATE = SqlType.Simple.DATE;
    public static final SqlType TIME = SqlType.Simple.TIME;
    public static final SqlType TIMETZ = SqlType.Simple.TIMETZ;
    public static final SqlType TIMESTAMP = SqlType.Simple.TIMESTAMP;
    public static final SqlType TIMESTAMPTZ = SqlType.Simple.TIMESTAMPTZ;
    public static final SqlType INTERVAL = SqlType.Simple.INTERVAL;
    public static final SqlType UUID = SqlType.Simple.UUID;
    public static final SqlType JSON = SqlType.Simple.JSON;
    public static final SqlType JSONB = SqlType.Simple.JSONB;
    public static final SqlType BINARY = SqlType.Simple.BINARY;
    public static final SqlType NUMERIC = new SqlType.Numeric(null, null);
    public static final SqlType VARCHAR = new SqlType.Varchar(null);

    private static final Pattern PARAMS = Pattern.compile("([a-z]+)\\((\\d+)(?:,(\\d+))?\\)");

    private Types() {
    }

    public static SqlType numeric(int precision, int scale) {
        return new SqlType.Numeric(precision, scale);
    }

    public static SqlType numeric(int precision) {
        return new SqlType.Numeric(precision, null);
    }

    public static SqlType varchar(int length) {
        return new SqlType.Varchar(length);
    }

    public static SqlType charType(int length) {
        return new SqlType.Char(length);
    }

    public static SqlType arrayOf(SqlType element) {
        return new SqlType.Array(element);
    }

    /** An enum type without a schema: it binds to its table's schema. */
    public static SqlType.Enum enumType(String name, String... labels) {
        return new SqlType.Enum(null, name, List.of(labels));
    }

    /** A dialect-specific type; {@code "inet[]"} gives an array of native {@code inet}. */
    /**
     * The type of a column that uses a domain (or any other named type) of the schema: its name, quoted
     * when PostgreSQL would quote it, as reflection reads it back.
     */
    public static SqlType domain(String name) {
        Identifiers.check("domain", name);
        return new SqlType.Native(name.matches("[a-z_][a-z0-9_$]*") ? name : '"' + name.replace("\"", "\"\"") + '"');
    }

    public static SqlType nativeType(String sql) {
        String s = sql == null ? null : sql.strip();
        if (s != null && s.endsWith("[]")) return new SqlType.Array(nativeType(s.substring(0, s.length() - 2)));
        return new SqlType.Native(s);
    }

    /**
     * Reads a canonical spelling ({@link SqlType#toString()}). Enum spellings carry no labels; the
     * labels are supplied by the caller, which knows the enum definitions.
     *
     * @throws IllegalArgumentException naming the text when it is not a type
     */
    public static SqlType parse(String text, java.util.function.Function<String, SqlType.Enum> enums) {
        String s = text == null ? "" : text.strip();
        // The array suffix first: "enum:mood[]" and "native:inet[]" are arrays of an enum and a native type.
        if (s.endsWith("[]")) return new SqlType.Array(parse(s.substring(0, s.length() - 2), enums));
        if (s.startsWith("native:")) return new SqlType.Native(s.substring("native:".length()));
        if (s.startsWith("enum:")) {
            SqlType.Enum e = enums.apply(s.substring("enum:".length()));
            if (e == null) throw new IllegalArgumentException("unknown enum type: " + s.substring(5));
            return e;
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        for (SqlType.Simple simple : SqlType.Simple.values()) {
            if (simple.toString().equals(lower)) return simple;
        }
        if (lower.equals("numeric")) return NUMERIC;
        if (lower.equals("varchar")) return VARCHAR;
        Matcher m = PARAMS.matcher(lower);
        if (m.matches() && m.group(2).length() <= 9 && (m.group(3) == null || m.group(3).length() <= 9)) {
            int first = Integer.parseInt(m.group(2));
            Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
            switch (m.group(1)) {
                case "numeric":
                    return new SqlType.Numeric(first, second);
                case "varchar":
                    if (second == null) return new SqlType.Varchar(first);
                    break;
                case "char":
                    if (second == null) return new SqlType.Char(first);
                    break;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown type: '" + text + "'");
    }

    /** {@link #parse(String, java.util.function.Function)} for text that names no enum type. */
    public static SqlType parse(String text) {
        return parse(text, name -> null);
    }
}
