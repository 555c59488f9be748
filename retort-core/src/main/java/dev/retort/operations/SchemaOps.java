package dev.retort.operations;

/** Creating and dropping schemas. Here the schema is the object itself. */
public final class SchemaOps {
    private SchemaOps() {
    }

    public record CreateSchema(String schema) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropSchema(schema); }
        public Operation rebind(String from, String to) { return new CreateSchema(Binding.schema(schema, from, to)); }
        public String describe() { return "create schema " + (schema == null ? "(target)" : schema); }
    }

    public record DropSchema(String schema) implements Operation {
        public boolean destructive() { return true; }
        public Operation inverse() { return new CreateSchema(schema); }
        public String lossNote() { return "dropping schema " + schema + " loses everything in it"; }
        public Operation rebind(String from, String to) { return new DropSchema(Binding.schema(schema, from, to)); }
        public String describe() { return "drop schema " + (schema == null ? "(target)" : schema); }
    }
}
