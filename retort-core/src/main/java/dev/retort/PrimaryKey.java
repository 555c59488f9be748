package dev.retort;

import java.util.List;

/**
 * A primary key.
 *
 * @param deferrable        checked at the end of the statement or, when deferred, of the transaction,
 *                          instead of row by row (PostgreSQL's {@code DEFERRABLE}); foreign keys cannot
 *                          refer to such a key
 * @param initiallyDeferred checked at commit unless the transaction says otherwise
 */
public record PrimaryKey(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred) implements Constraint {

    /** A key checked at once. */
    public PrimaryKey(String name, List<String> columns) {
        this(name, columns, false, false);
    }

    public PrimaryKey {
        Identifiers.check("primary key", name);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("primary key " + name + " has no columns");
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("primary key " + name + " names a column twice: " + columns);
        }
        if (initiallyDeferred && !deferrable) {
            throw new IllegalArgumentException("primary key " + name + " is initially deferred but not deferrable");
        }
    }

    public PrimaryKey withColumns(List<String> newColumns) {
        return new PrimaryKey(name, newColumns, deferrable, initiallyDeferred);
    }

    @Override
    public String toString() {
        return "primary key " + name + "(" + String.join(", ", columns) + ")"
                + (deferrable ? (initiallyDeferred ? " deferrable initially deferred" : " deferrable") : "");
    }
}
