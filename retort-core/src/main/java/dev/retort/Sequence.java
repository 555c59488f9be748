package dev.retort;

/**
 * A standalone sequence. Null options mean the database defaults. Sequences behind serial columns
 * are not modelled as Sequences: they belong to their column ({@link Column#autoIncrement()}).
 */
public record Sequence(String schema, String name, SqlType type, Long start, Long increment, Long minValue,
                       Long maxValue, Long cache, boolean cycle) {
    public Sequence {
        Identifiers.check("sequence", name);
        if (schema != null) Identifiers.check("schema", schema);
        if (type == null) type = Types.BIGINT;
        if (increment != null && increment == 0) throw new IllegalArgumentException("sequence " + name + " increments by 0");
    }

    public static Sequence of(String name) {
        return new Sequence(null, name, Types.BIGINT, null, null, null, null, null, false);
    }

    public String key() {
        return schema == null ? name : schema + "." + name;
    }

    public Sequence withSchema(String newSchema) {
        return new Sequence(newSchema, name, type, start, increment, minValue, maxValue, cache, cycle);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("sequence ").append(key()).append(" as ").append(type);
        if (start != null) s.append(" start ").append(start);
        if (increment != null) s.append(" increment ").append(increment);
        if (minValue != null) s.append(" minvalue ").append(minValue);
        if (maxValue != null) s.append(" maxvalue ").append(maxValue);
        if (cache != null) s.append(" cache ").append(cache);
        if (cycle) s.append(" cycle");
        return s.toString();
    }
}
