package dev.retort.internal.runner;

import dev.retort.api.RunnerException;
import dev.retort.spi.Dialect;
import dev.retort.operations.ConstraintOps;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.revision.Revision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One operation of a revision and its statements for the schema being migrated (blank ones, such as
 * the reverse of hand-written SQL that has none, left out).
 *
 * @param warnings {@code destructive: ...} when the operation can lose data, and on a downgrade the
 *                 loss note of what it cannot bring back
 */
record RenderedOp(Operation operation, List<String> statements, List<String> warnings) {

    static List<RenderedOp> upgrade(Dialect dialect, Revision r, String schema) {
        return render(dialect, r, r.upgrade(), schema, false);
    }

    /**
     * The upgrade for a schema made in one transaction ({@code tenant create}): its tables are new and
     * seen by no one, so an index meant to be built concurrently is built plainly, in the transaction.
     */
    static List<RenderedOp> upgradeInOneTransaction(Dialect dialect, Revision r, String schema) {
        List<Operation> ops = r.upgrade().stream().map(op -> {
            if (op instanceof IndexOps.CreateIndex c && c.concurrently()) return (Operation) new IndexOps.CreateIndex(c.schema(), c.table(), c.index());
            if (op instanceof IndexOps.DropIndex d && d.concurrently()) return (Operation) new IndexOps.DropIndex(d.schema(), d.table(), d.index());
            return op;
        }).toList();
        return render(dialect, r, ops, schema, false);
    }

    static List<RenderedOp> downgrade(Dialect dialect, Revision r, String schema) {
        return render(dialect, r, r.downgrade(), schema, true);
    }

    private static List<RenderedOp> render(Dialect dialect, Revision r, List<Operation> ops, String schema, boolean down) {
        List<RenderedOp> out = new ArrayList<>();
        for (Operation op : ops) {
            List<String> statements;
            try {
                statements = dialect.render(op, schema).stream().filter(s -> !s.isBlank()).toList();
            } catch (IllegalArgumentException e) {
                throw new RunnerException(r.source() + ": " + op.describe() + ": " + e.getMessage(), e);
            }
            List<String> warnings = new ArrayList<>();
            if (op.destructive()) warnings.add("destructive: " + op.describe());
            String loss = down ? Revision.downgradeLossNote(op) : null;
            if (loss != null) warnings.add(loss);
            out.add(new RenderedOp(op, statements, warnings));
        }
        return out;
    }

    /**
     * A revision's statements: those the dialect says must be committed before the others can use them
     * ({@link Dialect#commitFirst}), in a transaction of their own, then the rest in steps, each part in
     * order.
     */
    record Split(List<String> first, List<Step> steps) {
        /** Every statement after the first ones, steps in order. */
        List<String> rest() {
            return steps.stream().flatMap(s -> s.statements().stream()).toList();
        }
    }

    /**
     * A part of a revision that runs as a unit: a transaction holding a run of operations, or one
     * operation that cannot run inside a transaction (an index built or dropped concurrently), alone.
     */
    record Step(boolean transactional, List<RenderedOp> ops) {
        List<String> statements() {
            return RenderedOp.statements(ops);
        }
    }

    static Split split(Dialect dialect, List<RenderedOp> ops) {
        Set<Operation> first = Collections.newSetFromMap(new IdentityHashMap<>());
        first.addAll(dialect.commitFirst(ops.stream().map(RenderedOp::operation).toList()));
        List<Step> steps = new ArrayList<>();
        List<RenderedOp> group = new ArrayList<>();
        Set<String> addedNotValid = new HashSet<>();
        for (RenderedOp o : ops) {
            if (first.contains(o.operation())) continue;
            if (IndexOps.outsideTransaction(o.operation())) {
                if (!group.isEmpty()) steps.add(new Step(true, List.copyOf(group)));
                group.clear();
                addedNotValid.clear();
                steps.add(new Step(false, List.of(o)));
                continue;
            }
            // Validating in the transaction that added the constraint NOT VALID would scan the rows under
            // the add's lock, which NOT VALID is there to avoid: the validation starts a new transaction.
            if (o.operation() instanceof ConstraintOps.AlterConstraint a && a.validates()
                    && addedNotValid.contains(a.schema() + "\0" + a.table() + "\0" + a.constraint().to().name())) {
                steps.add(new Step(true, List.copyOf(group)));
                group.clear();
                addedNotValid.clear();
            }
            if (o.operation() instanceof ConstraintOps.AddConstraint a && a.constraint().notValid()) {
                addedNotValid.add(a.schema() + "\0" + a.table() + "\0" + a.constraint().name());
            }
            group.add(o);
        }
        // A revision whose operations all run first (or none) still has its one transaction, which records it.
        if (!group.isEmpty() || steps.isEmpty()) steps.add(new Step(true, List.copyOf(group)));
        return new Split(statements(ops.stream().filter(o -> first.contains(o.operation())).toList()), List.copyOf(steps));
    }

    /** The partial runs recorded in a schema's version table, as {@code current} shows them. */
    static List<dev.retort.api.CurrentResult.Partial> partial(Dialect dialect, dev.retort.internal.revision.RevisionGraph graph,
                                                              List<dev.retort.api.AppliedRevision> rows, String schema) {
        return rows.stream().filter(row -> row.step() != null).map(row -> {
            Revision r = graph.contains(row.revision()) ? graph.get(row.revision()) : null;
            boolean down = row.partlyDowngraded();
            int n = r == null ? 0 : split(dialect, down ? downgrade(dialect, r, schema) : upgrade(dialect, r, schema)).steps().size();
            return new dev.retort.api.CurrentResult.Partial(row.revision(), r, Math.abs(row.step()), n, down);
        }).toList();
    }

    static List<String> statements(List<RenderedOp> ops) {
        return ops.stream().flatMap(o -> o.statements().stream()).toList();
    }

    static List<String> warnings(List<RenderedOp> ops) {
        return ops.stream().flatMap(o -> o.warnings().stream()).toList();
    }
}
