package dev.retort.postgres;

import dev.retort.SqlType;
import dev.retort.compare.Normaliser;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical forms for PostgreSQL: the model's text and what the catalog prints for the same thing come
 * out equal. A pure function of its arguments; the rules are listed in {@code docs/postgres.md} and in
 * {@link ExpressionCanon}.
 */
final class PostgresNormaliser implements Normaliser {
    private static final Set<String> TRUE = Set.of("true", "t", "yes", "y", "on", "1");
    private static final Set<String> FALSE = Set.of("false", "f", "no", "n", "off", "0");
    private static final Pattern TIME_WITH_PRECISION =
            Pattern.compile("(timestamp|time|timestamptz|timetz)\\s*\\(\\s*(\\d+)\\s*\\)\\s*(with time zone|without time zone)?");
    private static final Pattern WITH_ARGS = Pattern.compile("([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    private static final Map<String, SqlType> ALIASES = Map.ofEntries(
            Map.entry("smallint", SqlType.Simple.SMALLINT), Map.entry("int2", SqlType.Simple.SMALLINT),
            Map.entry("integer", SqlType.Simple.INTEGER), Map.entry("int", SqlType.Simple.INTEGER),
            Map.entry("int4", SqlType.Simple.INTEGER), Map.entry("bigint", SqlType.Simple.BIGINT),
            Map.entry("int8", SqlType.Simple.BIGINT), Map.entry("real", SqlType.Simple.REAL),
            Map.entry("float4", SqlType.Simple.REAL), Map.entry("double precision", SqlType.Simple.DOUBLE),
            Map.entry("float8", SqlType.Simple.DOUBLE), Map.entry("float", SqlType.Simple.DOUBLE),
            Map.entry("text", SqlType.Simple.TEXT), Map.entry("boolean", SqlType.Simple.BOOLEAN),
            Map.entry("bool", SqlType.Simple.BOOLEAN), Map.entry("date", SqlType.Simple.DATE),
            Map.entry("time", SqlType.Simple.TIME), Map.entry("time without time zone", SqlType.Simple.TIME),
            Map.entry("timetz", SqlType.Simple.TIMETZ), Map.entry("time with time zone", SqlType.Simple.TIMETZ),
            Map.entry("timestamp", SqlType.Simple.TIMESTAMP), Map.entry("timestamp without time zone", SqlType.Simple.TIMESTAMP),
            Map.entry("timestamptz", SqlType.Simple.TIMESTAMPTZ), Map.entry("timestamp with time zone", SqlType.Simple.TIMESTAMPTZ),
            Map.entry("interval", SqlType.Simple.INTERVAL), Map.entry("uuid", SqlType.Simple.UUID),
            Map.entry("json", SqlType.Simple.JSON), Map.entry("jsonb", SqlType.Simple.JSONB),
            Map.entry("bytea", SqlType.Simple.BINARY), Map.entry("numeric", new SqlType.Numeric(null, null)),
            Map.entry("decimal", new SqlType.Numeric(null, null)), Map.entry("varchar", new SqlType.Varchar(null)),
            Map.entry("character varying", new SqlType.Varchar(null)), Map.entry("character", new SqlType.Char(1)),
            Map.entry("char", new SqlType.Char(1)));

    @Override
    public String normaliseDefault(String expression, SqlType type) {
        if (expression == null || expression.isBlank()) return null;
        ExpressionCanon.Node node = ExpressionCanon.parse(expression);
        if (node instanceof ExpressionCanon.Literal literal) {
            if (literal.text().equals("null")) return null;
            SqlType t = type == null ? null : normaliseType(type);
            String value = literal.value().strip();
            if (isNumeric(t) && ExpressionCanon.isNumber(value)) {
                return new BigDecimal(value).stripTrailingZeros().toPlainString();
            }
            if (t == SqlType.Simple.BOOLEAN) {
                String v = value.toLowerCase(Locale.ROOT);
                if (TRUE.contains(v)) return "true";
                if (FALSE.contains(v)) return "false";
            }
        }
        return ExpressionCanon.canonical(expression);
    }

    @Override
    public String normaliseExpression(String expression) {
        if (expression == null) return null;
        return ExpressionCanon.canonical(expression);
    }

    /**
     * Folds spellings of one type together: {@code numeric(p)} is {@code numeric(p,0)}; a native type
     * that names a portable one ({@code int4}, {@code varchar(20)}, {@code timestamp with time zone},
     * {@code timestamp(6)}) is that type; {@code timestamptz(3)} is {@code timestamp(3) with time zone};
     * an array of either is normalised element-wise.
     */
    @Override
    public String serialSequenceName(String table, String column) {
        return PostgresRenderer.serialSequenceName(table, column);
    }

    @Override
    public String nextValue(String sequence) {
        // Spelt as PostgreSQL prints a serial column's default: quotes only where the name needs them.
        String name = sequence.matches("[a-z_][a-z0-9_]*") ? sequence : PostgresSql.quote(sequence);
        return "nextval(" + PostgresSql.literal(name) + "::regclass)";
    }

    /** By PostgreSQL's casts: {@link PostgresCasts}. */
    @Override
    public Conversion conversion(SqlType from, SqlType to) {
        return PostgresCasts.conversion(normaliseType(from), normaliseType(to));
    }

    @Override
    public SqlType normaliseType(SqlType type) {
        if (type instanceof SqlType.Numeric n && n.precision() != null && n.scale() == null) {
            return new SqlType.Numeric(n.precision(), 0);
        }
        if (type instanceof SqlType.Array a) return new SqlType.Array(normaliseType(a.element()));
        if (type instanceof SqlType.Native n) {
            String text = n.sql().strip().replaceAll("\\s+", " ");
            if (text.indexOf('"') >= 0) return new SqlType.Native(text);
            text = text.toLowerCase(Locale.ROOT);
            if (text.startsWith("pg_catalog.")) text = text.substring("pg_catalog.".length());
            SqlType alias = ALIASES.get(text);
            if (alias != null) return normaliseType(alias);
            Matcher time = TIME_WITH_PRECISION.matcher(text);
            if (time.matches()) return timeType(time.group(1), Integer.parseInt(time.group(2)), time.group(3));
            Matcher m = WITH_ARGS.matcher(text);
            if (m.matches()) {
                int first = Integer.parseInt(m.group(2));
                Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
                switch (m.group(1).strip()) {
                    case "numeric", "decimal" -> { return new SqlType.Numeric(first, second == null ? 0 : second); }
                    case "varchar", "character varying" -> { if (second == null) return new SqlType.Varchar(first); }
                    case "char", "character", "bpchar" -> { if (second == null) return new SqlType.Char(first); }
                    default -> { }
                }
            }
            return new SqlType.Native(text);
        }
        return type;
    }

    /**
     * A time type with a precision, spelled as the catalog prints it ({@code timestamp(3) with time
     * zone}); precision 6 is PostgreSQL's default, so {@code timestamp(6)} is plain {@code timestamp}.
     */
    private static SqlType timeType(String base, int precision, String zone) {
        boolean withZone = base.endsWith("tz") || "with time zone".equals(zone);
        boolean timestamp = base.startsWith("timestamp");
        if (precision == 6) {
            if (timestamp) return withZone ? SqlType.Simple.TIMESTAMPTZ : SqlType.Simple.TIMESTAMP;
            return withZone ? SqlType.Simple.TIMETZ : SqlType.Simple.TIME;
        }
        return new SqlType.Native((timestamp ? "timestamp(" : "time(") + precision + ")" + (withZone ? " with time zone" : " without time zone"));
    }

    private static boolean isNumeric(SqlType t) {
        return t == SqlType.Simple.SMALLINT || t == SqlType.Simple.INTEGER || t == SqlType.Simple.BIGINT
                || t == SqlType.Simple.REAL || t == SqlType.Simple.DOUBLE || t instanceof SqlType.Numeric;
    }
}
