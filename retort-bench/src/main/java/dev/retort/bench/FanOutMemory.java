package dev.retort.bench;

import dev.retort.api.FanOutOptions;
import dev.retort.api.Database;
import dev.retort.internal.fanout.FanOut;
import dev.retort.api.FanOutReport;
import dev.retort.internal.fanout.TenantResult;
import dev.retort.internal.fanout.TenantTask;
import dev.retort.postgres.PostgresDialect;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Memory of the fan-out as the tenants grow, with a {@link HeapProbe}: over T tenants, what the run
 * holds at its end and the peak of the heap in use after a collection. Prints
 * {@code memory fanout task=K tenants=T connections=C held-kb=H peak-after-gc-kb=P collections=G seconds=S}
 * (G: the collections during the run, the probe's own left out).
 *
 * <p>Two tasks: {@code none}, which does nothing but borrow a connection, over made-up tenants: the
 * harness alone; and {@code retort}, the real runner ({@link FanOutTasks#retort}) upgrading T real
 * tenants to the workload's revision with {@code --tables N} tables (default 1, so that many tenants
 * finish in reasonable time). Run under a small {@code -Xmx} to show that the heap does not grow
 * with the tenants.
 *
 * <p>Arguments: {@code --url JDBC_URL} (as for {@link FanOutBenchmark}), {@code --task none|retort},
 * {@code --tenants 1000,10000,100000} (the default for {@code none}; {@code 100,1000,10000} for
 * {@code retort}), {@code --tables N}, {@code --connections 4}.
 */
public final class FanOutMemory {
    private FanOutMemory() {
    }

    public static void main(String[] argv) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        String taskName = "none";
        List<Integer> sizes = null;
        int tables = 1;
        int connections = 4;
        for (int i = 0; i < argv.length; i += 2) {
            if (i + 1 >= argv.length) throw new IllegalArgumentException("expected --NAME VALUE pairs, got " + argv[i]);
            switch (argv[i]) {
                case "--url" -> url = argv[i + 1];
                case "--task" -> taskName = argv[i + 1];
                case "--tenants" -> sizes = Arrays.stream(argv[i + 1].split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--tables" -> tables = Integer.parseInt(argv[i + 1]);
                case "--connections" -> connections = Integer.parseInt(argv[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + argv[i]);
            }
        }
        PostgresDialect dialect = new PostgresDialect();
        TenantTask task;
        String what;
        switch (taskName) {
            case "none" -> {
                task = (c, s, tenant) -> TenantResult.unchanged("head");
                what = "task=none";
            }
            case "retort" -> {
                task = FanOutTasks.retort(new FanOutTasks.Workload(WorkloadDdl.of(tables, dialect), Map.of()));
                what = "task=retort tables=" + tables;
            }
            default -> throw new IllegalArgumentException("no task " + taskName + " (known: none, retort)");
        }
        if (sizes == null) sizes = taskName.equals("none") ? List.of(1000, 10_000, 100_000) : List.of(100, 1000, 10_000);

        System.out.printf(Locale.ROOT, "memory heap max-kb=%d%n", Runtime.getRuntime().maxMemory() / 1024);
        for (int t : sizes) {
            // A database per size: the schemas a real upgrade leaves behind would slow the next size's catalog down.
            try (ScratchDatabase db = ScratchDatabase.create(dialect, Database.of(url), "retort_bench_memory_" + ProcessHandle.current().pid())) {
                List<String> tenants = IntStream.range(0, t).mapToObj(i -> String.format("tenant_%07d", i)).toList();
                HeapProbe probe = new HeapProbe();
                long t0 = System.nanoTime();
                FanOutReport report = new FanOut(FanOutOptions.defaults().withJobs(connections), probe)
                        .run(List.of(Shard.of(db.database(), new TenantSpec.Listed(tenants))), task);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!report.succeeded()) {
                    throw new IllegalStateException("the fan-out failed: " + report.summary() + "; first: " + report.failures().get(0).error());
                }
                System.out.printf(Locale.ROOT, "memory fanout %s tenants=%d connections=%d held-kb=%d peak-after-gc-kb=%d collections=%d seconds=%.3f%n",
                        what, t, connections, probe.heldKb(), probe.peakAfterGcKb(), probe.runCollections(), seconds);
            }
        }
    }
}
