package dev.retort.spring;

import dev.retort.api.CheckResult;
import dev.retort.api.LastFailure;
import dev.retort.api.TenantVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The actuator endpoint {@code retort}: per tenant its revisions, whether it is at head, and its last
 * failed run; with {@code ?drift=true}, each tenant checked against the model ({@code retort.model}).
 * Read in bulk, as {@code retort current --tenants} reads them. Errors are the one-line messages of
 * the runs, without passwords.
 */
@Endpoint(id = "retort")
public class RetortEndpoint {
    private final RetortTenants tenants;

    public RetortEndpoint(RetortTenants tenants) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    /**
     * @param drift whether to compare every tenant with the model as well (slower: the catalogs are read)
     */
    @ReadOperation
    public Fleet status(@Nullable Boolean drift) {
        List<String> heads = tenants.heads();
        List<TenantVersion> versions = tenants.current();
        Map<String, CheckResult> checks = new HashMap<>();
        String driftError = null;
        if (Boolean.TRUE.equals(drift)) {
            if (tenants.retort().configuration().model() == null) {
                driftError = "no model to compare with: set retort.model";
            } else {
                for (CheckResult r : tenants.check()) checks.put(r.schema(), r);
            }
        }
        long atHead = versions.stream().filter(TenantVersion::atHead).count();
        long failed = versions.stream().filter(v -> v.lastFailure() != null).count();
        long drifted = checks.values().stream().filter(r -> r.drift() != null && !r.drift().isEmpty()).count();
        List<Tenant> list = versions.stream().map(v -> tenant(v, checks.get(v.tenant()))).toList();
        return new Fleet(heads, new Summary(versions.size(), atHead, versions.size() - atHead, failed,
                Boolean.TRUE.equals(drift) && driftError == null ? drifted : null), driftError, list);
    }

    private static Tenant tenant(TenantVersion v, CheckResult check) {
        LastFailure f = v.lastFailure();
        return new Tenant(v.tenant(), v.schemaExists(), v.heads(), v.atHead(),
                f == null ? null : new Failure(f.operation(), f.revision(), f.failedAt(), f.error()),
                check == null ? null : check.drift() == null ? null : check.drift().describe().stream().map(String::strip).toList());
    }

    /** What the endpoint answers. */
    public record Fleet(List<String> heads, Summary summary, String driftError, List<Tenant> tenants) {
    }

    /** @param drifted tenants whose schema differs from the model; null when drift was not asked for */
    public record Summary(long tenants, long atHead, long behind, long failedLast, Long drifted) {
    }

    /**
     * @param revisions   the revisions the tenant is at; empty at base
     * @param lastFailure its last failed run, unless a run has committed there since
     * @param drift       what would make it match the model; null when not compared
     */
    public record Tenant(String tenant, boolean schemaExists, List<String> revisions, boolean atHead, Failure lastFailure,
                         List<String> drift) {
    }

    public record Failure(String operation, String revision, Instant failedAt, String error) {
    }
}
