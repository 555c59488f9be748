package dev.retort;

import java.util.List;
import java.util.Objects;

/**
 * A portable column type. Each dialect renders and reflects these; {@link Native} carries a
 * dialect-specific type through unchanged.
 *
 * <p>{@link #toString()} gives the canonical spelling used in revision files, and
 * {@link Types#parse(String)} reads it back: {@code Types.parse(t.toString()).equals(t)}.
 */
public sealed interface SqlType {

    /** Types without parameters, one constant each. */
    enum Simple implements SqlType {
        SMALLINT("smallint"), INTEGER("integer"), BIGINT("bigint"), REAL("real"), DOUBLE("double"),
        TEXT("text"), BOOLEAN("boolean"), DATE("date"), TIME("time"), TIMETZ("timetz"),
        TIMESTAMP("timestamp"), TIMESTAMPTZ("timestamptz"), INTERVAL("interval"), UUID("uuid"),
        JSON("json"), JSONB("jsonb"), BINARY("binary");

        private final String spelling;

        Simple(String spelling) {
            this.spelling = spelling;
        }

        @Override
        public String toString() {
            return spelling;
        }
    }

    /** {@code numeric}, {@code numeric(p)} or {@code numeric(p,s)}; null means unconstrained. */
    record Numeric(Integer precision, Integer scale) implements SqlType {
        public Numeric {
            if (scale != null && precision == null) {
                throw new IllegalArgumentException("numeric scale given without a precision");
            }
            if (precision != null && (precision < 1 || precision > 1000)) {
                throw new IllegalArgumentException("numeric precision must be 1..1000: " + precision);
            }
            if (scale != null && precision != null && (scale < 0 || scale > precision)) {
                throw new IllegalArgumentException("numeric scale must be 0.." + precision + ": " + scale);
            }
        }

        @Override
        public String toString() {
            if (precision == null) return "numeric";
            return scale == null ? "numeric(" + precision + ")" : "numeric(" + precision + "," + scale + ")";
        }
    }

    /** {@code varchar(n)}, or unbounded {@code varchar} when length is null. */
    record Varchar(Integer length) implements SqlType {
        public Varchar {
            if (length != null && length < 1) throw new IllegalArgumentException("varchar length must be positive: " + length);
        }

        @Override
        public String toString() {
            return length == null ? "varchar" : "varchar(" + length + ")";
        }
    }

    /** Fixed-length {@code char(n)}. */
    record Char(int length) implements SqlType {
        public Char {
            if (length < 1) throw new IllegalArgumentException("char length must be positive: " + length);
        }

        @Override
        public String toString() {
            return "char(" + length + ")";
        }
    }

    /** A one-dimensional array of another type, spelt {@code integer[]}. */
    record Array(SqlType element) implements SqlType {
        public Array {
            Objects.requireNonNull(element, "array element type");
            if (element instanceof Array) throw new IllegalArgumentException("nested array types are not supported");
        }

        @Override
        public String toString() {
            return element + "[]";
        }
    }

    /**
     * A named enumerated type with ordered labels. Like a table, an enum type without a schema binds to
     * the schema its table is bound to; one with a schema stays there.
     */
    record Enum(String schema, String name, List<String> labels) implements SqlType {
        public Enum {
            Identifiers.check("enum type", name);
            if (schema != null) Identifiers.check("schema", schema);
            labels = List.copyOf(labels);
            if (labels.isEmpty()) throw new IllegalArgumentException("enum type " + name + " has no labels");
            if (labels.stream().distinct().count() != labels.size()) {
                throw new IllegalArgumentException("enum type " + name + " repeats a label: " + labels);
            }
        }

        public Enum withSchema(String newSchema) {
            return new Enum(newSchema, name, labels);
        }

        /** {@code schema.name}, or {@code name}. */
        public String key() {
            return schema == null ? name : schema + "." + name;
        }

        @Override
        public String toString() {
            return "enum:" + key();
        }
    }

    /**
     * A dialect-specific type, rendered exactly as written (e.g. {@code tsvector}, {@code inet}). An array
     * of one is an {@link Array} of a Native ({@link Types#nativeType} builds it from {@code "inet[]"}),
     * so that every type has one spelling and {@link Types#parse} reads back exactly what was written.
     */
    record Native(String sql) implements SqlType {
        public Native {
            if (sql == null || sql.isBlank()) throw new IllegalArgumentException("native type needs its SQL text");
            sql = sql.strip();
            if (sql.endsWith("[]")) {
                throw new IllegalArgumentException("native type '" + sql + "' is an array: use Types.nativeType(\""
                        + sql + "\") or new SqlType.Array(new SqlType.Native(...))");
            }
        }

        @Override
        public String toString() {
            return "native:" + sql;
        }
    }
}
