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
 */
public record AppliedRevision(String revision, String checksum, Instant appliedAt, Long executionMillis, boolean head) {

    public AppliedRevision {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(checksum, "checksum");
    }
}
