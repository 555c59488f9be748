package dev.retort.bench;

import dev.retort.Retort;
import dev.retort.dialect.Database;
import dev.retort.dialect.DatabaseDataSource;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.postgres.PostgresDialect;
import dev.retort.revision.MigrationsDirectory;
import dev.retort.runner.CreateMethod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tenant create} by replay against from the model: T tenants created one after the other with
 * each method, in a scratch database of its own per method and run, the workload's model
 * ({@link WorkloadModel#of} N tables) written as R revisions (its operations split in order). Prints
 * the medians:
 *
 * <pre>
 * tenant-create tables=20 revisions=1 tenants=50 replay=1.234 model=2.345 ratio=1.90
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

        // The revisions: the workload's operations without the schema's creation (the runner creates it).
        List<Operation> ops = WorkloadDdl.of(tables, dialect).operations().stream()
                .filter(op -> !(op instanceof SchemaOps.CreateSchema)).toList();
        Path dir = Files.createTempDirectory("retort-bench-create");
        int per = (ops.size() + revisions - 1) / revisions;
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int r = 0; r * per < ops.size(); r++) {
            MigrationsDirectory.load(dir).create("part " + r, ops.subList(r * per, Math.min(ops.size(), (r + 1) * per)), t0.plusSeconds(60L * r));
        }

        Map<CreateMethod, List<Double>> seconds = new LinkedHashMap<>();
        String scratch = "retort_bench_create_" + ProcessHandle.current().pid();
        for (int run = 0; run <= runs; run++) { // run 0 warms up, untimed
            List<CreateMethod> order = new ArrayList<>(List.of(CreateMethod.REPLAY, CreateMethod.MODEL));
            if (run % 2 == 1) java.util.Collections.reverse(order);
            for (CreateMethod method : order) {
                try (ScratchDatabase db = ScratchDatabase.create(dialect, server, scratch)) {
                    Retort retort = Retort.configure().dataSource(new DatabaseDataSource(dialect, db.database()))
                            .migrations(dir).model(() -> WorkloadModel.of(tables)).load();
                    int n = run == 0 ? Math.min(5, tenants) : tenants;
                    long start = System.nanoTime();
                    for (int i = 0; i < n; i++) retort.createTenant(String.format("bench_t%05d", i), method);
                    double s = (System.nanoTime() - start) / 1e9;
                    if (run > 0) {
                        seconds.computeIfAbsent(method, k -> new ArrayList<>()).add(s);
                        System.err.printf(Locale.ROOT, "run %d/%d %s %.3f s%n", run, runs, method, s);
                    }
                }
            }
        }
        double replay = FanOutBenchmark.median(seconds.get(CreateMethod.REPLAY));
        double model = FanOutBenchmark.median(seconds.get(CreateMethod.MODEL));
        System.out.printf(Locale.ROOT, "tenant-create tables=%d revisions=%d tenants=%d replay=%.3f model=%.3f model/replay=%.2f%n",
                tables, revisions, tenants, replay, model, model / replay);
    }
}
