package dev.retort.operations;

import dev.retort.Column;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.Trigger;

import java.util.Objects;

/** Schema substitution inside values, shared by the operations' {@code rebind}. */
final class Binding {
    private Binding() {
    }

    static String schema(String schema, String from, String to) {
        return Objects.equals(schema, from) ? to : schema;
    }

    static Table table(Table table, String from, String to) {
        Table moved = Objects.equals(table.schema(), from) ? table.bind(to, null) : table;
        // Keys into schema `from` from a table in a fixed schema, and enum types there, move too.
        return moved.bind(Table.RETAIN_SCHEMA, (src, toSchema, fk, def) -> schema(fk.referredSchema(), from, to))
                .withColumns(moved.columns().stream().map(c -> column(c, from, to)).toList());
    }

    static Column column(Column column, String from, String to) {
        return column.withType(type(column.type(), from, to));
    }

    static SqlType type(SqlType type, String from, String to) {
        if (type instanceof SqlType.Array a) return new SqlType.Array(type(a.element(), from, to));
        if (type instanceof SqlType.Enum e) return e.withSchema(schema(e.schema(), from, to));
        return type;
    }

    /** The trigger's schema, and its function's when that is the one rebound. */
    static Trigger trigger(Trigger trigger, String from, String to) {
        return new Trigger(schema(trigger.schema(), from, to), trigger.table(), trigger.name(), trigger.timing(),
                trigger.events(), trigger.updateColumns(), trigger.forEachRow(), trigger.when(),
                schema(trigger.functionSchema(), from, to), trigger.function(), trigger.arguments(), trigger.constraint(),
                trigger.deferrable(), trigger.initiallyDeferred(), trigger.oldTable(), trigger.newTable(), trigger.comment());
    }
}
