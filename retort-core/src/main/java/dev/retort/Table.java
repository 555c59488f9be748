package dev.retort;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A table: an immutable value. Define tables through {@link MetaData#table(String, Dsl.TableElement...)}
 * (which applies the default schema and the naming convention) or build one directly when every name
 * is already known, as reflection does.
 *
 * @param schema      the schema, or null for a schema-agnostic table
 * @param primaryKey  the primary key, or null
 * @param renamedFrom the table's previous name: only with it does autogenerate emit a rename
 * @param exclusions  exclusion constraints
 */
public record Table(String schema, String name, List<Column> columns, PrimaryKey primaryKey,
                    List<UniqueConstraint> uniques, List<ForeignKey> foreignKeys, List<CheckConstraint> checks,
                    List<Index> indexes, String comment, String renamedFrom, List<ExclusionConstraint> exclusions) {

    /** Passed as the schema to {@link #toMetaData(MetaData, String, ReferredSchemaFn)}: keep the table's own. */
    public static final String RETAIN_SCHEMA = "\0retain";

    public Table {
        Identifiers.check("table", name);
        if (schema != null) Identifiers.check("table " + name + ": schema", schema);
        if (renamedFrom != null) Identifiers.check("table " + name + " renamed-from", renamedFrom);
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        validate(schema, name, columns, primaryKey, uniques, foreignKeys, indexes, checks, exclusions);
    }

    /** A table without exclusion constraints. */
    public Table(String schema, String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                 List<ForeignKey> foreignKeys, List<CheckConstraint> checks, List<Index> indexes, String comment,
                 String renamedFrom) {
        this(schema, name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment, renamedFrom, List.of());
    }

    private static void validate(String schema, String name, List<Column> columns, PrimaryKey pk,
                                 List<UniqueConstraint> uniques, List<ForeignKey> fks, List<Index> indexes,
                                 List<CheckConstraint> checks, List<ExclusionConstraint> exclusions) {
        String where = "table " + (schema == null ? name : schema + "." + name);
        // A table without columns is legal (PostgreSQL keeps one, and reflection must read every table).
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column c : columns) {
            if (byName.put(c.name(), c) != null) {
                throw new IllegalArgumentException(where + " defines column " + c.name() + " twice");
            }
        }
        if (pk != null) {
            requireColumns(where, pk.toString(), pk.columns(), byName);
            for (String col : pk.columns()) {
                if (byName.get(col).nullable()) {
                    throw new IllegalArgumentException(where + ": " + pk + " is on nullable column " + col);
                }
            }
        }
        uniques.forEach(u -> requireColumns(where, u.toString(), u.columns(), byName));
        fks.forEach(f -> requireColumns(where, f.toString(), f.columns(), byName));
        for (Index ix : indexes) {
            requireColumns(where, ix.toString(), ix.columnNames(), byName);
            requireColumns(where, ix.toString(), ix.include(), byName);
        }
        exclusions.forEach(x -> requireColumns(where, x.toString(), x.columns(), byName));
        Set<String> names = new HashSet<>();
        Stream.of(Stream.ofNullable(pk).map(Constraint::name), uniques.stream().map(Constraint::name),
                        fks.stream().map(Constraint::name), checks.stream().map(Constraint::name),
                        exclusions.stream().map(Constraint::name), indexes.stream().map(Index::name))
                .flatMap(s -> s)
                .forEach(n -> {
                    if (!names.add(n)) {
                        throw new IllegalArgumentException(where + ": two constraints or indexes are named " + n
                                + " (a naming-convention collision, or a name given twice)");
                    }
                });
    }

    private static void requireColumns(String where, String what, List<String> cols, Map<String, Column> byName) {
        for (String c : cols) {
            if (!byName.containsKey(c)) {
                throw new IllegalArgumentException(where + ": " + what + " names column " + c + ", which the table does not have");
            }
        }
    }

    /** {@code schema.name}, or {@code name} for a table without a schema: the key in {@link MetaData#tables()}. */
    public String key() {
        return schema == null ? name : schema + "." + name;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Every constraint: primary key, uniques, foreign keys, checks, exclusion constraints. */
    public List<Constraint> constraints() {
        List<Constraint> all = new ArrayList<>();
        if (primaryKey != null) all.add(primaryKey);
        all.addAll(uniques);
        all.addAll(foreignKeys);
        all.addAll(checks);
        all.addAll(exclusions);
        return all;
    }

    /** Enum types used by the columns, arrays of enums included. */
    public List<SqlType.Enum> enumTypes() {
        List<SqlType.Enum> out = new ArrayList<>();
        for (Column c : columns) {
            SqlType t = c.type() instanceof SqlType.Array a ? a.element() : c.type();
            if (t instanceof SqlType.Enum e && !out.contains(e)) out.add(e);
        }
        return out;
    }

    /**
     * Copies this table into {@code target} under {@code schema}, leaving this table untouched, and
     * returns the copy. Foreign keys that referred to this table's own schema move with it; keys into
     * another schema keep theirs unless {@code referredSchemaFn} says otherwise. Enum types follow the
     * same rule.
     *
     * @param schema the new schema, null for none, or {@link #RETAIN_SCHEMA}
     */
    public Table toMetaData(MetaData target, String schema, ReferredSchemaFn referredSchemaFn) {
        Table copy = bind(schema, referredSchemaFn);
        target.add(copy);
        return copy;
    }

    public Table toMetaData(MetaData target, String schema) {
        return toMetaData(target, schema, null);
    }

    public Table toMetaData(MetaData target) {
        return toMetaData(target, RETAIN_SCHEMA, null);
    }

    /** The copy that {@link #toMetaData} registers, without registering it anywhere. */
    public Table bind(String toSchema, ReferredSchemaFn referredSchemaFn) {
        String newSchema = RETAIN_SCHEMA.equals(toSchema) ? schema : toSchema;
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey fk : foreignKeys) {
            String chosen = Objects.equals(fk.referredSchema(), schema) ? newSchema : fk.referredSchema();
            if (referredSchemaFn != null) chosen = referredSchemaFn.referredSchema(this, newSchema, fk, chosen);
            fks.add(fk.withReferredSchema(chosen));
        }
        List<Column> cols = new ArrayList<>();
        for (Column c : columns) cols.add(c.withType(rebindType(c.type(), newSchema)));
        return new Table(newSchema, name, cols, primaryKey, uniques, fks, checks, indexes, comment, renamedFrom, exclusions);
    }

    private SqlType rebindType(SqlType type, String newSchema) {
        if (type instanceof SqlType.Array a) return new SqlType.Array(rebindType(a.element(), newSchema));
        if (type instanceof SqlType.Enum e && Objects.equals(e.schema(), schema)) return e.withSchema(newSchema);
        return type;
    }

    public Table withName(String newName) {
        return new Table(schema, newName, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment, renamedFrom, exclusions);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(schema, name, newColumns, primaryKey, uniques, foreignKeys, checks, indexes, comment, renamedFrom, exclusions);
    }

    public Table withExclusions(List<ExclusionConstraint> newExclusions) {
        return new Table(schema, name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment, renamedFrom, newExclusions);
    }

    public Table withComment(String newComment) {
        return new Table(schema, name, columns, primaryKey, uniques, foreignKeys, checks, indexes, newComment, renamedFrom, exclusions);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Table ").append(key()).append(" (");
        List<String> parts = new ArrayList<>();
        columns.forEach(c -> parts.add(c.toString()));
        constraints().forEach(c -> parts.add(c.toString()));
        indexes.forEach(i -> parts.add(i.toString()));
        s.append(String.join("; ", parts)).append(')');
        if (comment != null) s.append(" comment '").append(comment).append('\'');
        if (renamedFrom != null) s.append(" renamed from ").append(renamedFrom);
        return s.toString();
    }
}
