package dev.retort.internal.runner;

import dev.retort.api.RunnerException;
import dev.retort.spi.Dialect;
import dev.retort.operations.Operation;
import dev.retort.revision.Revision;

import java.util.ArrayList;
import java.util.Collections;
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
     * A revision's statements in two transactions: those the dialect says must be committed before
     * the others can use them ({@link Dialect#commitFirst}), then the rest, each part in order.
     */
    record Split(List<String> first, List<String> rest) {
    }

    static Split split(Dialect dialect, List<RenderedOp> ops) {
        Set<Operation> first = Collections.newSetFromMap(new IdentityHashMap<>());
        first.addAll(dialect.commitFirst(ops.stream().map(RenderedOp::operation).toList()));
        return new Split(statements(ops.stream().filter(o -> first.contains(o.operation())).toList()),
                statements(ops.stream().filter(o -> !first.contains(o.operation())).toList()));
    }

    static List<String> statements(List<RenderedOp> ops) {
        return ops.stream().flatMap(o -> o.statements().stream()).toList();
    }

    static List<String> warnings(List<RenderedOp> ops) {
        return ops.stream().flatMap(o -> o.warnings().stream()).toList();
    }
}
