package dev.retort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A trigger on a table (or, {@code INSTEAD OF}, on a view) that runs a function. The trigger lives in
 * its table's schema; the function is named with its schema as resolved at definition time, which
 * follows the table when the model is bound to another schema (as a foreign key's referred schema does).
 *
 * @param updateColumns  {@code UPDATE OF} these columns only (empty: any update)
 * @param forEachRow     {@code FOR EACH ROW}; else {@code FOR EACH STATEMENT}
 * @param when           the {@code WHEN} condition as SQL ({@code new.status <> old.status}), or null
 * @param arguments      text arguments passed to the function ({@code TG_ARGV})
 * @param constraint     a constraint trigger ({@code CREATE CONSTRAINT TRIGGER}, after row only)
 * @param oldTable       the transition table of old rows ({@code REFERENCING OLD TABLE AS}), or null
 * @param newTable       the transition table of new rows, or null
 */
public record Trigger(String schema, String table, String name, Timing timing, List<Event> events, List<String> updateColumns,
                      boolean forEachRow, String when, String functionSchema, String function, List<String> arguments,
                      boolean constraint, boolean deferrable, boolean initiallyDeferred, String oldTable, String newTable,
                      String comment) {

    public enum Timing {
        BEFORE, AFTER, INSTEAD_OF;

        public String sql() {
            return name().replace('_', ' ');
        }
    }

    /** In the order PostgreSQL prints them. */
    public enum Event { INSERT, DELETE, UPDATE, TRUNCATE }

    public Trigger {
        Identifiers.check("trigger", name);
        Identifiers.check("trigger " + name + ": table", table);
        if (schema != null) Identifiers.check("trigger " + name + ": schema", schema);
        Identifiers.check("trigger " + name + ": function", function);
        if (functionSchema != null) Identifiers.check("trigger " + name + ": function schema", functionSchema);
        Objects.requireNonNull(timing, () -> "trigger " + name + " has no timing (before, after, instead of)");
        if (events == null || events.isEmpty()) throw new IllegalArgumentException("trigger " + name + " fires on no event");
        List<Event> sorted = new ArrayList<>();
        for (Event e : events) if (!sorted.contains(e)) sorted.add(e);
        sorted.sort(Comparator.naturalOrder());
        events = List.copyOf(sorted);
        updateColumns = updateColumns == null ? List.of() : List.copyOf(updateColumns);
        updateColumns.forEach(c -> Identifiers.check("trigger " + name + ": update column", c));
        if (!updateColumns.isEmpty() && !events.contains(Event.UPDATE)) {
            throw new IllegalArgumentException("trigger " + name + ": UPDATE OF columns without an UPDATE event");
        }
        if (when != null && when.isBlank()) when = null;
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        if (constraint && (timing != Timing.AFTER || !forEachRow)) {
            throw new IllegalArgumentException("constraint trigger " + name + " must be AFTER ... FOR EACH ROW");
        }
        if (!constraint && deferrable) throw new IllegalArgumentException("trigger " + name + ": only a constraint trigger is deferrable");
        if (initiallyDeferred && !deferrable) throw new IllegalArgumentException("trigger " + name + ": initially deferred but not deferrable");
        if (oldTable != null) Identifiers.check("trigger " + name + ": old table", oldTable);
        if (newTable != null) Identifiers.check("trigger " + name + ": new table", newTable);
    }

    /** The key of the table (or view) it is on. */
    public String tableKey() {
        return schema == null ? table : schema + "." + table;
    }

    /** {@code schema.table.name}: the key in {@link MetaData#triggers()}; names are unique per table. */
    public String key() {
        return tableKey() + "." + name;
    }

    /** This trigger in another schema; the function moves with it when it was in the trigger's own schema. */
    public Trigger withSchema(String newSchema) {
        String fs = Objects.equals(functionSchema, schema) ? newSchema : functionSchema;
        return new Trigger(newSchema, table, name, timing, events, updateColumns, forEachRow, when, fs, function, arguments,
                constraint, deferrable, initiallyDeferred, oldTable, newTable, comment);
    }

    public Trigger withFunctionSchema(String newFunctionSchema) {
        return new Trigger(schema, table, name, timing, events, updateColumns, forEachRow, when, newFunctionSchema, function,
                arguments, constraint, deferrable, initiallyDeferred, oldTable, newTable, comment);
    }

    public Trigger withComment(String newComment) {
        return new Trigger(schema, table, name, timing, events, updateColumns, forEachRow, when, functionSchema, function,
                arguments, constraint, deferrable, initiallyDeferred, oldTable, newTable, newComment);
    }

    public Trigger withTable(String newTable) {
        return new Trigger(schema, newTable, name, timing, events, updateColumns, forEachRow, when, functionSchema, function,
                arguments, constraint, deferrable, initiallyDeferred, oldTable, this.newTable, comment);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(constraint ? "constraint trigger " : "trigger ").append(name).append(' ')
                .append(timing.sql().toLowerCase(Locale.ROOT)).append(' ')
                .append(String.join(" or ", events.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
        if (!updateColumns.isEmpty()) s.append(" of ").append(String.join(", ", updateColumns));
        s.append(" on ").append(tableKey());
        if (oldTable != null) s.append(" old table ").append(oldTable);
        if (newTable != null) s.append(" new table ").append(newTable);
        if (deferrable) s.append(" deferrable").append(initiallyDeferred ? " initially deferred" : "");
        s.append(forEachRow ? " for each row" : " for each statement");
        if (when != null) s.append(" when (").append(when).append(')');
        s.append(" execute ").append(functionSchema == null ? "" : functionSchema + ".").append(function)
                .append('(').append(String.join(", ", arguments.stream().map(a -> "'" + a + "'").toList())).append(')');
        if (comment != null) s.append(" comment '").append(comment).append('\'');
        return s.toString();
    }
}
