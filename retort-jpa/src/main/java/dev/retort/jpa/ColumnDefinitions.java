package dev.retort.jpa;

import dev.retort.SqlType;
import dev.retort.Types;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code @Column(columnDefinition)}: the type, and a trailing {@code not null}, {@code null} or
 * {@code default ...} when the text carries them. A type Retort models portably becomes that type,
 * in any of PostgreSQL's spellings ({@code int8}, {@code character varying(20)},
 * {@code timestamp with time zone}); anything else is carried as {@link SqlType.Native}.
 */
final class ColumnDefinitions {
    /** What a definition says. {@code notNull} is null when the text does not say. */
    record Definition(SqlType type, Boolean notNull, String serverDefault) {
    }

    private static final Pattern DEFAULT = Pattern.compile("(?is)^(.*?)\\s+default\\s+(.+?)\\s*$");
    private static final Pattern NULLABILITY = Pattern.compile("(?is)^(.*?)\\s+(not\\s+null|null)\\s*$");
    private static final Pattern PARAMETERS = Pattern.compile("(?s)^([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)$");

    private static final Map<String, SqlType> SIMPLE = Map.ofEntries(
            Map.entry("smallint", Types.SMALLINT), Map.entry("int2", Types.SMALLINT),
            Map.entry("integer", Types.INTEGER), Map.entry("int", Types.INTEGER), Map.entry("int4", Types.INTEGER),
            Map.entry("bigint", Types.BIGINT), Map.entry("int8", Types.BIGINT),
            Map.entry("real", Types.REAL), Map.entry("float4", Types.REAL),
            Map.entry("double precision", Types.DOUBLE), Map.entry("float8", Types.DOUBLE), Map.entry("double", Types.DOUBLE),
            Map.entry("text", Types.TEXT), Map.entry("boolean", Types.BOOLEAN), Map.entry("bool", Types.BOOLEAN),
            Map.entry("date", Types.DATE),
            Map.entry("time", Types.TIME), Map.entry("time without time zone", Types.TIME),
            Map.entry("timetz", Types.TIMETZ), Map.entry("time with time zone", Types.TIMETZ),
            Map.entry("timestamp", Types.TIMESTAMP), Map.entry("timestamp without time zone", Types.TIMESTAMP),
            Map.entry("timestamptz", Types.TIMESTAMPTZ), Map.entry("timestamp with time zone", Types.TIMESTAMPTZ),
            Map.entry("interval", Types.INTERVAL), Map.entry("uuid", Types.UUID), Map.entry("json", Types.JSON),
            Map.entry("jsonb", Types.JSONB), Map.entry("bytea", Types.BINARY),
            Map.entry("numeric", Types.NUMERIC), Map.entry("decimal", Types.NUMERIC),
            Map.entry("varchar", Types.VARCHAR), Map.entry("character varying", Types.VARCHAR),
            Map.entry("char", Types.charType(1)), Map.entry("character", Types.charType(1)));

    private ColumnDefinitions() {
    }

    static Definition parse(String text) {
        String rest = text.strip();
        String serverDefault = null;
        Matcher d = DEFAULT.matcher(rest);
        if (d.matches()) {
            rest = d.group(1).strip();
            serverDefault = d.group(2).strip();
        }
        Boolean notNull = null;
        Matcher n = NULLABILITY.matcher(rest);
        if (n.matches()) {
            rest = n.group(1).strip();
            notNull = n.group(2).toLowerCase(Locale.ROOT).startsWith("not");
        }
        if (serverDefault != null) {
            // "... default 0 not null": the nullability may also follow the default
            Matcher after = NULLABILITY.matcher(serverDefault);
            if (after.matches() && notNull == null) {
                serverDefault = after.group(1).strip();
                notNull = after.group(2).toLowerCase(Locale.ROOT).startsWith("not");
            }
        }
        return new Definition(type(rest), notNull, serverDefault);
    }

    /** The portable type a definition names, or the text as a native type. */
    static SqlType type(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        SqlType simple = SIMPLE.get(t);
        if (simple != null) return simple;
        Matcher m = PARAMETERS.matcher(t);
        if (m.matches()) {
            String base = m.group(1).strip();
            int first = Integer.parseInt(m.group(2));
            Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
            try {
                switch (base) {
                    case "numeric", "decimal" -> {
                        return second == null ? Types.numeric(first) : Types.numeric(first, second);
                    }
                    case "varchar", "character varying" -> {
                        if (second == null) return Types.varchar(first);
                    }
                    case "char", "character" -> {
                        if (second == null) return Types.charType(first);
                    }
                    default -> {
                    }
                }
            } catch (IllegalArgumentException outOfRange) {
                // not a valid portable type: leave it to the database to judge
            }
        }
        return Types.nativeType(text.strip());
    }
}
