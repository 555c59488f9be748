package dev.retort.bench;

import dev.retort.postgres.PostgresDialect;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.internal.runner.TenantMigrations;

import java.time.Duration;

import dev.retort.internal.fanout.TenantResult;
import dev.retort.internal.fanout.TenantTask;

import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The per-tenant tasks the fan-out benchmark can time, by name ({@code --tasks NAME}). {@code statements}
 * runs the workload's statements in one transaction per tenant, as the floor does and rendered
 * before the clock starts as the floor's are, but through {@link dev.retort.internal.fanout.FanOut}: its time
 * over the floor's is the harness's own overhead (pools, threads, outcomes). The migration runner
 * plugs in here as {@code retort}: a task that brings the tenant to head from the workload's
 * revision, rendering included, as a user's run would.
 */
public final class FanOutTasks {
    /** The workload, and its statements already rendered for the tenants of the run. */
    public record Workload(WorkloadDdl ddl, Map<String, List<String>> rendered) {
    }

    private static final Map<String, Function<Workload, TenantTask>> TASKS = Map.of(
            "statements", FanOutTasks::statements,
            "retort", FanOutTasks::retort);

    private FanOutTasks() {
    }

    public static List<String> names() {
        return TASKS.keySet().stream().sorted().toList();
    }

    /** @throws IllegalArgumentException naming the known tasks */
    public static TenantTask named(String name, Workload workload) {
        Function<Workload, TenantTask> task = TASKS.get(name);
        if (task == null) throw new IllegalArgumentException("no fan-out task " + name + " (known: " + names() + ")");
        return task.apply(workload);
    }

    static TenantTask statements(Workload workload) {
        return (connection, shard, tenant) -> {
            List<String> statements = workload.rendered().get(tenant);
            if (statements == null) statements = workload.ddl().statements(tenant);
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (String sql : statements) st.execute(sql);
            }
            connection.commit();
            return TenantResult.upgraded(null, "workload");
        };
    }

    /**
     * The real runner: the workload written once as a revision (its schema creation left to the
     * runner), and each tenant upgraded to head on the fan-out's connection: lock, version table,
     * rendering and recording included.
     */
    static TenantTask retort(Workload workload) {
        RevisionGraph graph = MigrationsDirectory.load(workload.ddl().writeRevisions(1)).graph();
        // The very task `retort upgrade --tenants` runs for each tenant.
        return new TenantMigrations(new PostgresDialect(), "retort_version", Duration.ofMinutes(1), graph, new dev.retort.internal.runner.Cancellation()).upgrade("head", false);
    }
}
