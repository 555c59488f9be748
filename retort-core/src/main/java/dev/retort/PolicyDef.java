package dev.retort;

import java.util.List;

/** A row-level security policy under definition ({@link Dsl#policy}); {@link MetaData#policy} builds it. */
public final class PolicyDef {
    private final String name;
    private String table;
    private boolean permissive = true;
    private Policy.Command command = Policy.Command.ALL;
    private List<String> roles = List.of();
    private String using;
    private String withCheck;
    private String comment;

    PolicyDef(String name) {
        this.name = name;
    }

    public PolicyDef on(String tableName) {
        this.table = tableName;
        return this;
    }

    /** Combined with the other policies by AND (they are OR-ed by default). */
    public PolicyDef restrictive() {
        permissive = false;
        return this;
    }

    /** The command it applies to; {@code ALL} by default. */
    public PolicyDef forCommand(Policy.Command which) {
        command = which;
        return this;
    }

    /** The roles it applies to; every role ({@code PUBLIC}) by default. */
    public PolicyDef to(String... roleNames) {
        roles = List.of(roleNames);
        return this;
    }

    /** Which existing rows are visible (and may be updated or deleted). */
    public PolicyDef using(String condition) {
        using = condition;
        return this;
    }

    /** Which new rows may be written. */
    public PolicyDef withCheck(String condition) {
        withCheck = condition;
        return this;
    }

    public PolicyDef comment(String text) {
        comment = text;
        return this;
    }

    Policy build(String schema) {
        if (table == null) throw new IllegalArgumentException("policy " + name + " is on no table: give on(table)");
        return new Policy(schema, table, name, permissive, command, roles, using, withCheck, comment);
    }
}
