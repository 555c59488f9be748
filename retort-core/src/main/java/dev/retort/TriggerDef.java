package dev.retort;

import java.util.List;

/** A trigger under definition ({@link Dsl#trigger}); {@link MetaData#trigger} builds it. */
public final class TriggerDef {
    private final String name;
    private String table;
    private Trigger.Timing timing;
    private List<Trigger.Event> events = List.of();
    private List<String> updateColumns = List.of();
    private boolean forEachRow;
    private String when;
    private String functionSchema;
    private String function;
    private List<String> arguments = List.of();
    private boolean constraint;
    private boolean deferrable;
    private boolean initiallyDeferred;
    private String oldTable;
    private String newTable;
    private String comment;

    TriggerDef(String name) {
        this.name = name;
    }

    /** The table (or view) it is on, in the same schema. */
    public TriggerDef on(String tableName) {
        this.table = tableName;
        return this;
    }

    public TriggerDef before(Trigger.Event... on) {
        return fires(Trigger.Timing.BEFORE, on);
    }

    public TriggerDef after(Trigger.Event... on) {
        return fires(Trigger.Timing.AFTER, on);
    }

    /** On a view: replaces the insert, update or delete. */
    public TriggerDef insteadOf(Trigger.Event... on) {
        return fires(Trigger.Timing.INSTEAD_OF, on);
    }

    private TriggerDef fires(Trigger.Timing at, Trigger.Event... on) {
        this.timing = at;
        this.events = List.of(on);
        return this;
    }

    /** {@code UPDATE OF} these columns only. */
    public TriggerDef updateOf(String... columns) {
        this.updateColumns = List.of(columns);
        return this;
    }

    public TriggerDef forEachRow() {
        forEachRow = true;
        return this;
    }

    /** The default. */
    public TriggerDef forEachStatement() {
        forEachRow = false;
        return this;
    }

    /** The {@code WHEN} condition: {@code when("new.status IS DISTINCT FROM old.status")}. */
    public TriggerDef when(String condition) {
        this.when = condition;
        return this;
    }

    /** The function it runs, in the trigger's schema, with text arguments. */
    public TriggerDef execute(String functionName, String... args) {
        return execute(null, functionName, args);
    }

    /** A function in a fixed schema ({@code public}, say); null for the trigger's own. */
    public TriggerDef execute(String schema, String functionName, String... args) {
        this.functionSchema = schema;
        this.function = functionName;
        this.arguments = List.of(args);
        return this;
    }

    /** A constraint trigger (after, for each row), which can be deferred. */
    public TriggerDef constraint() {
        constraint = true;
        return this;
    }

    public TriggerDef deferrable(boolean initially) {
        deferrable = true;
        initiallyDeferred = initially;
        return this;
    }

    /** {@code REFERENCING OLD TABLE AS name}. */
    public TriggerDef oldTable(String transitionName) {
        oldTable = transitionName;
        return this;
    }

    /** {@code REFERENCING NEW TABLE AS name}. */
    public TriggerDef newTable(String transitionName) {
        newTable = transitionName;
        return this;
    }

    public TriggerDef comment(String text) {
        comment = text;
        return this;
    }

    Trigger build(String schema) {
        if (table == null) throw new IllegalArgumentException("trigger " + name + " is on no table: give on(table)");
        if (function == null) throw new IllegalArgumentException("trigger " + name + " runs no function: give execute(function)");
        return new Trigger(schema, table, name, timing, events, updateColumns, forEachRow, when,
                functionSchema != null ? functionSchema : schema, function, arguments, constraint, deferrable,
                initiallyDeferred, oldTable, newTable, comment);
    }
}
