package dev.retort.api;

import java.util.List;

/**
 * What an upgrade did.
 *
 * @param schema        the schema
 * @param schemaCreated whether the schema did not exist and was created
 * @param headsBefore   the schema's heads before (empty: base)
 * @param headsAfter    its heads after
 * @param steps         the revisions applied, in order, each with its time
 * @param accepted      edited revisions whose new checksums a forced upgrade recorded
 */
public record UpgradeResult(String schema, boolean schemaCreated, List<String> headsBefore, List<String> headsAfter,
                            List<AppliedStep> steps, List<EditedRevision> accepted) {
    public UpgradeResult {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
        steps = List.copyOf(steps);
        accepted = List.copyOf(accepted);
    }

    /** Whether the schema was already at the target. */
    public boolean nothingToDo() {
        return steps.isEmpty();
    }

    public long totalMillis() {
        return steps.stream().mapToLong(AppliedStep::millis).sum();
    }
}
