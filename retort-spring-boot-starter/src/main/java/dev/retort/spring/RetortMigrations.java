package dev.retort.spring;

import dev.retort.RetortException;
import dev.retort.api.CheckResult;
import dev.retort.api.DatabaseException;
import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantVersion;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The run at startup, as a bean: Spring Boot's database-initializer detection makes the
 * EntityManagerFactory and every bean marked {@code @DependsOnDatabaseInitialization} wait for it, so
 * that nothing uses a tenant's tables before they are at head. It runs the application's
 * {@link RetortMigrationStrategy} when there is one, else what {@code retort.on-startup} says.
 */
public final class RetortMigrations implements InitializingBean {
    private static final Log log = LogFactory.getLog(RetortMigrations.class);
    /** How many failed tenants a startup failure names; the log has every one. */
    static final int NAMED = 10;

    private final RetortTenants tenants;
    private final RetortProperties properties;
    private final RetortMigrationStrategy strategy;

    RetortMigrations(RetortTenants tenants, RetortProperties properties, RetortMigrationStrategy strategy) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            run();
        } catch (RetortStartupException e) {
            throw e;
        } catch (DatabaseException e) {
            // the application's own DataSource was reachable before this ran, so it is the migration URL
            throw new RetortStartupException((properties.getUrl() != null ? "retort.url: " : "retort: ") + e.getMessage(), e);
        } catch (RetortException e) {
            throw new RetortStartupException("retort: " + e.getMessage(), e);
        }
    }

    private void run() {
        if (strategy != null) {
            strategy.migrate(tenants);
            return;
        }
        switch (properties.getOnStartup()) {
            case NONE -> {
            }
            case UPGRADE -> upgrade();
            case CHECK -> check();
        }
    }

    private void upgrade() {
        FanOutReport report = tenants.upgrade();
        tenants.startupReport(report);
        if (report.succeeded()) {
            log.info("Retort: " + report.summary());
            return;
        }
        String message = failureMessage(report);
        if (properties.getOnFailure() == RetortProperties.OnFailure.FAIL) throw new RetortStartupException(message);
        log.error(message + " (retort.on-failure=continue: starting anyway)");
    }

    /** {@code retort: 2 of 30 tenants failed to upgrade ...: tenant_b: ...; tenant_c: ...}. */
    static String failureMessage(FanOutReport report) {
        StringBuilder out = new StringBuilder("retort: ").append(report.failed()).append(" of ").append(report.total())
                .append(report.total() == 1 ? " tenant" : " tenants").append(" failed to upgrade");
        if (report.skipped() > 0) out.append(", ").append(report.skipped()).append(" not run (retort.fail-fast)");
        else out.append(" (the others finished)");
        List<String> named = new ArrayList<>();
        for (TenantOutcome failure : report.failures()) {
            if (named.size() == NAMED) break;
            named.add(failure.tenant() + ": " + failure.error());
        }
        out.append(": ").append(String.join("; ", named));
        long more = report.failed() - named.size();
        if (more > 0) out.append("; and ").append(more).append(" more");
        return out.toString();
    }

    private void check() {
        List<String> problems = new ArrayList<>();
        if (properties.getModel() != null) {
            for (CheckResult r : tenants.check()) {
                if (!r.clean()) problems.add(r.schema() + ": " + String.join(", ", r.problems()));
            }
        } else {
            for (TenantVersion v : tenants.current()) {
                if (!v.atHead()) {
                    problems.add(v.tenant() + ": " + (v.lastFailure() != null ? v.lastFailure().describe()
                            : v.schemaExists() ? "behind head (at " + (v.heads().isEmpty() ? "base" : String.join(", ", v.heads())) + ")"
                            : "schema does not exist"));
                }
            }
        }
        if (problems.isEmpty()) {
            log.info("Retort: every tenant is at head");
            return;
        }
        String message = "retort: " + problems.size() + (problems.size() == 1 ? " tenant is" : " tenants are") + " not up to date: "
                + String.join("; ", problems.subList(0, Math.min(NAMED, problems.size())))
                + (problems.size() > NAMED ? "; and " + (problems.size() - NAMED) + " more" : "");
        if (properties.getOnFailure() == RetortProperties.OnFailure.FAIL) throw new RetortStartupException(message);
        log.error(message + " (retort.on-failure=continue: starting anyway)");
    }
}
