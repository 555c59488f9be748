package dev.retort;

import java.util.List;

public record UniqueConstraint(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred,
                               boolean nullsNotDistinct) implements Constraint {

    /** A unique constraint checked at once, at every statement, with nulls distinct. */
    public UniqueConstraint(String name, List<String> columns) {
        this(name, columns, false, false, false);
    }

    /** A unique constraint with nulls distinct. */
    public UniqueConstraint(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred) {
        this(name, columns, deferrable, initiallyDeferred, false);
    }

    public UniqueConstraint {
        Identifiers.check("unique constraint", name);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("unique constraint " + name + " has no columns");
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("unique constraint " + name + " names a column twice: " + columns);
        }
        if (initiallyDeferred && !deferrable) {
            throw new IllegalArgumentException("unique constraint " + name + " is initially deferred but not deferrable");
        }
    }

    public UniqueConstraint withColumns(List<String> newColumns) {
        return new UniqueConstraint(name, newColumns, deferrable, initiallyDeferred, nullsNotDistinct);
    }

    @Override
    public String toString() {
        return "unique " + name + (nullsNotDistinct ? " nulls not distinct" : "") + "(" + String.join(", ", columns) + ")"
                + (deferrable ? (initiallyDeferred ? " deferrable initially deferred" : " deferrable") : "");
    }
}
