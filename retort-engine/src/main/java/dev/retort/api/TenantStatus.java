package dev.retort.api;

/** What happened to one tenant. The report counts each status; new statuses need no other change. */
public enum TenantStatus {
    /** Revisions were applied. */
    UPGRADED,
    /** Revisions were undone. */
    DOWNGRADED,
    /** Nothing to do: the tenant already was where it was asked to be. */
    UNCHANGED,
    /** The task failed for this tenant; its own transaction rolled back what it had begun. */
    FAILED,
    /** The task never ran for this tenant: the run stopped first (fail-fast, or a broken report). */
    SKIPPED;

    /** Lower case, as reports and summaries print it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
