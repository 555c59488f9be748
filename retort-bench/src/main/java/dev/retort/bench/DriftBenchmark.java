package dev.retort.bench;

import dev.retort.api.FanOutOptions;
import dev.retort.MetaData;
import dev.retort.api.Retort;
import dev.retort.compare.Diff;
import dev.retort.api.Database;
import dev.retort.api.DatabaseDataSource;
import dev.retort.internal.autogenerate.Autogenerate;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutReport;
import dev.retort.postgres.PostgresDialect;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.api.CheckResult;
import dev.retort.internal.runner.TenantSurvey;
import dev.retort.internal.version.VersionTable;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The drift scenario: T up-to-date tenants of the workload checked against the model, on one
 * connection, in a scratch database. The tenants are built untimed by the runner through the
 * fan-out, so each has its version table at head, as a user's would. What is timed:
 * <ul>
 *   <li>{@code floor}: the statements the check sent (recorded once, untimed), sent again by a bare
 *       JDBC loop reading every value ({@link QueryFloor}): the server's share, with nothing built;</li>
 *   <li>{@code check}: {@link Retort#checkTenants}, the path of {@code retort check --tenants}
 *       without its printing: version tables read in bulk, catalogs reflected a few hundred tenants
 *       at a time, every tenant compared with the model;</li>
 *   <li>{@code reflect}: only the reflection and comparison, in batches of B schemas
 *       ({@link Autogenerate#autogenerateEach});</li>
 *   <li>with {@code --single true}, also one reflection per tenant ({@link Autogenerate#autogenerate}),
 *       what a tool that reads one schema at a time pays (slow: minutes for 1000 tenants).</li>
 * </ul>
 * Fails if any tenant is not clean. Prints medians:
 *
 * <pre>
 * drift check tables=20 tenants=1000 seconds=8.1 (median of 3; runs ...)
 * drift reflect tables=20 tenants=1000 batch=100 seconds=7.9 (median of 3; runs ...)
 * </pre>
 *
 * <p>Arguments (all optional): {@code --url}, {@code --tables N}, {@code --tenants T},
 * {@code --batch B}, {@code --runs R}, {@code --single true|false} (default false).
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
        boolean single = Boolean.parseBoolean(given.getOrDefault("single", "false"));
        PostgresDialect dialect = new PostgresDialect();
        MetaData model = WorkloadModel.of(tables);
        Autogenerate autogenerate = Autogenerate.with(dialect).ignoringTables(List.of("retort_version"));
        List<String> names = IntStream.range(0, tenants).mapToObj(i -> String.format("bench_t%05d", i)).toList();
        List<Double> checked = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> reflected = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        System.out.println("load average at start: " + Machine.loadAverage());
        try (ScratchDatabase db = ScratchDatabase.create(dialect, Database.of(url), "retort_bench_drift_" + ProcessHandle.current().pid())) {
            Path revisions = WorkloadDdl.of(tables, dialect).writeRevisions(1);
            Retort retort = Retort.configure().dataSource(new DatabaseDataSource(dialect, db.database()))
                    .migrations(revisions).model(() -> model).load();
            Shard shard = Shard.of(db.database(), new TenantSpec.Listed(names));
            long b0 = System.nanoTime();
            FanOutReport built = retort.upgradeTenants("head", false, List.of(shard), FanOutOptions.defaults().withJobs(2), FanOutListener.none());
            if (!built.succeeded()) throw new IllegalStateException("building the tenants failed: " + built.summary());
            System.err.printf(Locale.ROOT, "built %d tenants in %.1f s%n", tenants, (System.nanoTime() - b0) / 1e9);
            List<QueryFloor.Query> queries = record(dialect, db.database(), revisions, names, model);
            for (int run = 0; run <= runs; run++) { // run 0 warms up, untimed
                long t0 = System.nanoTime();
                Map<String, List<CheckResult>> results = retort.checkTenants(List.of(shard));
                double s = (System.nanoTime() - t0) / 1e9;
                results.values().forEach(list -> list.forEach(DriftBenchmark::requireClean));
                if (results.values().stream().mapToInt(List::size).sum() != tenants) throw new IllegalStateException("not every tenant was checked");
                if (run > 0) checked.add(s);
                System.err.printf(Locale.ROOT, "run %d/%d check %.3f s%n", run, runs, s);

                try (Connection c = dialect.connect(db.database())) {
                    t0 = System.nanoTime();
                    QueryFloor.replay(c, queries);
                    s = (System.nanoTime() - t0) / 1e9;
                    if (run > 0) floor.add(s);
                    System.err.printf(Locale.ROOT, "run %d/%d floor %.3f s%n", run, runs, s);

                    t0 = System.nanoTime();
                    for (int from = 0; from < names.size(); from += batch) {
                        autogenerate.autogenerateEach(c, model, names.subList(from, Math.min(names.size(), from + batch)))
                                .forEach(DriftBenchmark::requireClean);
                    }
                    s = (System.nanoTime() - t0) / 1e9;
                    if (run > 0) reflected.add(s);
                    System.err.printf(Locale.ROOT, "run %d/%d reflect %.3f s%n", run, runs, s);
                    if (!single) continue;
                    t0 = System.nanoTime();
                    for (String t : names) requireClean(t, autogenerate.autogenerate(c, model.withSchema(t), t));
                    s = (System.nanoTime() - t0) / 1e9;
                    if (run > 0) one.add(s);
                    System.err.printf(Locale.ROOT, "run %d/%d one-by-one %.3f s%n", run, runs, s);
                }
            }
        }
        double f = FanOutBenchmark.median(floor);
        System.out.printf(Locale.ROOT, "drift floor tables=%d tenants=%d seconds=%.3f (median of %d; runs %s)%n",
                tables, tenants, f, floor.size(), format(floor));
        System.out.printf(Locale.ROOT, "drift check tables=%d tenants=%d seconds=%.3f (median of %d; runs %s) check/floor=%.2f%n",
                tables, tenants, FanOutBenchmark.median(checked), checked.size(), format(checked), FanOutBenchmark.median(checked) / f);
        System.out.printf(Locale.ROOT, "drift reflect tables=%d tenants=%d batch=%d seconds=%.3f (median of %d; runs %s)%n",
                tables, tenants, batch, FanOutBenchmark.median(reflected), reflected.size(), format(reflected));
        if (single) {
            double o = FanOutBenchmark.median(one);
            System.out.printf(Locale.ROOT, "drift one-by-one tables=%d tenants=%d seconds=%.3f (median of %d; runs %s) check/one-by-one=%.3f%n",
                    tables, tenants, o, one.size(), format(one), FanOutBenchmark.median(checked) / o);
        }
        System.out.println("load average at end: " + Machine.loadAverage());
    }

    /** What {@code check --tenants} sends for these tenants, recorded from the survey it runs on each shard. */
    private static List<QueryFloor.Query> record(PostgresDialect dialect, Database database, Path revisions, List<String> names,
                                                 MetaData model) throws java.sql.SQLException {
        QueryFloor recorder = QueryFloor.recording();
        try (Connection c = dialect.connect(database)) {
            TenantSurvey survey = new TenantSurvey(dialect, VERSION_TABLE, MigrationsDirectory.load(revisions).graph());
            Autogenerate autogenerate = Autogenerate.with(dialect).ignoringTables(VersionTable.ownTables(VERSION_TABLE));
            survey.check(recorder.wrap(c), names, model, autogenerate).forEach(DriftBenchmark::requireClean);
        }
        return recorder.queries();
    }

    private static final String VERSION_TABLE = "retort_version";

    private static void requireClean(CheckResult r) {
        if (!r.clean()) throw new IllegalStateException("tenant " + r.schema() + " is not clean: " + r.problems());
    }

    private static void requireClean(String tenant, Diff diff) {
        if (!diff.isEmpty()) throw new IllegalStateException("drift in " + tenant + ": " + diff.describe());
    }

    private static String format(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }
}
