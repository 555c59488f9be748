package dev.retort.compare;

import dev.retort.Column;
import dev.retort.Constraint;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.Table;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps.AddColumn;
import dev.retort.operations.ColumnOps.DropColumn;
import dev.retort.operations.ConstraintOps.AddConstraint;
import dev.retort.operations.ConstraintOps.DropConstraint;
import dev.retort.operations.IndexOps.CreateIndex;
import dev.retort.operations.IndexOps.DropIndex;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps.CreateTable;
import dev.retort.operations.TableOps.DropTable;
import dev.retort.operations.TableOps.SetTableComment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables of the managed schemas: those to create and drop, and the column, constraint and index
 * differences of those on both sides, placed in the plan's phases.
 *
 * <p>Decisions are taken in dependency order across tables: columns first (a type change makes the
 * keys on the column and the foreign keys into it make way), then keys and indexes (a dropped key makes
 * the foreign keys relying on it make way), then foreign keys.
 */
final class Tables {
    private final Scope scope;
    private final Plan plan;
    private final Map<String, ColumnDiff> columns = new LinkedHashMap<>();
    private final Map<String, Decision<Constraint>> keys = new HashMap<>();
    private final Map<String, Decision<Index>> indexes = new HashMap<>();
    private final Map<String, List<Set<String>>> droppedKeys = new HashMap<>();
    private final Map<String, Decision<ForeignKey>> foreignKeys = new HashMap<>();

    private Tables(Scope scope, Plan plan) {
        this.scope = scope;
        this.plan = plan;
    }

    static void diff(Scope scope, Plan plan) {
        new Tables(scope, plan).run();
    }

    private void run() {
        List<Table> matched = scope.model.values().stream().filter(t -> scope.database.containsKey(t.key())).toList();
        List<Table> created = scope.model.values().stream().filter(t -> !scope.database.containsKey(t.key())).toList();
        // Listed by name backwards: read backwards again to drop, tables that do not depend on each other go by name.
        List<Table> dropped = !scope.options.includeDrops() ? List.of() : scope.database.values().stream()
                .filter(t -> !scope.model.containsKey(t.key())).sorted(Comparator.comparing(Table::key).reversed()).toList();

        for (Table m : matched) columns.put(m.key(), ColumnDiff.of(m, db(m), scope));
        for (Table m : matched) {
            Set<String> retyped = columns.get(m.key()).retyped();
            Decision<Constraint> k = ConstraintDiff.keysAndChecks(m, db(m), scope, retyped);
            Decision<Index> ix = ConstraintDiff.indexes(m, db(m), scope, retyped);
            keys.put(m.key(), k);
            indexes.put(m.key(), ix);
            droppedKeys.put(m.key(), ConstraintDiff.droppedKeys(k, ix));
        }
        for (Table m : matched) {
            foreignKeys.put(m.key(), ConstraintDiff.foreignKeys(m, db(m), scope, fk -> makesWay(fk, m.key())));
        }

        for (Table m : matched) {
            foreignKeys.get(m.key()).drop().forEach(fk -> plan.add(Plan.Phase.DROP_FOREIGN_KEYS, dropConstraint(m, fk)));
        }
        TableOrder dropOrder = TableOrder.of(dropped);
        for (Table t : dropOrder.tables()) {
            dropOrder.deferred().getOrDefault(t.key(), List.of())
                    .forEach(fk -> plan.add(Plan.Phase.DROP_FOREIGN_KEYS, dropConstraint(t, fk)));
            // A table dropped later still holds its keys while the tables it refers to change: a key
            // whose target loses its key or columns first must go before them.
            t.foreignKeys().stream().filter(this::targetChangesUnder)
                    .forEach(fk -> plan.add(Plan.Phase.DROP_FOREIGN_KEYS, dropConstraint(t, fk)));
        }
        for (Table m : matched) {
            keys.get(m.key()).drop().forEach(c -> plan.add(Plan.Phase.DROP_CONSTRAINTS, dropConstraint(m, c)));
            indexes.get(m.key()).drop().forEach(i -> plan.add(Plan.Phase.DROP_CONSTRAINTS, new DropIndex(m.schema(), m.name(), i)));
        }
        List<Table> dropOrderReversed = new ArrayList<>(dropOrder.tables());
        java.util.Collections.reverse(dropOrderReversed);
        dropOrderReversed.forEach(t -> plan.add(Plan.Phase.DROP_TABLES, new DropTable(t)));

        for (Table m : matched) alter(m, db(m));

        List<Keyed<ForeignKey>> lateKeys = new ArrayList<>();
        TableOrder createOrder = TableOrder.of(created);
        for (Table t : createOrder.tables()) {
            plan.add(Plan.Phase.CREATE_TABLES, new CreateTable(TableEdits.withoutRenames(t)));
            createOrder.deferred().getOrDefault(t.key(), List.of()).forEach(fk -> lateKeys.add(new Keyed<>(t, fk)));
        }
        for (Table m : matched) foreignKeys.get(m.key()).add().forEach(fk -> lateKeys.add(new Keyed<>(m, fk)));
        lateKeys.sort(Comparator.comparingInt(k -> scope.modelOrder(k.table().key())));
        lateKeys.forEach(k -> plan.add(Plan.Phase.ADD_FOREIGN_KEYS,
                new AddConstraint(k.table().schema(), k.table().name(), k.value())));
    }

    private record Keyed<T>(Table table, T value) {
    }

    private Table db(Table model) {
        return scope.database.get(model.key());
    }

    /**
     * Whether a foreign key of table {@code tableKey} must be dropped and re-added even if unchanged:
     * its own columns or the columns it refers to change type, or the key it relies on is dropped.
     */
    private boolean makesWay(ForeignKey fk, String tableKey) {
        if (ConstraintDiff.overlaps(fk.columns(), columns.get(tableKey).retyped())) return true;
        ColumnDiff target = columns.get(fk.referredKey());
        if (target != null && ConstraintDiff.overlaps(fk.referredColumns(), target.retyped())) return true;
        Set<String> referred = Set.copyOf(fk.referredColumns());
        return droppedKeys.getOrDefault(fk.referredKey(), List.of()).contains(referred);
    }

    /** Whether the columns or the key a foreign key refers to in a table the diff keeps change or go. */
    private boolean targetChangesUnder(ForeignKey fk) {
        ColumnDiff target = columns.get(fk.referredKey());
        if (target == null) return false;
        Set<String> referred = Set.copyOf(fk.referredColumns());
        if (ConstraintDiff.overlaps(fk.referredColumns(), target.retyped())) return true;
        if (target.dropped().stream().anyMatch(c -> referred.contains(c.name()))) return true;
        return droppedKeys.getOrDefault(fk.referredKey(), List.of()).contains(referred);
    }

    /** One existing table's own block: columns dropped, added and altered, then comment, keys, checks, indexes. */
    private void alter(Table m, Table d) {
        ColumnDiff cols = columns.get(m.key());
        List<Operation> block = new ArrayList<>();
        List<Column> gone = new ArrayList<>(cols.dropped());
        cols.replaced().forEach(r -> gone.add(r.database()));
        gone.sort(Comparator.comparing(Column::name));
        gone.forEach(c -> block.add(new DropColumn(m.schema(), m.name(), c)));
        List<Column> fresh = new ArrayList<>(cols.added());
        cols.replaced().forEach(r -> fresh.add(r.model()));
        m.columns().stream().map(Column::name)
                .forEach(n -> fresh.stream().filter(c -> c.name().equals(n)).findFirst()
                        .ifPresent(c -> block.add(new AddColumn(m.schema(), m.name(), c))));
        block.addAll(cols.altered());
        if (!Definitions.sameComment(m.comment(), d.comment())) {
            block.add(new SetTableComment(m.schema(), m.name(), new Change<>(d.comment(), m.comment())));
        }
        keys.get(m.key()).add().forEach(c -> block.add(new AddConstraint(m.schema(), m.name(), c)));
        indexes.get(m.key()).add().forEach(i -> block.add(new CreateIndex(m.schema(), m.name(), i)));
        plan.addAll(Plan.Phase.ALTER_TABLES, block);
    }

    private static DropConstraint dropConstraint(Table t, Constraint c) {
        return new DropConstraint(t.schema(), t.name(), c);
    }
}
