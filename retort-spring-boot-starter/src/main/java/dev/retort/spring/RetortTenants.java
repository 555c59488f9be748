package dev.retort.spring;

import dev.retort.api.CheckResult;
import dev.retort.api.ConfigurationException;
import dev.retort.api.CreateMethod;
import dev.retort.api.CreateResult;
import dev.retort.api.Database;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutOptions;
import dev.retort.api.FanOutReport;
import dev.retort.api.Retort;
import dev.retort.api.Shard;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantSpec;
import dev.retort.api.TenantStatus;
import dev.retort.api.TenantVersion;
import dev.retort.api.UpgradeResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The application's tenants, as Retort works on them: the bean through which an application
 * provisions a tenant ({@link #create}), migrates one on demand ({@link #upgrade(String)}), or reads
 * where every tenant is ({@link #current()}). Built by the auto-configuration from {@code retort.*}
 * (or a {@link TenantSource} bean); the startup run and the health indicator use it too.
 */
public final class RetortTenants {
    private static final Log log = LogFactory.getLog(RetortTenants.class);

    private final Retort retort;
    private final Database database;
    private final TenantSource source;
    private final String spec;
    private final FanOutOptions options;
    private volatile FanOutReport startup;

    /**
     * @param retort   the facade, over the migration DataSource
     * @param database where the fan-out's own pool connects (the same database)
     * @param source   the application's registry; null to use {@code spec}
     * @param spec     {@code retort.tenants}; null when {@code source} is given
     */
    RetortTenants(Retort retort, Database database, TenantSource source, String spec, FanOutOptions options) {
        this.retort = Objects.requireNonNull(retort, "retort");
        this.database = Objects.requireNonNull(database, "database");
        this.options = Objects.requireNonNull(options, "options");
        if (source == null && (spec == null || spec.isBlank())) {
            throw new RetortStartupException("retort.tenants is not set: give the tenant schemas (a,b; pattern:tenant_*;"
                    + " query:SELECT ...) or declare a TenantSource bean");
        }
        this.source = source;
        this.spec = spec;
        if (source == null) parse(spec); // a malformed spec fails startup now, naming the property
    }

    /** The facade, for anything else (history, a diff between tenants, ...). */
    public Retort retort() {
        return retort;
    }

    /** How runs over the tenants go: {@code retort.jobs}, {@code retort.fail-fast}, {@code retort.allow-empty}. */
    public FanOutOptions options() {
        return options;
    }

    /**
     * The tenants as the verbs over tenants take them: one shard, the application's database, with
     * the tenant set read now (the registry is asked again on every call). Empty when the registry
     * lists no tenant and {@code retort.allow-empty} is set.
     */
    public List<Shard> shards() {
        if (source == null) return List.of(Shard.of(database, parse(spec)));
        List<String> names = source.tenants();
        if (names == null || names.isEmpty()) {
            if (options.allowEmpty()) return List.of();
            throw new RetortStartupException("the TenantSource bean lists no tenant (set retort.allow-empty=true to start without any)");
        }
        return List.of(Shard.of(database, new TenantSpec.Listed(names)));
    }

    private static TenantSpec parse(String spec) {
        try {
            return TenantSpec.parse(spec);
        } catch (ConfigurationException e) {
            throw new RetortStartupException("retort.tenants: " + e.getMessage(), e);
        }
    }

    /** The revisions nothing follows: where {@link #upgrade()} takes every tenant. */
    public List<String> heads() {
        return retort.heads().stream().map(h -> h.revision().id()).toList();
    }

    /**
     * Where every tenant is, read in bulk (a fixed number of queries per few hundred tenants): its
     * revisions, whether it is at head, and its last failed run.
     */
    public List<TenantVersion> current() {
        return flat(currentByShard());
    }

    /** {@link #current()} by shard name, as {@link dev.retort.api.StatusPage} takes it. */
    public Map<String, List<TenantVersion>> currentByShard() {
        List<Shard> shards = shards();
        if (shards.isEmpty()) return Map.of();
        return attributed(() -> retort.currentTenants(shards, options.allowEmpty()));
    }

    /**
     * Every tenant checked against the revisions and the model ({@code retort.model}): pending
     * revisions, edited files, drift.
     *
     * @throws ConfigurationException when no model is configured
     */
    public List<CheckResult> check() {
        return flat(checkByShard());
    }

    /** {@link #check()} by shard name. */
    public Map<String, List<CheckResult>> checkByShard() {
        List<Shard> shards = shards();
        if (shards.isEmpty()) return Map.of();
        return attributed(() -> retort.checkTenants(shards, options.allowEmpty()));
    }

    /**
     * Brings every tenant to head: the tenants' versions are read in bulk first, and only those behind
     * are migrated, {@code retort.jobs} at a time, each under its schema's lock (so that instances
     * starting at once migrate each tenant once: the second finds it done). Tenants already at head
     * count as unchanged.
     */
    public FanOutReport upgrade() {
        long started = System.nanoTime();
        List<TenantVersion> versions = current();
        List<String> behind = versions.stream().filter(v -> !v.atHead()).map(TenantVersion::tenant).toList();
        long atHead = versions.size() - behind.size();
        if (behind.isEmpty()) {
            return new FanOutReport(versions.isEmpty() ? 0 : 1, atHead, Map.of(TenantStatus.UNCHANGED, atHead), List.of(), 0,
                    Duration.ofNanos(System.nanoTime() - started));
        }
        return withUnchanged(upgrade(behind), atHead, started);
    }

    /**
     * Brings the given tenants to head, {@code retort.jobs} at a time, as {@link #upgrade()} does;
     * a failure fails its tenant alone (unless {@code retort.fail-fast}).
     */
    public FanOutReport upgrade(List<String> tenants) {
        Shard shard = Shard.of(database, new TenantSpec.Listed(tenants));
        return attributed(() -> retort.upgradeTenants("head", false, List.of(shard), options, logging()));
    }

    /**
     * Brings one tenant to head now, e.g. after a sign-up: creates its schema when missing, under the
     * schema's lock, one transaction per revision.
     *
     * @throws dev.retort.api.MigrationException when a revision fails (rolled back; the schema stays at the one before)
     */
    public UpgradeResult upgrade(String tenant) {
        return retort.upgrade("head", tenant);
    }

    /**
     * Provisions a new tenant, as {@code retort tenant create} does: the schema created and brought
     * to head in one transaction, every revision replayed ({@link CreateMethod#AUTO}). Refuses a
     * schema that exists and is not empty.
     */
    public CreateResult create(String tenant) {
        return retort.createTenant(tenant, CreateMethod.AUTO);
    }

    /** The startup run's report; null when none ran (on-startup check or none, or a strategy). */
    public FanOutReport startupReport() {
        return startup;
    }

    void startupReport(FanOutReport report) {
        this.startup = report;
    }

    private FanOutListener logging() {
        return new FanOutListener() {
            @Override
            public void outcome(TenantOutcome outcome) {
                if (outcome.failed()) log.error("Retort: tenant " + outcome.tenant() + " failed: " + outcome.error());
            }

            @Override
            public void finished(FanOutReport report) {
                // the startup run logs its own summary, tenants at head included
                if (log.isDebugEnabled()) log.debug("Retort: " + report.summary());
            }
        };
    }

    private static FanOutReport withUnchanged(FanOutReport run, long atHead, long started) {
        Map<TenantStatus, Long> counts = new EnumMap<>(run.counts());
        counts.merge(TenantStatus.UNCHANGED, atHead, Long::sum);
        return new FanOutReport(run.shards(), run.total() + atHead, counts, run.failures(), run.failuresNotListed(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static <T> List<T> flat(Map<String, List<T>> byShard) {
        List<T> out = new ArrayList<>();
        byShard.values().forEach(out::addAll);
        return out;
    }

    /** A resolution failure (a spec that matches nothing, a bad name) names the property that gave the tenants. */
    private <T> T attributed(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ConfigurationException e) {
            String origin = source != null ? "the TenantSource bean" : "retort.tenants";
            // the fan-out's hint names the command line's option; here the property says the same
            String message = e.getMessage().replace("--allow-empty", "retort.allow-empty=true");
            throw new RetortStartupException(origin + ": " + message, e);
        }
    }
}
