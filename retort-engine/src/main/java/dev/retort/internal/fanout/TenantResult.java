package dev.retort.internal.fanout;

import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;

/**
 * What a {@link TenantTask} says about its tenant. The fan-out adds the shard, the tenant and the
 * time taken to make a {@link TenantOutcome}.
 *
 * @param fromRevision the tenant's revision before, or null (none, or not known)
 * @param toRevision   its revision after, or null
 * @param error        why it failed or was skipped; null otherwise
 */
public record TenantResult(TenantStatus status, String fromRevision, String toRevision, String error) {
    public TenantResult {
        if (status == null) throw new IllegalArgumentException("a tenant result has no status");
    }

    public static TenantResult upgraded(String from, String to) {
        return new TenantResult(TenantStatus.UPGRADED, from, to, null);
    }

    public static TenantResult downgraded(String from, String to) {
        return new TenantResult(TenantStatus.DOWNGRADED, from, to, null);
    }

    public static TenantResult unchanged(String at) {
        return new TenantResult(TenantStatus.UNCHANGED, at, at, null);
    }

    /** Failed at {@code at}, the revision the tenant stays at. */
    public static TenantResult failed(String at, String error) {
        return new TenantResult(TenantStatus.FAILED, at, at, error);
    }

    public static TenantResult failed(String error) {
        return failed(null, error);
    }

    public static TenantResult skipped(String reason) {
        return new TenantResult(TenantStatus.SKIPPED, null, null, reason);
    }
}
