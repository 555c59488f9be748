package dev.retort.operations;

import dev.retort.Routine;

/**
 * Functions and procedures. A change PostgreSQL can make with {@code CREATE OR REPLACE} (body,
 * language, attributes, settings) is a {@link ReplaceRoutine}; one it cannot (arguments' names or
 * defaults removed, result type, function to procedure) is a drop and a create, both then marked
 * {@code replacement}.
 */
public final class RoutineOps {
    private RoutineOps() {
    }

    public record CreateRoutine(Routine routine, boolean replacement) implements Operation {
        public String schema() { return routine.schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropRoutine(routine, replacement); }
        public Operation rebind(String f, String t) { return new CreateRoutine(routine.withSchema(Binding.schema(routine.schema(), f, t)), replacement); }
        public String describe() { return "create " + routine.what() + " " + routine.signature(); }
    }

    /** Carries the definition so that the inverse can create it again. */
    public record DropRoutine(Routine routine, boolean replacement) implements Operation {
        public String schema() { return routine.schema(); }
        /** Whatever calls it fails. */
        public boolean destructive() { return !replacement; }
        public Operation inverse() { return new CreateRoutine(routine, replacement); }
        public Operation rebind(String f, String t) { return new DropRoutine(routine.withSchema(Binding.schema(routine.schema(), f, t)), replacement); }
        public String describe() { return "drop " + routine.what() + " " + routine.signature() + (replacement ? " (made again below)" : ""); }
    }

    /** {@code CREATE OR REPLACE} and, when only it changes, the comment alone. */
    public record ReplaceRoutine(Change<Routine> routine) implements Operation {
        public String schema() { return routine.to().schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new ReplaceRoutine(routine.reversed()); }
        public Operation rebind(String f, String t) {
            return new ReplaceRoutine(new Change<>(routine.from().withSchema(Binding.schema(routine.from().schema(), f, t)),
                    routine.to().withSchema(Binding.schema(routine.to().schema(), f, t))));
        }
        public String describe() { return "replace " + routine.to().what() + " " + routine.to().signature(); }
    }
}
