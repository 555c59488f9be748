package dev.retort.compare;

import dev.retort.MetaData;
import dev.retort.Sequence;
import dev.retort.operations.Change;
import dev.retort.operations.SequenceOps.AlterSequence;
import dev.retort.operations.SequenceOps.CreateSequence;
import dev.retort.operations.SequenceOps.DropSequence;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Standalone sequences of the managed schemas, compared with the database's defaults made explicit. */
final class SequenceDiff {
    private SequenceDiff() {
    }

    static void diff(MetaData model, MetaData database, Scope scope, Plan plan) {
        Map<String, Sequence> wanted = managed(model, scope);
        Map<String, Sequence> present = managed(database, scope);
        for (Sequence m : wanted.values()) {
            Sequence d = present.get(m.key());
            if (d == null) {
                plan.add(Plan.Phase.CREATE_SEQUENCES, new CreateSequence(m));
            } else if (!scope.definitions.sameSequence(m, d)) {
                plan.add(Plan.Phase.CREATE_SEQUENCES, new AlterSequence(new Change<>(d, m)));
            }
        }
        if (scope.options.includeDrops()) {
            present.values().stream().filter(d -> !wanted.containsKey(d.key()))
                    .sorted(Comparator.comparing(Sequence::key))
                    .forEach(d -> plan.add(Plan.Phase.DROP_SEQUENCES, new DropSequence(d)));
        }
    }

    private static Map<String, Sequence> managed(MetaData md, Scope scope) {
        Map<String, Sequence> out = new LinkedHashMap<>();
        md.sequences().values().stream().filter(s -> scope.options.manages(s.schema())).forEach(s -> out.put(s.key(), s));
        return out;
    }
}
