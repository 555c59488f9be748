package dev.retort.bench;

import dev.retort.api.Retort;
import dev.retort.api.Database;
import dev.retort.api.DatabaseDataSource;
import dev.retort.postgres.PostgresDialect;
import dev.retort.api.CreateMethod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The provisioning scenario, {@code tenant create}, by replay against from the model: T tenants
 * created one after the other with each method, in a scratch database of its own per method and run,
 * the workload's model ({@link WorkloadModel#of} N tables) written as R revisions (its operations
 * split in order). Beside them the floor: the same tenants' DDL (schema and tables, rendered before
 * the clock starts) sent by {@link FloorLoop} on one connection, one transaction per tenant. Prints
 * the medians:
 *
 * <pre>
 * tenant-create tables=20 revisions=1 tenants=50 floor=1.100 replay=1.234 model=2.345 replay/floor=1.12 model/floor=2.13 model/replay=1.90
 * </pre>
 *
 * <p>Arguments (all optional): {@code --url JDBC_URL}, {@code --tables N}, {@code --revisions R},
 * {@code --tenants T}, {@code --runs K}.
 */
public final class TenantCreateBenchmark {
    private TenantCreateBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) given.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        String url = given.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        int tables = Integer.parseInt(given.getOrDefault("tables", "20"));
        int revisions = Integer.parseInt(given.getOrDefault("revisions", "1"));
        int tenants = Integer.parseInt(given.getOrDefault("tenants", "50"));
        int runs = Integer.parseInt(given.getOrDefault("runs", "3"));
        PostgresDialect dialect = new PostgresDialect();
        Database server = Database.of(url);

        Path dir = WorkloadDdl.of(tables, dialect).writeRevisions(revisions);

        WorkloadDdl ddl = WorkloadDdl.of(tables, dialect);
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        String scratch = "retort_bench_create_" + ProcessHandle.current().pid();
        System.out.println("load average at start: " + Machine.loadAverage());
        for (int run = 0; run <= runs; run++) { // run 0 warms up, untimed
            List<String> order = new ArrayList<>(List.of(FLOOR, CreateMethod.REPLAY.name(), CreateMethod.MODEL.name()));
            if (run % 2 == 1) java.util.Collections.reverse(order);
            int n = run == 0 ? Math.min(5, tenants) : tenants;
            List<String> names = java.util.stream.IntStream.range(0, n).mapToObj(i -> String.format("bench_t%05d", i)).toList();
            for (String method : order) {
                try (ScratchDatabase db = ScratchDatabase.create(dialect, server, scratch)) {
                    double s;
                    if (method.equals(FLOOR)) {
                        s = FloorLoop.run(dialect, db.database(), names.stream().map(ddl::statements).toList(), 1);
                    } else {
                        Retort retort = Retort.configure().dataSource(new DatabaseDataSource(dialect, db.database()))
                                .migrations(dir).model(() -> WorkloadModel.of(tables)).load();
                        long start = System.nanoTime();
                        for (String name : names) retort.createTenant(name, CreateMethod.valueOf(method));
                        s = (System.nanoTime() - start) / 1e9;
                    }
                    if (run > 0) {
                        seconds.computeIfAbsent(method, k -> new ArrayList<>()).add(s);
                        System.err.printf(Locale.ROOT, "run %d/%d %s %.3f s%n", run, runs, method, s);
                    }
                }
            }
        }
        double floor = FanOutBenchmark.median(seconds.get(FLOOR));
        double replay = FanOutBenchmark.median(seconds.get(CreateMethod.REPLAY.name()));
        double model = FanOutBenchmark.median(seconds.get(CreateMethod.MODEL.name()));
        System.out.printf(Locale.ROOT, "tenant-create tables=%d revisions=%d tenants=%d floor=%.3f replay=%.3f model=%.3f "
                        + "replay/floor=%.2f model/floor=%.2f model/replay=%.2f%n",
                tables, revisions, tenants, floor, replay, model, replay / floor, model / floor, model / replay);
        System.out.println("load average at end: " + Machine.loadAverage());
    }

    private static final String FLOOR = "floor";
}
