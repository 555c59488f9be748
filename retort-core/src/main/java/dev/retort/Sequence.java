package dev.retort;

/**
 * A standalone sequence. Null options mean the database defaults. Sequences behind serial columns
 * are not modelled as Sequences: they belong to their column ({@link Column#autoIncrement()}).
 *
 * @param owner the column the sequence belongs to ({@code OWNED BY}): dropping the column or its table
 *              drops the sequence too; null for none. The column's table is in the sequence's schema.
 */
public record Sequence(String schema, String name, SqlType type, Long start, Long increment, Long minValue,
                       Long maxValue, Long cache, boolean cycle, Owner owner) {

    /** The column a sequence is owned by: a table of the sequence's schema and one of its columns. */
    public record Owner(String table, String column) {
        public Owner {
            Identifiers.check("owning table", table);
            Identifiers.check("owning column", column);
        }

        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /** A sequence that no column owns. */
    public Sequence(String schema, String name, SqlType type, Long start, Long increment, Long minValue,
                    Long maxValue, Long cache, boolean cycle) {
        this(schema, name, type, start, increment, minValue, maxValue, cache, cycle, null);
    }

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
        return new Sequence(newSchema, name, type, start, increment, minValue, maxValue, cache, cycle, owner);
    }

    /** The sequence owned by {@code table.column} ({@code OWNED BY}); null table for none. */
    public Sequence ownedBy(String table, String column) {
        return new Sequence(schema, name, type, start, increment, minValue, maxValue, cache, cycle,
                table == null ? null : new Owner(table, column));
    }

    /** The same sequence owned by no column. */
    public Sequence withoutOwner() {
        return owner == null ? this : new Sequence(schema, name, type, start, increment, minValue, maxValue, cache, cycle, null);
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
        if (owner != null) s.append(" owned by ").append(owner);
        return s.toString();
    }
}
