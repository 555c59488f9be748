package dev.retort.compare;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.Constraint;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.Table;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps.AddColumn;
import dev.retort.operations.ColumnOps.DropColumn;
import dev.retort.operations.ConstraintOps.AddConstraint;
import dev.retort.operations.ConstraintOps.AlterConstraint;
import dev.retort.operations.ConstraintOps.DropConstraint;
import dev.retort.operations.IndexOps.CreateIndex;
import dev.retort.operations.IndexOps.DropIndex;
import dev.retort.operations.IndexOps.SetIndexComment;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps.CreateTable;
import dev.retort.operations.TableOps.DropTable;
import dev.retort.operations.TableOps.SetTableComment;

import java.util.ArrayList;
import java.util.Collections;
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
    private final List<Keyed<Change<Constraint>>> validations = new ArrayList<>();

    private Tables(Scope scope, Plan plan) {
        this.scope = scope;
        this.plan = plan;
    }

    static TableChanges diff(Scope scope, Plan plan) {
        return new Tables(scope, plan).run();
    }

    private TableChanges run() {
        List<Table> matched = scope.model.values().stream().filter(t -> scope.database.containsKey(t.key())).toList();
        List<Table> created = scope.model.values().stream().filter(t -> !scope.database.containsKey(t.key())).toList();
        // Listed by name backwards: read backwards again to drop, tables that do not depend on each other go by name.
        List<Table> dropped = !scope.options.includeDrops() ? List.of() : scope.database.values().stream()
                .filter(t -> !scope.model.containsKey(t.key())).sorted(Comparator.comparing(Table::key).reversed()).toList();
        decide(matched);
        List<Keyed<ForeignKey>> restored = dropForeignKeys(matched);
        dropTablesAndConstraints(matched, dropped);
        for (Table m : matched) alter(m, db(m));
        createTablesAndForeignKeys(matched, created, restored);
        return changes(dropped);
    }

    private TableChanges changes(List<Table> dropped) {
        Map<String, Set<String>> changed = new HashMap<>();
        columns.forEach((key, cols) -> {
            Set<String> names = new java.util.HashSet<>(cols.retyped());
            cols.dropped().forEach(c -> names.add(c.name()));
            if (!names.isEmpty()) changed.put(key, Set.copyOf(names));
        });
        return new TableChanges(changed, dropped.stream().map(Table::key).collect(java.util.stream.Collectors.toSet()));
    }

    /** Columns first, then keys and indexes, then foreign keys: each decision needs the previous ones. */
    private void decide(List<Table> matched) {
        for (Table m : matched) columns.put(m.key(), ColumnDiff.of(m, db(m), scope));
        for (Table m : matched) {
            Set<String> retyped = columns.get(m.key()).retyped();
            ConstraintDiff.Validated<Constraint> kv = ConstraintDiff.validations(
                    ConstraintDiff.keysAndChecks(m, db(m), scope, retyped), scope.definitions,
                    c -> c instanceof CheckConstraint ck && retyped.stream().anyMatch(col -> Definitions.mentions(ck.expression(), col)));
            Decision<Constraint> k = kv.decision();
            kv.validate().forEach(c -> validations.add(new Keyed<>(m, c)));
            Decision<Index> ix = ConstraintDiff.indexes(m, db(m), scope, retyped);
            keys.put(m.key(), k);
            indexes.put(m.key(), ix);
            droppedKeys.put(m.key(), ConstraintDiff.droppedKeys(k, ix));
        }
        for (Table m : matched) {
            ConstraintDiff.Validated<ForeignKey> fv = ConstraintDiff.validations(
                    ConstraintDiff.foreignKeys(m, db(m), scope, fk -> makesWay(fk, m.key()), this::keyRemains),
                    scope.definitions, fk -> makesWay(fk, m.key()));
            foreignKeys.put(m.key(), fv.decision());
            fv.validate().forEach(c -> validations.add(new Keyed<>(m, c)));
        }
    }

    /** Drops the foreign keys of existing tables that go; returns those of kept extra tables to restore. */
    private List<Keyed<ForeignKey>> dropForeignKeys(List<Table> matched) {
        for (Table m : matched) {
            foreignKeys.get(m.key()).drop().forEach(fk -> plan.add(Plan.Phase.DROP_FOREIGN_KEYS, dropConstraint(m, fk)));
        }
        // Tables the model lacks but the diff keeps (drops are off) may hold keys into what changes.
        List<Keyed<ForeignKey>> restored = new ArrayList<>();
        if (scope.options.includeDrops()) return restored;
        for (Table kept : scope.database.values()) {
            if (scope.model.containsKey(kept.key())) continue;
            for (ForeignKey fk : kept.foreignKeys()) {
                if (!makesWay(fk, kept.key())) continue;
                plan.add(Plan.Phase.DROP_FOREIGN_KEYS, dropConstraint(kept, fk));
                if (keyRemains(fk)) restored.add(new Keyed<>(kept, fk));
            }
        }
        return restored;
    }

    private void dropTablesAndConstraints(List<Table> matched, List<Table> dropped) {
        TableOrder order = TableOrder.of(dropped);
        for (Table t : order.tables()) {
            order.deferred().getOrDefault(t.key(), List.of())
                    .forEach(fk -> plan.add(Plan.Phase.DROP_FOREIGN_KEYS, dropConstraint(t, fk)));
        }
        List<Table> reversed = new ArrayList<>(order.tables());
        Collections.reverse(reversed);
        reversed.forEach(t -> plan.add(Plan.Phase.DROP_TABLES, new DropTable(t)));
        for (Table m : matched) {
            keys.get(m.key()).drop().forEach(c -> plan.add(Plan.Phase.DROP_CONSTRAINTS, dropConstraint(m, c)));
            indexes.get(m.key()).drop().forEach(i -> plan.add(Plan.Phase.DROP_CONSTRAINTS, new DropIndex(m.schema(), m.name(), i)));
        }
    }

    private void createTablesAndForeignKeys(List<Table> matched, List<Table> created, List<Keyed<ForeignKey>> restored) {
        List<Keyed<ForeignKey>> lateKeys = new ArrayList<>();
        TableOrder order = TableOrder.of(created);
        for (Table t : order.tables()) {
            plan.add(Plan.Phase.CREATE_TABLES, new CreateTable(TableEdits.withoutRenames(t)));
            order.deferred().getOrDefault(t.key(), List.of()).forEach(fk -> lateKeys.add(new Keyed<>(t, fk)));
        }
        for (Table m : matched) foreignKeys.get(m.key()).add().forEach(fk -> lateKeys.add(new Keyed<>(m, fk)));
        lateKeys.sort(Comparator.comparingInt(k -> scope.modelOrder(k.table().key())));
        lateKeys.addAll(restored);
        lateKeys.forEach(k -> plan.add(Plan.Phase.ADD_FOREIGN_KEYS,
                new AddConstraint(k.table().schema(), k.table().name(), k.value())));
        // Validated once the columns have their new types and every key exists.
        validations.forEach(v -> plan.add(Plan.Phase.ADD_FOREIGN_KEYS,
                new AlterConstraint(v.table().schema(), v.table().name(), v.value())));
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
        ColumnDiff own = columns.get(tableKey);
        if (own != null && ConstraintDiff.overlaps(fk.columns(), own.retyped())) return true;
        ColumnDiff target = columns.get(fk.referredKey());
        if (target != null && ConstraintDiff.overlaps(fk.referredColumns(), target.retyped())) return true;
        Set<String> referred = Set.copyOf(fk.referredColumns());
        return droppedKeys.getOrDefault(fk.referredKey(), List.of()).contains(referred);
    }

    /**
     * Whether the key a foreign key refers to exists once the diff is applied: in the model's table when
     * the diff manages it, else in the database's, which the diff leaves alone.
     */
    private boolean keyRemains(ForeignKey fk) {
        Table target = scope.model.containsKey(fk.referredKey()) ? scope.model.get(fk.referredKey())
                : scope.database.get(fk.referredKey());
        return target == null || ConstraintDiff.hasKey(target, Set.copyOf(fk.referredColumns()));
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
        // In model order; a column the model lacks, kept and made way for (drops off), comes last.
        List<Column> ordered = new ArrayList<>(m.columns().stream()
                .flatMap(c -> fresh.stream().filter(f -> f.name().equals(c.name())).findFirst().stream()).toList());
        fresh.stream().filter(f -> m.column(f.name()).isEmpty()).forEach(ordered::add);
        // Generated columns last: their expressions read the other columns in their new shape.
        ordered.stream().filter(c -> c.computed() == null).forEach(c -> block.add(new AddColumn(m.schema(), m.name(), c)));
        block.addAll(cols.altered());
        ordered.stream().filter(c -> c.computed() != null).forEach(c -> block.add(new AddColumn(m.schema(), m.name(), c)));
        if (!Definitions.sameComment(m.comment(), d.comment())) {
            block.add(new SetTableComment(m.schema(), m.name(), new Change<>(d.comment(), m.comment())));
        }
        keys.get(m.key()).add().forEach(c -> block.add(new AddConstraint(m.schema(), m.name(), c)));
        indexes.get(m.key()).add().forEach(i -> block.add(new CreateIndex(m.schema(), m.name(), i)));
        for (Matching.Pair<Index> p : ConstraintDiff.indexComments(m, d, scope, indexes.get(m.key()))) {
            block.add(new SetIndexComment(m.schema(), m.name(), p.database().name(),
                    new Change<>(p.database().comment(), p.model().comment())));
        }
        plan.addAll(Plan.Phase.ALTER_TABLES, block);
    }

    private static DropConstraint dropConstraint(Table t, Constraint c) {
        return new DropConstraint(t.schema(), t.name(), c);
    }
}
