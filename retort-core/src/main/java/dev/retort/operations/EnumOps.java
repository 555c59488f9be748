package dev.retort.operations;

import dev.retort.SqlType;

public final class EnumOps {
    private EnumOps() {
    }

    public record CreateEnum(SqlType.Enum type) implements Operation {
        public String schema() { return type.schema(); }
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropEnum(type); }
        public Operation rebind(String f, String t) { return new CreateEnum((SqlType.Enum) Binding.type(type, f, t)); }
        public String describe() { return "create enum type " + type.name(); }
    }

    public record DropEnum(SqlType.Enum type) implements Operation {
        public String schema() { return type.schema(); }
        public boolean destructive() { return true; }
        public Operation inverse() { return new CreateEnum(type); }
        public Operation rebind(String f, String t) { return new DropEnum((SqlType.Enum) Binding.type(type, f, t)); }
        public String describe() { return "drop enum type " + type.name(); }
    }

    /**
     * Adds a label to an enum type.
     *
     * @param before the label the new one goes before, or null to append
     */
    public record AddEnumValue(String schema, String enumName, String value, String before) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new RemoveEnumValue(schema, enumName, value, before); }
        public Operation rebind(String f, String t) { return new AddEnumValue(Binding.schema(schema, f, t), enumName, value, before); }
        public String describe() { return "add value '" + value + "' to enum type " + enumName; }
    }

    /** Removes a label; rows holding it make the operation fail rather than lose them silently. */
    public record RemoveEnumValue(String schema, String enumName, String value, String before) implements Operation {
        public boolean destructive() { return true; }
        public Operation inverse() { return new AddEnumValue(schema, enumName, value, before); }
        public Operation rebind(String f, String t) { return new RemoveEnumValue(Binding.schema(schema, f, t), enumName, value, before); }
        public String describe() { return "remove value '" + value + "' from enum type " + enumName; }
    }
}
