package dev.retort;

import java.util.List;

public record CheckConstraint(String name, String expression, boolean noInherit) implements Constraint {

    /** A check that child tables inherit, as checks are by default. */
    public CheckConstraint(String name, String expression) {
        this(name, expression, false);
    }

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
        return "check " + name + "(" + expression + ")" + (noInherit ? " no inherit" : "");
    }
}
