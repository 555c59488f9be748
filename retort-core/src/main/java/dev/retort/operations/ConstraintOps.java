package dev.retort.operations;

import dev.retort.Constraint;
import dev.retort.ForeignKey;

public final class ConstraintOps {
    private ConstraintOps() {
    }

    public record AddConstraint(String schema, String table, Constraint constraint) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropConstraint(schema, table, constraint); }
        public Operation rebind(String f, String t) { return new AddConstraint(Binding.schema(schema, f, t), table, rebindConstraint(constraint, f, t)); }
        public String describe() { return "add constraint " + constraint.name() + " on " + table; }
    }

    /** Carries the constraint definition so that the inverse can recreate it. */
    public record DropConstraint(String schema, String table, Constraint constraint) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new AddConstraint(schema, table, constraint); }
        public Operation rebind(String f, String t) { return new DropConstraint(Binding.schema(schema, f, t), table, rebindConstraint(constraint, f, t)); }
        public String describe() { return "drop constraint " + constraint.name() + " on " + table; }
    }

    /**
     * A check or foreign key whose validity alone changes. Becoming valid is {@code VALIDATE CONSTRAINT}:
     * the rows are checked without blocking writes. No database marks a valid constraint not valid: that
     * is a drop and an add {@code NOT VALID}.
     */
    public record AlterConstraint(String schema, String table, Change<Constraint> constraint) implements Operation {
        public AlterConstraint {
            if (!constraint.from().name().equals(constraint.to().name())) {
                throw new IllegalArgumentException("alter constraint cannot rename " + constraint.from().name()
                        + " to " + constraint.to().name());
            }
        }

        /** Whether the change validates the constraint (else it gives up validity). */
        public boolean validates() {
            return !constraint.to().notValid();
        }

        public boolean destructive() { return false; }
        public Operation inverse() { return new AlterConstraint(schema, table, constraint.reversed()); }
        public Operation rebind(String f, String t) {
            return new AlterConstraint(Binding.schema(schema, f, t), table, new Change<>(rebindConstraint(constraint.from(), f, t),
                    rebindConstraint(constraint.to(), f, t)));
        }
        public String describe() {
            return (validates() ? "validate constraint " : "mark not valid constraint ") + constraint.to().name() + " on " + table;
        }
    }

    static Constraint rebindConstraint(Constraint c, String from, String to) {
        if (c instanceof ForeignKey fk) return fk.withReferredSchema(Binding.schema(fk.referredSchema(), from, to));
        return c;
    }
}
