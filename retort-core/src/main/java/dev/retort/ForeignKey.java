package dev.retort;

import java.util.List;
import java.util.Locale;

/**
 * A foreign key. {@code referredSchema} is the schema of the referred table as resolved at definition
 * time (null when neither the key nor the MetaData named one); cloning moves it with the table when it
 * equals the table's own schema and keeps it otherwise, as SQLAlchemy's {@code Table.to_metadata} does.
 *
 * @param matchFull MATCH FULL: a row whose key is partly null fails the check (the default, MATCH
 *                  SIMPLE, lets it pass)
 * @param notValid  added {@code NOT VALID}: rows that were there when it was added have not been checked
 */
public record ForeignKey(String name, List<String> columns, String referredSchema, String referredTable,
                         List<String> referredColumns, Action onDelete, Action onUpdate, boolean deferrable,
                         boolean initiallyDeferred, boolean matchFull, boolean notValid) implements Constraint {

    /** Referential actions; {@link #NO_ACTION} is the SQL default. */
    public enum Action {
        NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

        /** As written in SQL: {@code SET NULL}. */
        public String sql() {
            return name().replace('_', ' ');
        }

        /** Reads {@code set null}, {@code SET_NULL} or {@code SET NULL}. */
        public static Action parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        }
    }

    /** A key with the default match type, MATCH SIMPLE: a row with a null in the key is not checked. */
    public ForeignKey(String name, List<String> columns, String referredSchema, String referredTable,
                      List<String> referredColumns, Action onDelete, Action onUpdate, boolean deferrable,
                      boolean initiallyDeferred) {
        this(name, columns, referredSchema, referredTable, referredColumns, onDelete, onUpdate, deferrable,
                initiallyDeferred, false, false);
    }

    /** A validated key. */
    public ForeignKey(String name, List<String> columns, String referredSchema, String referredTable,
                      List<String> referredColumns, Action onDelete, Action onUpdate, boolean deferrable,
                      boolean initiallyDeferred, boolean matchFull) {
        this(name, columns, referredSchema, referredTable, referredColumns, onDelete, onUpdate, deferrable,
                initiallyDeferred, matchFull, false);
    }

    public ForeignKey {
        Identifiers.check("foreign key", name);
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
        Identifiers.check("foreign key " + name + " referred table", referredTable);
        if (referredSchema != null) Identifiers.check("foreign key " + name + " referred schema", referredSchema);
        if (columns.isEmpty() || columns.size() != referredColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
                    + " columns but refers to " + referredColumns.size());
        }
        onDelete = onDelete == null ? Action.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? Action.NO_ACTION : onUpdate;
        if (initiallyDeferred && !deferrable) {
            throw new IllegalArgumentException("foreign key " + name + " is initially deferred but not deferrable");
        }
    }

    /** {@code schema.table} or {@code table}: the MetaData key of the referred table. */
    public String referredKey() {
        return referredSchema == null ? referredTable : referredSchema + "." + referredTable;
    }

    public ForeignKey withReferredSchema(String schema) {
        return new ForeignKey(name, columns, schema, referredTable, referredColumns, onDelete, onUpdate,
                deferrable, initiallyDeferred, matchFull, notValid);
    }

    /** The same key with the given validity. */
    public ForeignKey withNotValid(boolean newNotValid) {
        return new ForeignKey(name, columns, referredSchema, referredTable, referredColumns, onDelete, onUpdate,
                deferrable, initiallyDeferred, matchFull, newNotValid);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("foreign key ").append(name).append('(')
                .append(String.join(", ", columns)).append(") -> ").append(referredKey()).append('(')
                .append(String.join(", ", referredColumns)).append(')');
        if (onDelete != Action.NO_ACTION) s.append(" on delete ").append(onDelete.sql().toLowerCase(Locale.ROOT));
        if (onUpdate != Action.NO_ACTION) s.append(" on update ").append(onUpdate.sql().toLowerCase(Locale.ROOT));
        if (deferrable) s.append(initiallyDeferred ? " deferrable initially deferred" : " deferrable");
        if (matchFull) s.append(" match full");
        if (notValid) s.append(" not valid");
        return s.toString();
    }
}
