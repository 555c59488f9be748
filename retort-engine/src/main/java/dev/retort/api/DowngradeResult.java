package dev.retort.api;

import java.util.List;

/**
 * What a downgrade did.
 *
 * @param schema      the schema
 * @param headsBefore the schema's heads before
 * @param headsAfter  its heads after (empty: base)
 * @param steps       the revisions undone, children first, each with its time and what it lost
 */
public record DowngradeResult(String schema, List<String> headsBefore, List<String> headsAfter, List<AppliedStep> steps) {
    public DowngradeResult {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
        steps = List.copyOf(steps);
    }

    public boolean nothingToDo() {
        return steps.isEmpty();
    }

    /** Every warning of every step, in order. */
    public List<String> warnings() {
        return steps.stream().flatMap(s -> s.warnings().stream()).toList();
    }
}
