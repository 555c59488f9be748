package dev.retort.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a schema's version table: a revision applied to the schema.
 *
 * @param revision        the revision's id
 * @param checksum        the revision's checksum when it was applied (or stamped)
 * @param appliedAt       when its transaction ran
 * @param executionMillis how long applying it took, or null when it was not timed: stamped rather than run,
 *                        or applied by an offline script
 * @param head            whether it is one of the schema's heads: no other applied revision follows it
 * @param step            null when the revision ran whole; for a revision that runs in steps (an index built
 *                        concurrently is a step of its own) and stopped part way, {@code k > 0} when the first k
 *                        steps of its upgrade are applied (the revision is not applied yet), {@code -k} when the
 *                        first k steps of its downgrade have run (it is still applied)
 */
public record AppliedRevision(String revision, String checksum, Instant appliedAt, Long executionMillis, boolean head, Integer step) {

    public AppliedRevision {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(checksum, "checksum");
    }

    public AppliedRevision(String revision, String checksum, Instant appliedAt, Long executionMillis, boolean head) {
        this(revision, checksum, appliedAt, executionMillis, head, null);
    }

    /** Whether its upgrade stopped part way: the revision is not applied, some of its steps are. */
    public boolean partlyUpgraded() {
        return step != null && step > 0;
    }

    /** Whether its downgrade stopped part way: the revision is still applied, some of its downgrade's steps ran. */
    public boolean partlyDowngraded() {
        return step != null && step < 0;
    }
}
