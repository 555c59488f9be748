package dev.retort.internal.authoring;

import dev.retort.CheckConstraint;
import dev.retort.Constraint;
import dev.retort.ForeignKey;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.ConstraintOps;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Rewrites the operations of a revision into the forms that do not stall a live application, on the
 * tables that exist before it (a table the same operations create has no rows and no readers yet):
 * <ul>
 *   <li>an index created or dropped {@code CONCURRENTLY}, a step of its own outside the transaction;</li>
 *   <li>a foreign key or check added {@code NOT VALID}, then validated, which blocks no writes (the
 *       runner validates in a transaction after the one that added it);</li>
 *   <li>{@code SET NOT NULL} through a validated {@code CHECK (c IS NOT NULL)}: added {@code NOT VALID},
 *       validated, then the column is set not null, which the check spares the scan under the exclusive
 *       lock, then the check is dropped.</li>
 * </ul>
 */
public final class OnlineForms {
    /** PostgreSQL's limit on a name, in bytes; the check's name is kept under it so that it is not cut. */
    private static final int NAME_LIMIT = 63;

    private OnlineForms() {
    }

    /** @param quote the dialect's quoting, for the column named in the check's expression */
    public static List<Operation> rewrite(List<Operation> operations, UnaryOperator<String> quote) {
        Set<String> created = new HashSet<>();
        List<Operation> out = new ArrayList<>();
        for (Operation op : operations) {
            if (op instanceof TableOps.CreateTable c) created.add(key(c.table().schema(), c.table().name()));
            if (op instanceof IndexOps.CreateIndex c && !c.concurrently() && !created.contains(key(c.schema(), c.table()))) {
                out.add(new IndexOps.CreateIndex(c.schema(), c.table(), c.index(), true));
            } else if (op instanceof IndexOps.DropIndex d && !d.concurrently() && !created.contains(key(d.schema(), d.table()))) {
                out.add(new IndexOps.DropIndex(d.schema(), d.table(), d.index(), true));
            } else if (op instanceof ConstraintOps.AddConstraint a && !a.constraint().notValid()
                    && !created.contains(key(a.schema(), a.table())) && notValid(a.constraint()) != null) {
                Constraint later = notValid(a.constraint());
                out.add(new ConstraintOps.AddConstraint(a.schema(), a.table(), later));
                out.add(new ConstraintOps.AlterConstraint(a.schema(), a.table(), new Change<>(later, a.constraint())));
            } else if (op instanceof ColumnOps.AlterColumn c && setsNotNull(c) && !created.contains(key(c.schema(), c.table()))) {
                CheckConstraint check = new CheckConstraint(checkName(c.table(), c.column()), quote.apply(c.column()) + " IS NOT NULL",
                        false, true);
                out.add(new ConstraintOps.AddConstraint(c.schema(), c.table(), check));
                out.add(new ConstraintOps.AlterConstraint(c.schema(), c.table(), new Change<>(check, check.withNotValid(false))));
                out.add(c);
                out.add(new ConstraintOps.DropConstraint(c.schema(), c.table(), check));
            } else {
                out.add(op);
            }
        }
        return out;
    }

    /** The constraint added {@code NOT VALID}, for a check or a foreign key; null for the kinds that cannot be. */
    private static Constraint notValid(Constraint c) {
        if (c instanceof CheckConstraint ck) return ck.withNotValid(true);
        if (c instanceof ForeignKey fk) return fk.withNotValid(true);
        return null;
    }

    private static boolean setsNotNull(ColumnOps.AlterColumn c) {
        return c.nullable() != null && Boolean.TRUE.equals(c.nullable().from()) && Boolean.FALSE.equals(c.nullable().to());
    }

    private static String checkName(String table, String column) {
        String name = table + "_" + column + "_not_null";
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= NAME_LIMIT) return name;
        String hash = Integer.toHexString(Objects.hash(table, column));
        String start = column.length() > 40 ? column.substring(0, 40) : column;
        return "ck_" + start + "_" + hash + "_not_null";
    }

    private static String key(String schema, String table) {
        return schema + "\0" + table;
    }
}
