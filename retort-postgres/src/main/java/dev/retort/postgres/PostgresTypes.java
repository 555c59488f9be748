package dev.retort.postgres;

import dev.retort.SqlType;

/** Model types as PostgreSQL spells them. */
final class PostgresTypes {
    private PostgresTypes() {
    }

    /** The type of a column or cast; enum types are qualified with their schema. */
    static String render(SqlType type) {
        if (type instanceof SqlType.Simple s) {
            switch (s) {
                case SMALLINT: return "smallint";
                case INTEGER: return "integer";
                case BIGINT: return "bigint";
                case REAL: return "real";
                case DOUBLE: return "double precision";
                case TEXT: return "text";
                case BOOLEAN: return "boolean";
                case DATE: return "date";
                case TIME: return "time without time zone";
                case TIMETZ: return "time with time zone";
                case TIMESTAMP: return "timestamp without time zone";
                case TIMESTAMPTZ: return "timestamp with time zone";
                case INTERVAL: return "interval";
                case UUID: return "uuid";
                case JSON: return "json";
                case JSONB: return "jsonb";
                case BINARY: return "bytea";
                default: throw new IllegalArgumentException("no PostgreSQL type for " + s);
            }
        }
        if (type instanceof SqlType.Numeric n) {
            if (n.precision() == null) return "numeric";
            return n.scale() == null ? "numeric(" + n.precision() + ")" : "numeric(" + n.precision() + "," + n.scale() + ")";
        }
        if (type instanceof SqlType.Varchar v) return v.length() == null ? "character varying" : "character varying(" + v.length() + ")";
        if (type instanceof SqlType.Char c) return "character(" + c.length() + ")";
        if (type instanceof SqlType.Array a) return render(a.element()) + "[]";
        if (type instanceof SqlType.Enum e) return PostgresSql.qualify(e.schema(), e.name());
        if (type instanceof SqlType.Native n) return n.sql();
        throw new IllegalArgumentException("no PostgreSQL type for " + type);
    }

    /** {@code smallserial}, {@code serial} or {@code bigserial}: a column whose default comes from a sequence it owns. */
    static String serial(SqlType type, String column) {
        if (type == SqlType.Simple.SMALLINT) return "smallserial";
        if (type == SqlType.Simple.INTEGER) return "serial";
        if (type == SqlType.Simple.BIGINT) return "bigserial";
        throw new IllegalArgumentException("column " + column + ": auto-increment needs smallint, integer or bigint, not " + type);
    }
}
