package dev.retort.operations;

import dev.retort.Table;

/** Table-level operations. CreateTable carries the whole table: columns, keys, checks, indexes. */
public final class TableOps {
    private TableOps() {
    }

    public record CreateTable(Table table) implements Operation {
        public String schema() { return table.schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropTable(table); }
        public Operation rebind(String from, String to) { return new CreateTable(Binding.table(table, from, to)); }
        public String describe() { return "create table " + table.name(); }
    }

    /** Carries the dropped table's definition so that the inverse can recreate it. */
    public record DropTable(Table table) implements Operation {
        public String schema() { return table.schema(); }
        public boolean destructive() { return true; }
        public Operation inverse() { return new CreateTable(table); }
        public String lossNote() { return "the rows of table " + table.name() + " are not restored"; }
        public Operation rebind(String from, String to) { return new DropTable(Binding.table(table, from, to)); }
        public String describe() { return "drop table " + table.name(); }
    }

    public record RenameTable(String schema, String from, String to) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new RenameTable(schema, to, from); }
        public Operation rebind(String f, String t) { return new RenameTable(Binding.schema(schema, f, t), from, to); }
        public String describe() { return "rename table " + from + " to " + to; }
    }

    public record SetTableComment(String schema, String table, Change<String> comment) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new SetTableComment(schema, table, comment.reversed()); }
        public Operation rebind(String f, String t) { return new SetTableComment(Binding.schema(schema, f, t), table, comment); }
        public String describe() { return "comment on table " + table; }
    }
}
