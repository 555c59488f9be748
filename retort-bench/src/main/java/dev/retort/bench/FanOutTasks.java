package dev.retort.bench;

import dev.retort.fanout.TenantResult;
import dev.retort.fanout.TenantTask;

import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The per-tenant tasks the fan-out benchmark can time, by name ({@code --task NAME}). {@code statements}
 * runs the workload's statements in one transaction per tenant, as the floor does, but through
 * {@link dev.retort.fanout.FanOut}: its time over the floor's is the harness's own overhead (pools,
 * threads, outcomes). The migration runner plugs in here as {@code retort}: a task that brings the
 * tenant to head from the workload's revision.
 */
public final class FanOutTasks {
    private static final Map<String, Function<WorkloadDdl, TenantTask>> TASKS = Map.of(
            "statements", FanOutTasks::statements);

    private FanOutTasks() {
    }

    public static List<String> names() {
        return TASKS.keySet().stream().sorted().toList();
    }

    /** @throws IllegalArgumentException naming the known tasks */
    public static TenantTask named(String name, WorkloadDdl ddl) {
        Function<WorkloadDdl, TenantTask> task = TASKS.get(name);
        if (task == null) throw new IllegalArgumentException("no fan-out task " + name + " (known: " + names() + ")");
        return task.apply(ddl);
    }

    static TenantTask statements(WorkloadDdl ddl) {
        return (connection, shard, tenant) -> {
            List<String> statements = ddl.statements(tenant);
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (String sql : statements) st.execute(sql);
            }
            connection.commit();
            return TenantResult.upgraded(null, "workload");
        };
    }
}
