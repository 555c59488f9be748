package dev.retort.compare;

import dev.retort.Column;
import dev.retort.Identity;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps.AlterColumn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The column differences of one table present on both sides.
 *
 * @param added    model columns the database lacks, in model order
 * @param dropped  database columns the model lacks (empty without drops), by name
 * @param replaced columns whose generated expression changed, or that read a column whose type
 *                 changes: dropped and added again, since no portable statement changes a generation
 *                 expression
 * @param altered  one alteration per column that differs in anything else
 * @param retyped  columns whose type changes or that are replaced: keys, indexes and foreign keys on
 *                 them are dropped before and re-created after
 */
record ColumnDiff(List<Column> added, List<Column> dropped, List<Replaced> replaced, List<AlterColumn> altered,
                  Set<String> retyped) {

    record Replaced(Column database, Column model) {
    }

    static ColumnDiff of(Table model, Table database, Scope scope) {
        Definitions defs = scope.definitions;
        List<Column> added = new ArrayList<>();
        List<Replaced> replaced = new ArrayList<>();
        List<AlterColumn> altered = new ArrayList<>();
        Set<String> retyped = new LinkedHashSet<>();
        Set<String> keptKey = keptKeyColumns(model, database, scope);
        for (Column m : model.columns()) {
            Column d = database.column(m.name()).orElse(null);
            if (d == null) {
                added.add(TableEdits.withoutRename(m));
            } else if (!defs.sameComputed(m, d)
                    || !defs.sameType(m.type(), d.type()) && defs.conversion(d.type(), m.type()) == Normaliser.Conversion.NONE) {
                // No statement changes a generation expression, and none converts values the database has
                // no cast for: the column is dropped and added again.
                replaced.add(new Replaced(d, fresh(m, keptKey)));
                retyped.add(m.name());
            } else {
                AlterColumn alter = alter(model, m, d, defs, keptKey.contains(m.name()));
                if (alter != null) {
                    altered.add(alter);
                    // A collation change is an ALTER ... TYPE too: PostgreSQL refuses it under a generated
                    // column, so dependants are handled as for a real type change.
                    if (alter.type() != null) retyped.add(m.name());
                }
            }
        }
        // The database cannot change the type of a column a generated column reads: such generated
        // columns make way too (their values are computed again when they are added back).
        Set<String> typed = Set.copyOf(retyped);
        for (Column m : model.columns()) {
            Column d = database.column(m.name()).orElse(null);
            if (d == null || m.computed() == null || replaced.stream().anyMatch(r -> r.model().name().equals(m.name()))) continue;
            if (typed.stream().anyMatch(c -> !c.equals(m.name()) && Definitions.mentions(m.computed(), c))) {
                altered.removeIf(a -> a.column().equals(m.name()));
                replaced.add(new Replaced(d, fresh(m, keptKey)));
                retyped.add(m.name());
            }
        }
        if (!scope.options.includeDrops()) {
            for (Column d : database.columns()) {
                if (model.column(d.name()).isEmpty() && d.computed() != null
                        && typed.stream().anyMatch(c -> Definitions.mentions(d.computed(), c))) {
                    replaced.add(new Replaced(d, d));
                    retyped.add(d.name());
                }
            }
        }
        List<Column> dropped = new ArrayList<>();
        if (scope.options.includeDrops()) {
            database.columns().stream().filter(d -> model.column(d.name()).isEmpty())
                    .sorted(Comparator.comparing(Column::name)).forEach(dropped::add);
        }
        return new ColumnDiff(added, dropped, replaced, altered, retyped);
    }

    /** The model's column as it is added again; NOT NULL when a kept primary key needs it. */
    private static Column fresh(Column m, Set<String> keptKey) {
        Column c = TableEdits.withoutRename(m);
        return keptKey.contains(c.name()) ? c.withNullable(false) : c;
    }

    /**
     * Columns of a primary key the database has, the model lacks, and the diff keeps (drops are off):
     * they stay NOT NULL whatever the model says, as the key needs.
     */
    private static Set<String> keptKeyColumns(Table model, Table database, Scope scope) {
        if (scope.options.includeDrops() || model.primaryKey() != null || database.primaryKey() == null) return Set.of();
        return Set.copyOf(database.primaryKey().columns());
    }

    private static AlterColumn alter(Table table, Column m, Column d, Definitions defs, boolean mustStayNotNull) {
        Change<SqlType> type = defs.sameType(m.type(), d.type()) ? null : new Change<>(d.type(), m.type());
        boolean wantNullable = Definitions.nullable(m) && !mustStayNotNull;
        Change<Boolean> nullable = wantNullable == Definitions.nullable(d) ? null : new Change<>(Definitions.nullable(d), wantNullable);
        Change<String> serverDefault = defs.sameDefault(m, d) ? null : new Change<>(d.serverDefault(), m.serverDefault());
        Change<Identity> identity = defs.sameIdentity(m, d) ? null : new Change<>(d.identity(), m.identity());
        Change<Boolean> autoIncrement = m.autoIncrement() == d.autoIncrement() ? null : new Change<>(d.autoIncrement(), m.autoIncrement());
        if (type == null && (m.autoIncrement() && !d.autoIncrement() || !Objects.equals(m.collation(), d.collation()))) {
            // A sequence the column gains takes the column's type, and PostgreSQL changes a collation with
            // the type: the renderer needs it even when unchanged.
            type = new Change<>(d.type(), m.type());
        }
        if (type != null && type.changed() && m.autoIncrement() && d.autoIncrement()) {
            // Still serial, but its sequence must follow the new type (its bounds are the type's).
            autoIncrement = new Change<>(true, true);
        }
        if (type != null && type.changed() && serverDefault == null && m.serverDefault() != null && d.serverDefault() != null
                && !m.serverDefault().equals(d.serverDefault())) {
            // The old default may not cast to the new type (text to enum): it is dropped and set again around
            // the change. (One spelt alike that needs a cast is the renderer's business.)
            serverDefault = new Change<>(d.serverDefault(), m.serverDefault());
        }
        Change<String> comment = Definitions.sameComment(m.comment(), d.comment()) ? null : new Change<>(d.comment(), m.comment());
        Change<String> collation = Objects.equals(m.collation(), d.collation()) ? null : new Change<>(d.collation(), m.collation());
        if (collation == null && type != null && type.changed() && m.collation() != null) {
            // A type change resets the collation to the new type's default unless it is given again.
            collation = new Change<>(d.collation(), m.collation());
        }
        if (type == null && nullable == null && serverDefault == null && identity == null && autoIncrement == null
                && comment == null && collation == null) {
            return null;
        }
        return new AlterColumn(table.schema(), table.name(), m.name(), type, nullable, serverDefault, identity, comment,
                collation, null, autoIncrement);
    }
}
