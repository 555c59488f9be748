package dev.retort.compare;

import dev.retort.Column;
import dev.retort.Table;
import dev.retort.operations.ColumnOps.RenameColumn;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps.RenameTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames declared by the model, never guessed: a table or column whose {@code renamedFrom} names an
 * object the database has, while the database lacks the new name and the model does not define the old
 * one. Each rename is carried into the scope's database copy, as the database itself would carry it
 * (foreign keys, keys and indexes follow; expression texts do not), so the rest of the diff compares the
 * renamed object with its model.
 */
final class Renames {
    private Renames() {
    }

    static List<Operation> apply(Scope scope) {
        List<Operation> ops = new ArrayList<>();
        renameTables(scope, ops);
        renameColumns(scope, ops);
        return ops;
    }

    private static void renameTables(Scope scope, List<Operation> ops) {
        Map<String, String> claimed = new HashMap<>();
        for (Table t : scope.model.values()) {
            if (t.renamedFrom() == null) continue;
            String oldKey = Scope.key(t.schema(), t.renamedFrom());
            String other = claimed.putIfAbsent(oldKey, t.key());
            if (other != null) {
                throw new IllegalArgumentException("tables " + other + " and " + t.key() + " are both renamed from " + oldKey);
            }
            if (!scope.database.containsKey(oldKey) || scope.database.containsKey(t.key()) || scope.model.containsKey(oldKey)) {
                continue;
            }
            ops.add(new RenameTable(t.schema(), t.renamedFrom(), t.name()));
            Table renamed = scope.database.remove(oldKey).withName(t.name());
            scope.database.put(t.key(), renamed);
            scope.database.replaceAll((k, d) -> TableEdits.retargetTable(d, t.schema(), t.renamedFrom(), t.name()));
        }
    }

    private static void renameColumns(Scope scope, List<Operation> ops) {
        for (Table t : scope.model.values()) {
            Table db = scope.database.get(t.key());
            if (db == null) continue;
            Map<String, String> claimed = new HashMap<>();
            for (Column c : t.columns()) {
                String from = c.renamedFrom();
                if (from == null) continue;
                String other = claimed.putIfAbsent(from, c.name());
                if (other != null) {
                    throw new IllegalArgumentException("table " + t.key() + ": columns " + other + " and " + c.name()
                            + " are both renamed from " + from);
                }
                if (db.column(from).isEmpty() || db.column(c.name()).isPresent() || t.column(from).isPresent()) continue;
                ops.add(new RenameColumn(t.schema(), t.name(), from, c.name()));
                db = TableEdits.renameColumn(db, from, c.name());
                scope.database.put(t.key(), db);
                scope.database.replaceAll((k, d) -> TableEdits.retargetColumn(d, t.schema(), t.name(), from, c.name()));
                db = scope.database.get(t.key());
            }
        }
    }
}
