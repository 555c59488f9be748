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

    static Constraint rebindConstraint(Constraint c, String from, String to) {
        if (c instanceof ForeignKey fk) return fk.withReferredSchema(Binding.schema(fk.referredSchema(), from, to));
        return c;
    }
}
