package dev.retort;

import java.util.List;

public record UniqueConstraint(String name, List<String> columns) implements Constraint {
    public UniqueConstraint {
        Identifiers.check("unique constraint", name);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("unique constraint " + name + " has no columns");
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("unique constraint " + name + " names a column twice: " + columns);
        }
    }

    @Override
    public String toString() {
        return "unique " + name + "(" + String.join(", ", columns) + ")";
    }
}
