package dev.retort;

import java.util.List;

public record CheckConstraint(String name, String expression) implements Constraint {
    public CheckConstraint {
        Identifiers.check("check constraint", name);
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("check constraint " + name + " has no expression");
        }
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public String toString() {
        return "check " + name + "(" + expression + ")";
    }
}
