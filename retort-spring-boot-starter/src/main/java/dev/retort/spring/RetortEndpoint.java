package dev.retort.spring;

import dev.retort.api.CheckResult;
import dev.retort.api.LastFailure;
import dev.retort.api.StatusPage;
import dev.retort.api.TenantVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The actuator endpoint {@code retort}: per tenant its revisions, whether it is at head, and its last
 * failed run; with {@code ?drift=true}, each tenant checked against the model ({@code retort.model}).
 * Read in bulk, as {@code retort current --tenants} reads them. Errors are the one-line messages of
 * the runs, without passwords. A browser ({@code Accept: text/html}) gets the status page instead.
 */
@Endpoint(id = "retort")
public class RetortEndpoint {
    private final RetortTenants tenants;

    public RetortEndpoint(RetortTenants tenants) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    /** How the endpoint answers: JSON (the default), or the status page for a browser ({@code Accept: text/html}). */
    public enum Format implements Producible<Format> {
        JSON(MimeTypeUtils.APPLICATION_JSON) {
            @Override
            public boolean isDefault() {
                return true;
            }
        },
        HTML(MimeTypeUtils.TEXT_HTML);

        private final MimeType type;

        Format(MimeType type) {
            this.type = type;
        }

        @Override
        public MimeType getProducedMimeType() {
            return type;
        }
    }

    /**
     * The operation: {@link #status} as JSON, or {@link #page} when the client asks for HTML.
     *
     * @param drift whether to compare every tenant with the model as well (slower: the catalogs are read)
     */
    @ReadOperation(producesFrom = Format.class)
    public Object read(@Nullable Boolean drift, Format format) {
        return format == Format.HTML ? page(drift) : status(drift);
    }

    /** The status page ({@link StatusPage}): the tenants per revision, those behind or failed, the drift when asked. */
    public String page(@Nullable Boolean drift) {
        StatusPage page = StatusPage.of(tenants.heads(), tenants.currentByShard()).withTitle("Retort: tenant status");
        if (Boolean.TRUE.equals(drift) && tenants.retort().configuration().model() != null) page = page.withChecks(tenants.checkByShard());
        return page.html();
    }

    /** Every tenant's state, with its drift when asked (and a model is configured). */
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
