package dev.retort;

import java.util.List;

public record PrimaryKey(String name, List<String> columns) implements Constraint {
    public PrimaryKey {
        Identifiers.check("primary key", name);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("primary key " + name + " has no columns");
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("primary key " + name + " names a column twice: " + columns);
        }
    }

    @Override
    public String toString() {
        return "primary key " + name + "(" + String.join(", ", columns) + ")";
    }
}
