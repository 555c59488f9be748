package dev.retort.bench;

import dev.retort.MetaData;
import dev.retort.compare.Diff;
import dev.retort.dialect.Database;
import dev.retort.engine.Autogenerate;
import dev.retort.postgres.PostgresDialect;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The drift check of T tenants: every tenant compared with the model, the way a fan-out
 * {@code check} reads them, in batches of B schemas per reflection
 * ({@link Autogenerate#autogenerateEach}), against the same done one reflection per tenant
 * ({@link Autogenerate#autogenerate}), on one connection, in a scratch database holding T tenants of
 * the workload (built untimed by {@link FloorLoop}). Fails if any tenant shows drift. Prints medians:
 *
 * <pre>
 * drift tables=20 tenants=1000 batch=100 seconds=12.3 per-tenant-seconds=40.1 ratio=0.31
 * </pre>
 *
 * <p>Arguments (all optional): {@code --url}, {@code --tables N}, {@code --tenants T},
 * {@code --batch B}, {@code --runs R}, {@code --single true|false} (also time one reflection per
 * tenant; default true).
 */
public final class DriftBenchmark {
    private DriftBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) given.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        String url = given.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        int tables = Integer.parseInt(given.getOrDefault("tables", "20"));
        int tenants = Integer.parseInt(given.getOrDefault("tenants", "1000"));
        int batch = Integer.parseInt(given.getOrDefault("batch", "100"));
        int runs = Integer.parseInt(given.getOrDefault("runs", "3"));
        boolean single = Boolean.parseBoolean(given.getOrDefault("single", "true"));
        PostgresDialect dialect = new PostgresDialect();
        WorkloadDdl ddl = WorkloadDdl.of(tables, dialect);
        MetaData model = WorkloadModel.of(tables);
        Autogenerate autogenerate = Autogenerate.with(dialect);
        List<String> names = IntStream.range(0, tenants).mapToObj(i -> String.format("bench_t%05d", i)).toList();
        List<Double> batched = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        try (ScratchDatabase db = ScratchDatabase.create(dialect, Database.of(url), "retort_bench_drift_" + ProcessHandle.current().pid())) {
            FloorLoop.run(dialect, db.database(), names.stream().map(ddl::statements).toList(), 2);
            try (Connection c = dialect.connect(db.database())) {
                for (int run = 0; run <= runs; run++) { // run 0 warms up, untimed
                    long t0 = System.nanoTime();
                    for (int from = 0; from < names.size(); from += batch) {
                        Map<String, Diff> diffs = autogenerate.autogenerateEach(c, model, names.subList(from, Math.min(names.size(), from + batch)));
                        diffs.forEach(DriftBenchmark::requireClean);
                    }
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (run > 0) batched.add(s);
                    System.err.printf(Locale.ROOT, "run %d/%d batched %.3f s%n", run, runs, s);
                    if (!single) continue;
                    t0 = System.nanoTime();
                    for (String t : names) requireClean(t, autogenerate.autogenerate(c, model.withSchema(t), t));
                    s = (System.nanoTime() - t0) / 1e9;
                    if (run > 0) one.add(s);
                    System.err.printf(Locale.ROOT, "run %d/%d one-by-one %.3f s%n", run, runs, s);
                }
            }
        }
        double b = FanOutBenchmark.median(batched);
        if (single) {
            double o = FanOutBenchmark.median(one);
            System.out.printf(Locale.ROOT, "drift tables=%d tenants=%d batch=%d seconds=%.3f one-by-one-seconds=%.3f ratio=%.2f%n",
                    tables, tenants, batch, b, o, b / o);
        } else {
            System.out.printf(Locale.ROOT, "drift tables=%d tenants=%d batch=%d seconds=%.3f%n", tables, tenants, batch, b);
        }
    }

    private static void requireClean(String tenant, Diff diff) {
        if (!diff.isEmpty()) throw new IllegalStateException("drift in " + tenant + ": " + diff.describe());
    }
}
