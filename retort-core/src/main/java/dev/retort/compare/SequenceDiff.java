package dev.retort.compare;

import dev.retort.MetaData;
import dev.retort.Sequence;
import dev.retort.operations.Change;
import dev.retort.operations.SequenceOps.AlterSequence;
import dev.retort.operations.SequenceOps.CreateSequence;
import dev.retort.operations.SequenceOps.DropSequence;
import dev.retort.operations.SequenceOps.SetSequenceOwner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Standalone sequences of the managed schemas, compared with the database's defaults made explicit. */
final class SequenceDiff {
    private SequenceDiff() {
    }

    /**
     * Ownership ({@code OWNED BY}) is its own operation, apart from the sequence's options: a sequence
     * leaves its column before anything is dropped (so that dropping the column or table does not take
     * the sequence with it), and joins its column once every table and column exists.
     */
    /**
     * Serial columns of the model whose sequence, by the dialect's name for it, the database holds as a
     * standalone sequence the model does not want as such: the column takes that sequence over instead
     * of a new one being made under a taken name. The model's column is rewritten, in the scope only,
     * as what a serial column is (NOT NULL, drawing on the sequence); the sequence, returned, is wanted
     * with the serial's options and owned by the column.
     */
    static Map<String, Sequence> adopt(MetaData model, MetaData database, Scope scope) {
        Map<String, Sequence> wanted = managed(model, scope);
        Map<String, Sequence> present = managed(database, scope);
        Map<String, Sequence> out = new LinkedHashMap<>();
        for (dev.retort.Table t : List.copyOf(scope.model.values())) {
            List<dev.retort.Column> columns = new ArrayList<>(t.columns());
            boolean changed = false;
            for (int i = 0; i < columns.size(); i++) {
                dev.retort.Column c = columns.get(i);
                if (!c.autoIncrement()) continue;
                dev.retort.Table d = scope.database.get(t.key());
                dev.retort.Column dc = d == null ? null : d.column(c.name()).orElse(null);
                if (dc != null && dc.autoIncrement()) continue;
                String name = scope.definitions.serialSequenceName(t.name(), c.name());
                String draw = name == null ? null : scope.definitions.nextValue(name);
                if (draw == null) continue;
                String key = Scope.key(t.schema(), name);
                if (!present.containsKey(key) || wanted.containsKey(key) || out.containsKey(key)) continue;
                out.put(key, new Sequence(t.schema(), name, c.type(), null, null, null, null, null, false,
                        new Sequence.Owner(t.name(), c.name())));
                columns.set(i, c.withAutoIncrement(false).withServerDefault(draw).withNullable(false));
                changed = true;
            }
            if (changed) scope.model.put(t.key(), t.withColumns(columns));
        }
        return out;
    }

    static void diff(MetaData model, MetaData database, Scope scope, Plan plan, Map<String, Sequence> adopted) {
        Map<String, Sequence> wanted = managed(model, scope);
        wanted.putAll(adopted);
        Map<String, Sequence> present = managed(database, scope);
        Map<String, Sequence> released = releasedSerials(scope, wanted, present);
        for (Sequence m : wanted.values()) {
            Sequence d = present.get(m.key());
            Sequence kept = released.get(m.key());
            if (d == null && kept != null) {
                // The sequence of a serial column that goes, kept: released from its column before anything is
                // dropped, then given the model's options.
                plan.add(Plan.Phase.DROP_DEPENDENTS, new SetSequenceOwner(kept.schema(), kept.name(), new Change<>(kept.owner(), null)));
                if (!scope.definitions.sameSequence(m, kept)) {
                    plan.add(Plan.Phase.CREATE_SEQUENCES, new AlterSequence(new Change<>(kept.withoutOwner(), m.withoutOwner())));
                }
                own(plan, m, null, m.owner());
            } else if (d == null) {
                plan.add(Plan.Phase.CREATE_SEQUENCES, new CreateSequence(m.withoutOwner()));
                own(plan, m, null, m.owner());
            } else {
                if (!scope.definitions.sameSequence(m, d)) {
                    plan.add(Plan.Phase.CREATE_SEQUENCES, new AlterSequence(new Change<>(d.withoutOwner(), m.withoutOwner())));
                }
                own(plan, m, d.owner(), m.owner());
            }
        }
        if (scope.options.includeDrops()) {
            present.values().stream().filter(d -> !wanted.containsKey(d.key()))
                    .sorted(Comparator.comparing(Sequence::key))
                    .forEach(d -> {
                        // Released first: its column may go before the sequence does, and would take it along.
                        own(plan, d, d.owner(), null);
                        plan.add(Plan.Phase.DROP_SEQUENCES, new DropSequence(d.withoutOwner()));
                    });
        }
    }

    /**
     * Model sequences the database lacks but has behind a serial column that the diff drops or makes
     * plain (its table or the column dropped, or auto-increment removed), by the dialect's name for such
     * a sequence: as the database made it, owned by the column, with the column's type and default options.
     */
    private static Map<String, Sequence> releasedSerials(Scope scope, Map<String, Sequence> wanted, Map<String, Sequence> present) {
        Map<String, Sequence> out = new LinkedHashMap<>();
        for (dev.retort.Table d : scope.database.values()) {
            dev.retort.Table m = scope.model.get(d.key());
            if (m == null && !scope.options.includeDrops()) continue;
            for (dev.retort.Column c : d.columns()) {
                if (!c.autoIncrement()) continue;
                dev.retort.Column mc = m == null ? null : m.column(c.name()).orElse(null);
                if (mc != null && mc.autoIncrement()) continue;
                if (m != null && mc == null && !scope.options.includeDrops()) continue;
                String name = scope.definitions.serialSequenceName(d.name(), c.name());
                if (name == null) continue;
                String key = d.schema() == null ? name : d.schema() + "." + name;
                if (!wanted.containsKey(key) || present.containsKey(key) || out.containsKey(key)) continue;
                out.put(key, new Sequence(d.schema(), name, c.type(), null, null, null, null, null, false,
                        new Sequence.Owner(d.name(), c.name())));
            }
        }
        return out;
    }

    private static void own(Plan plan, Sequence s, Sequence.Owner from, Sequence.Owner to) {
        if (Objects.equals(from, to)) return;
        if (from != null) plan.add(Plan.Phase.DROP_DEPENDENTS, new SetSequenceOwner(s.schema(), s.name(), new Change<>(from, null)));
        if (to != null) plan.add(Plan.Phase.ADD_FOREIGN_KEYS, new SetSequenceOwner(s.schema(), s.name(), new Change<>(null, to)));
    }

    private static Map<String, Sequence> managed(MetaData md, Scope scope) {
        Map<String, Sequence> out = new LinkedHashMap<>();
        md.sequences().values().stream().filter(s -> scope.options.manages(s.schema())).forEach(s -> out.put(s.key(), s));
        return out;
    }
}
