package dev.retort.api;

import java.time.Duration;

/**
 * What happened to one tenant of one shard. Its size is bounded whatever the task reported: texts
 * are cut to {@link #MAX_TEXT} characters and errors are one line, with no password.
 *
 * @param shard        the shard's name
 * @param tenant       the tenant schema, exactly as it is named in the database
 * @param fromRevision the revision before, or null
 * @param toRevision   the revision after, or null
 * @param error        why it failed or was skipped; null otherwise
 * @param duration     the time spent on this tenant, connection included
 */
public record TenantOutcome(String shard, String tenant, TenantStatus status, String fromRevision, String toRevision,
                            String error, Duration duration) {
    public static final int MAX_TEXT = 500;

    public TenantOutcome {
        fromRevision = cut(fromRevision);
        toRevision = cut(toRevision);
        error = cut(error);
    }

    public boolean failed() {
        return status == TenantStatus.FAILED;
    }

    private static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT) return text;
        return text.substring(0, MAX_TEXT - 1) + "…";
    }
}
