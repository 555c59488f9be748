package dev.retort;

import java.util.List;

/**
 * A check constraint.
 *
 * @param notValid added {@code NOT VALID}: rows that were there when it was added have not been checked
 *                 (PostgreSQL's {@code pg_constraint.convalidated} false); new and updated rows are
 */
public record CheckConstraint(String name, String expression, boolean noInherit, boolean notValid) implements Constraint {

    /** A check that child tables inherit, as checks are by default. */
    public CheckConstraint(String name, String expression) {
        this(name, expression, false, false);
    }

    /** A validated check. */
    public CheckConstraint(String name, String expression, boolean noInherit) {
        this(name, expression, noInherit, false);
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
        return "check " + name + "(" + expression + ")" + (noInherit ? " no inherit" : "") + (notValid ? " not valid" : "");
    }

    /** The same check with the given validity. */
    public CheckConstraint withNotValid(boolean newNotValid) {
        return new CheckConstraint(name, expression, noInherit, newNotValid);
    }
}
