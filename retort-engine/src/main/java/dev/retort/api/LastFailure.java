package dev.retort.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The last run on a schema that failed, as the schema's failure table ({@code retort_version_failure})
 * remembers it. A failed revision is rolled back and leaves nothing in the version table, so without
 * this record nobody could tell, after a fan-out over thousands of tenants, which of them failed and why.
 *
 * @param operation what was running: {@code upgrade}, {@code downgrade}, {@code stamp} or {@code create} (a tenant creation into a schema that existed)
 * @param revision  the revision that failed; null when preparing the version table failed, before any revision
 * @param failedAt  when the failure was recorded
 * @param error     the one-line error the run reported
 */
public record LastFailure(String operation, String revision, Instant failedAt, String error) {
    public LastFailure {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(error, "error");
    }

    /** {@code upgrade to a1b2 failed at 2026-11-25T10:00:00Z: ...}, for one line of output. */
    public String describe() {
        return operation + (revision == null ? "" : " to " + revision) + " failed"
                + (failedAt == null ? "" : " at " + failedAt) + ": " + error;
    }
}
