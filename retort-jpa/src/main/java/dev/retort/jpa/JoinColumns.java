package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.SqlType;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.JoinColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns that refer to an entity: those {@code @JoinColumn(s)} declare, or one per key column of
 * the target, named {@code <prefix>_<referred column>} and typed as the column they refer to.
 */
final class JoinColumns {
    /** A referencing column to be made, and the column of the target it refers to. */
    record Ref(ColumnAnn ann, String logical, String name, SqlType type, String referred) {
    }

    private final Names names;

    JoinColumns(Names names) {
        this.names = names;
    }

    /** The {@code @JoinColumn} or {@code @JoinColumns} of an attribute; none when it has neither. */
    static JoinColumn[] annotationsOf(Attribute a) {
        jakarta.persistence.JoinColumns many = a.get(jakarta.persistence.JoinColumns.class);
        if (many != null) return many.value();
        JoinColumn one = a.get(JoinColumn.class);
        return one == null ? new JoinColumn[0] : new JoinColumn[] {one};
    }

    /** The {@code @ForeignKey} of an attribute's join columns, or null. */
    static jakarta.persistence.ForeignKey foreignKeyOf(Attribute a) {
        jakarta.persistence.JoinColumns many = a.get(jakarta.persistence.JoinColumns.class);
        if (many != null) return many.foreignKey();
        JoinColumn one = a.get(JoinColumn.class);
        return one == null ? null : one.foreignKey();
    }

    static List<String> referred(List<Ref> refs) {
        return refs.stream().map(Ref::referred).toList();
    }

    /**
     * The referencing columns for join column annotations (none: one per column of the target's key).
     *
     * @param key    the target's key columns
     * @param prefix what implicit names start with: the attribute, or the entity for the owner's side of a join table
     */
    List<Ref> resolve(String where, JoinColumn[] anns, EntityInfo target, List<KeyColumn> key, String prefix) {
        List<Ref> out = new ArrayList<>();
        if (anns.length == 0) {
            for (KeyColumn k : key) {
                out.add(new Ref(ColumnAnn.DEFAULT, prefix + "_" + Names.text(k.logical()), names.joinColumn(prefix, k.logical()), k.type(), k.name()));
            }
            return out;
        }
        for (int i = 0; i < anns.length; i++) {
            JoinColumn jc = anns[i];
            if (!jc.table().isEmpty()) throw new JpaMappingException(where, "@JoinColumn(table) (secondary tables) is not supported");
            KeyColumn ref;
            if (!jc.referencedColumnName().isEmpty()) {
                ref = referencedColumn(where, target, jc.referencedColumnName(), key);
            } else if (anns.length == key.size()) {
                ref = key.get(i);
            } else {
                throw new JpaMappingException(where, "has " + anns.length + " join columns but the key of " + target.where()
                        + " has " + key.size() + " columns; give each @JoinColumn a referencedColumnName");
            }
            String logical = jc.name().isEmpty() ? prefix + "_" + Names.text(ref.logical()) : jc.name();
            SqlType type = jc.columnDefinition().isEmpty() ? ref.type() : ColumnDefinitions.type(jc.columnDefinition());
            out.add(new Ref(ColumnAnn.of(jc), Names.text(logical), names.physical(logical), type, ref.name()));
        }
        return out;
    }

    /** The column {@code referencedColumnName} names: a key column, or any other column of the target's table. */
    private KeyColumn referencedColumn(String where, EntityInfo target, String referenced, List<KeyColumn> key) {
        String physical = names.physical(referenced);
        for (KeyColumn k : key) {
            if (k.name().equals(physical) || k.logical().equals(Names.text(referenced))) return k;
        }
        TableAssembly.Slot s = target.table == null ? null : target.table.resolve(referenced);
        if (s == null) {
            String table = target.table == null ? target.where() : "table " + target.table.key();
            throw new JpaMappingException(where, "@JoinColumn(referencedColumnName = \"" + referenced + "\") names no column of " + table
                    + (target.table == null ? "" : " (it has " + target.table.columnNames() + ")"));
        }
        return new KeyColumn(s.logical(), s.column().name(), s.referenceType());
    }

    /**
     * Adds the referencing columns to a table, with the unique constraints and checks their
     * annotations ask for, and returns their names.
     *
     * @param optional      false when the relationship is required: the columns are then not null
     * @param forceNullable nullable whatever else says (a SINGLE_TABLE subclass's relationship)
     */
    static List<String> place(TableAssembly t, List<Ref> refs, boolean optional, boolean forceNullable, Attribute a, Class<?> entity) {
        List<String> cols = new ArrayList<>();
        for (Ref r : refs) {
            boolean nullable = forceNullable || optional && r.ann().nullable();
            Column c = Column.of(r.name(), r.type()).withNullable(nullable).withComment(r.ann().comment().isEmpty() ? null : r.ann().comment());
            t.addColumn(c, r.logical(), a.where(), entity, r.ann().readOnly());
            if (r.ann().unique() && !r.ann().readOnly()) t.addUnique(null, List.of(r.name()), a.where());
            for (CheckConstraint ck : r.ann().checks()) t.addCheck(ck.name(), r.name(), ck.constraint());
            cols.add(r.name());
        }
        return cols;
    }
}
