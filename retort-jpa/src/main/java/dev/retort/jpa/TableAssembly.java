package dev.retort.jpa;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.NamingConvention;
import dev.retort.PrimaryKey;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table while entities are read into it: the columns every mapping contributes (several
 * entities may share a table), with where each came from, so that conflicts name both sides.
 */
final class TableAssembly {
    /**
     * A column and the mapping that contributed it.
     *
     * @param referenceType the type of columns that refer to this one ({@link MappedColumn#referenceType})
     */
    record Slot(Column column, String logical, String origin, Class<?> entity, boolean readOnly, SqlType referenceType) {
    }

    /** An index or unique constraint whose columns are still logical names (resolved at {@link #build}). */
    private record PendingKey(String name, List<String> columns, List<Boolean> descending, boolean unique,
                              boolean constraint, String origin) {
    }

    private final Names names;
    private final NamingConvention convention;
    private final String schema;
    private final String name;
    private final String origin;
    private final Map<String, Slot> columns = new LinkedHashMap<>();
    private List<String> primaryKey;
    private String primaryKeyOrigin;
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final Set<String> checkLabels = new HashSet<>();
    private final List<PendingKey> pending = new ArrayList<>();
    private String comment;

    TableAssembly(Names names, NamingConvention convention, String schema, String name, String origin) {
        this.names = names;
        this.convention = convention;
        this.schema = schema;
        this.name = name;
        this.origin = origin;
    }

    String schema() {
        return schema;
    }

    String name() {
        return name;
    }

    String key() {
        return schema == null ? name : schema + "." + name;
    }

    String origin() {
        return origin;
    }

    Slot slot(String column) {
        return columns.get(column);
    }

    /** The column a logical or physical name denotes, as {@code @Index(columnList)} names them. */
    Slot resolve(String logicalOrPhysical) {
        Slot s = columns.get(names.physical(logicalOrPhysical));
        if (s != null) return s;
        String text = Names.text(logicalOrPhysical);
        for (Slot candidate : columns.values()) {
            if (candidate.logical().equals(text) || candidate.column().name().equalsIgnoreCase(text)) return candidate;
        }
        return null;
    }

    List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    List<String> primaryKey() {
        return primaryKey;
    }

    void comment(String text, String where) {
        if (text == null || text.isEmpty()) return;
        if (comment != null && !comment.equals(text)) {
            throw new JpaMappingException(where, "table " + key() + " is commented '" + comment + "' elsewhere");
        }
        comment = text;
    }

    /**
     * Adds a column, or merges it with the column of that name already here. A mapping marked
     * {@code insertable = false, updatable = false} defers to the writable one; two writable mappings
     * from different entities must agree on everything; one entity may not map a column twice.
     */
    void addColumn(Column column, String logical, String where, Class<?> entity, boolean readOnly) {
        addColumn(column, logical, where, entity, readOnly, column.type());
    }

    /** {@link #addColumn(Column, String, String, Class, boolean)}, columns referring to it getting another type. */
    void addColumn(Column column, String logical, String where, Class<?> entity, boolean readOnly, SqlType referenceType) {
        Slot existing = columns.get(column.name());
        Slot incoming = new Slot(column, logical, where, entity, readOnly, referenceType);
        if (existing == null) {
            columns.put(column.name(), incoming);
            return;
        }
        if (!existing.column().type().equals(column.type())) {
            throw conflict(existing, incoming);
        }
        if (existing.readOnly() || readOnly) {
            if (existing.readOnly() && !readOnly) columns.put(column.name(), incoming);
            return;
        }
        if (existing.entity() == entity) {
            throw new JpaMappingException(where, "column " + column.name() + " of table " + key() + " is also mapped by "
                    + existing.origin() + "; mark one @Column/@JoinColumn(insertable = false, updatable = false) or rename it");
        }
        if (!existing.column().equals(column)) throw conflict(existing, incoming);
    }

    private JpaMappingException conflict(Slot a, Slot b) {
        return new JpaMappingException(b.origin(), "column " + key() + "." + b.column().name() + " is defined as '"
                + b.column() + "' but " + a.origin() + " defines it as '" + a.column() + "'");
    }

    void setPrimaryKey(List<String> cols, String where) {
        if (primaryKey != null && !primaryKey.equals(cols)) {
            throw new JpaMappingException(where, "table " + key() + " gets primary key " + cols + " but "
                    + primaryKeyOrigin + " gives it " + primaryKey);
        }
        if (primaryKey == null) {
            primaryKey = List.copyOf(cols);
            primaryKeyOrigin = where;
        }
    }

    /** A unique constraint over physical column names; the convention names it unless a name is given. */
    void addUnique(String exactName, List<String> cols, String where) {
        for (UniqueConstraint u : uniques) {
            if (u.columns().equals(cols)) return;
        }
        String n = exactName != null && !exactName.isEmpty() ? exactName : convention.uniqueName(name, cols);
        uniques.add(new UniqueConstraint(n, cols));
    }

    /** A unique constraint or index from annotations, over logical or physical column names. */
    void addPending(String exactName, List<String> cols, List<Boolean> descending, boolean unique, boolean constraint, String where) {
        pending.add(new PendingKey(exactName, cols, descending, unique, constraint, where));
    }

    /** A foreign key; the convention names it unless a name is given. Adding the same key twice keeps one. */
    void addForeignKey(String exactName, List<String> cols, TableAssembly target, List<String> referred,
                       ForeignKey.Action onDelete, ForeignKey.Action onUpdate) {
        for (ForeignKey f : foreignKeys) {
            if (f.columns().equals(cols) && f.referredKey().equals(target.key()) && f.referredColumns().equals(referred)) return;
        }
        String n = exactName != null && !exactName.isEmpty() ? exactName : convention.foreignKeyName(name, cols, target.name());
        foreignKeys.add(new ForeignKey(n, cols, target.schema(), target.name(), referred, onDelete, onUpdate, false, false));
    }

    /** A check constraint; the label makes its conventional name ({@code ck_<table>_<label>}) and is made unique. */
    void addCheck(String exactName, String label, String expression) {
        String l = label;
        for (int i = 2; !checkLabels.add(l); i++) l = label + "_" + i;
        String n = exactName != null && !exactName.isEmpty() ? exactName : convention.checkName(name, l);
        checks.add(new CheckConstraint(n, expression));
    }

    /** The table: primary-key columns first, in key order, then the others in the order they were mapped. */
    Table build() {
        List<Column> cols = new ArrayList<>();
        List<String> pk = primaryKey == null ? List.of() : primaryKey;
        for (String c : pk) {
            Slot s = columns.get(c);
            if (s == null) throw new JpaMappingException(primaryKeyOrigin, "primary key column " + c + " is not a column of table " + key());
            cols.add(s.column().withNullable(false));
        }
        for (Slot s : columns.values()) {
            if (!pk.contains(s.column().name())) cols.add(s.column());
        }
        List<Index> indexes = new ArrayList<>();
        // constraints first, so that an index can tell whether a constraint already covers it
        for (PendingKey p : pending) {
            if (p.constraint()) addUnique(p.name(), physical(p), p.origin());
        }
        for (PendingKey p : pending) {
            if (p.constraint()) continue;
            List<String> physical = physical(p);
            // Hibernate skips a unique index that repeats the primary key or a unique constraint
            if (p.unique() && (physical.equals(primaryKey) || uniques.stream().anyMatch(u -> u.columns().equals(physical)))) continue;
            List<Index.Element> elements = new ArrayList<>();
            for (int i = 0; i < physical.size(); i++) elements.add(new Index.Element(physical.get(i), null, p.descending().get(i)));
            String n = p.name() != null && !p.name().isEmpty() ? p.name() : convention.indexName(name, physical);
            indexes.add(new Index(n, elements, p.unique(), null, null, List.of()));
        }
        PrimaryKey primary = primaryKey == null ? null : new PrimaryKey(convention.primaryKeyName(name, primaryKey), primaryKey);
        try {
            return new Table(schema, name, cols, primary, uniques, foreignKeys, checks, indexes, comment, null);
        } catch (IllegalArgumentException e) {
            throw new JpaMappingException(origin, e.getMessage());
        }
    }

    /** The physical names of the columns an annotation names logically or physically. */
    private List<String> physical(PendingKey p) {
        List<String> out = new ArrayList<>();
        for (String c : p.columns()) {
            Slot s = resolve(c);
            if (s == null) {
                throw new JpaMappingException(p.origin(), (p.constraint() ? "@UniqueConstraint" : "@Index") + " names column "
                        + c + ", which table " + key() + " does not have (it has " + columns.keySet() + ")");
            }
            out.add(s.column().name());
        }
        return out;
    }

    /** Quotes a column name for a check expression when PostgreSQL would otherwise fold or reject it. */
    static String quoteForExpression(String column) {
        if (column.matches("[a-z_][a-z0-9_]*")) return column;
        return '"' + column.replace("\"", "\"\"") + '"';
    }
}
