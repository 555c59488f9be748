package dev.retort.operations;

import dev.retort.Index;

public final class IndexOps {
    private IndexOps() {
    }

    public record CreateIndex(String schema, String table, Index index) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropIndex(schema, table, index); }
        public Operation rebind(String f, String t) { return new CreateIndex(Binding.schema(schema, f, t), table, index); }
        public String describe() { return "create index " + index.name() + " on " + table; }
    }

    /** Carries the index definition so that the inverse can recreate it. */
    public record DropIndex(String schema, String table, Index index) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new CreateIndex(schema, table, index); }
        public Operation rebind(String f, String t) { return new DropIndex(Binding.schema(schema, f, t), table, index); }
        public String describe() { return "drop index " + index.name() + " on " + table; }
    }
}
