package dev.retort.internal.revision;

import dev.retort.Table;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps;

/**
 * Removes the model's hints for autogenerate ({@code renamedFrom} on tables and columns) from
 * operations. They told the differ to emit a rename; once the rename is an operation they mean nothing,
 * so revision files do not carry them, and a revision holds none, so that it reads back equal.
 */
public final class Hints {
    private Hints() {
    }

    public static Operation strip(Operation op) {
        if (op instanceof TableOps.CreateTable o && hasHints(o.table())) return new TableOps.CreateTable(strip(o.table()));
        if (op instanceof TableOps.DropTable o && hasHints(o.table())) return new TableOps.DropTable(strip(o.table()));
        if (op instanceof ColumnOps.AddColumn o && o.column().renamedFrom() != null) {
            return new ColumnOps.AddColumn(o.schema(), o.table(), o.column().withRenamedFrom(null));
        }
        if (op instanceof ColumnOps.DropColumn o && o.column().renamedFrom() != null) {
            return new ColumnOps.DropColumn(o.schema(), o.table(), o.column().withRenamedFrom(null));
        }
        return op;
    }

    private static boolean hasHints(Table t) {
        return t.renamedFrom() != null || t.columns().stream().anyMatch(c -> c.renamedFrom() != null);
    }

    private static Table strip(Table t) {
        return new Table(t.schema(), t.name(), t.columns().stream().map(c -> c.withRenamedFrom(null)).toList(),
                t.primaryKey(), t.uniques(), t.foreignKeys(), t.checks(), t.indexes(), t.comment(), null, t.exclusions());
    }
}
