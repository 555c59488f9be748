package dev.retort.operations;

import dev.retort.Index;

public final class IndexOps {
    private IndexOps() {
    }

    /**
     * @param concurrently built without blocking writes ({@code CREATE INDEX CONCURRENTLY}), which cannot
     *                     run inside a transaction: the runner gives it a step of its own
     */
    public record CreateIndex(String schema, String table, Index index, boolean concurrently) implements Operation {
        public CreateIndex(String schema, String table, Index index) {
            this(schema, table, index, false);
        }

        public boolean destructive() { return false; }
        public Operation inverse() { return new DropIndex(schema, table, index, concurrently); }
        public Operation rebind(String f, String t) { return new CreateIndex(Binding.schema(schema, f, t), table, index, concurrently); }
        public String describe() { return "create index " + index.name() + " on " + table + (concurrently ? " concurrently" : ""); }
    }

    /** A kept index's comment (a new index carries its own). */
    public record SetIndexComment(String schema, String table, String index, Change<String> comment) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new SetIndexComment(schema, table, index, comment.reversed()); }
        public Operation rebind(String f, String t) { return new SetIndexComment(Binding.schema(schema, f, t), table, index, comment); }
        public String describe() { return "comment on index " + index + " on " + table; }
    }

    /** Carries the index definition so that the inverse can recreate it. */
    public record DropIndex(String schema, String table, Index index, boolean concurrently) implements Operation {
        public DropIndex(String schema, String table, Index index) {
            this(schema, table, index, false);
        }

        public boolean destructive() { return false; }
        public Operation inverse() { return new CreateIndex(schema, table, index, concurrently); }
        public Operation rebind(String f, String t) { return new DropIndex(Binding.schema(schema, f, t), table, index, concurrently); }
        public String describe() { return "drop index " + index.name() + " on " + table + (concurrently ? " concurrently" : ""); }
    }

    /** Whether {@code op} must run outside a transaction: an index created or dropped concurrently. */
    public static boolean outsideTransaction(Operation op) {
        return op instanceof CreateIndex c && c.concurrently() || op instanceof DropIndex d && d.concurrently();
    }
}
