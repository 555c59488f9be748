package dev.retort.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.api.CreateMethod;
import dev.retort.api.CreateResult;
import dev.retort.api.Database;
import dev.retort.api.DatabaseDataSource;
import dev.retort.api.Retort;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.postgres.PostgresDialect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tenant create} from the warm pool against by replay: the pool filled with T schemas of the
 * workload's model (N tables, R revisions), then T tenants created one after the other from it, then
 * T more by replay, each create timed alone, in one scratch database, through a pooled DataSource as
 * an application holds one (connection set-up is not what is measured). Prints percentiles in
 * milliseconds:
 *
 * <pre>
 * tenant-create-pool tables=20 revisions=1 tenants=200 pool_p50=4.1 pool_p99=9.8 replay_p50=120.3 replay_p99=160.2 fill_s=25.1
 * </pre>
 *
 * <p>Arguments (all optional): {@code --url JDBC_URL} (default: an embedded PostgreSQL),
 * {@code --tables N}, {@code --revisions R}, {@code --tenants T}.
 */
public final class WarmPoolBenchmark {
    private WarmPoolBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) given.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        int tables = Integer.parseInt(given.getOrDefault("tables", "20"));
        int revisions = Integer.parseInt(given.getOrDefault("revisions", "1"));
        int tenants = Integer.parseInt(given.getOrDefault("tenants", "200"));
        PostgresDialect dialect = new PostgresDialect();
        Path dir = WorkloadDdl.of(tables, dialect).writeRevisions(revisions);
        System.out.println("load average at start: " + Machine.loadAverage());
        EmbeddedServer embedded = given.containsKey("url") ? null : EmbeddedServer.ephemeral();
        try {
            Database server = embedded != null ? embedded.database() : Database.of(given.get("url"));
            try (ScratchDatabase db = ScratchDatabase.create(dialect, server, "retort_bench_pool_" + ProcessHandle.current().pid());
                 HikariDataSource pooled = pool(dialect, db.database())) {
                Retort retort = Retort.configure().dataSource(pooled).dialect(dialect).migrations(dir).load();
                long start = System.nanoTime();
                retort.fillPool(tenants);
                double fill = (System.nanoTime() - start) / 1e9;
                List<Double> fromPool = creates(retort, "pooled_", tenants, CreateMethod.POOL, CreateMethod.POOL);
                List<Double> replayed = creates(retort, "replayed_", tenants, CreateMethod.REPLAY, CreateMethod.REPLAY);
                System.out.printf(Locale.ROOT, "tenant-create-pool tables=%d revisions=%d tenants=%d pool_p50=%.1f pool_p99=%.1f "
                                + "replay_p50=%.1f replay_p99=%.1f fill_s=%.1f%n", tables, revisions, tenants,
                        percentile(fromPool, 50), percentile(fromPool, 99), percentile(replayed, 50), percentile(replayed, 99), fill);
            }
        } finally {
            if (embedded != null) embedded.close();
        }
        System.out.println("load average at end: " + Machine.loadAverage());
    }

    /** Each create's milliseconds; fails when one was not made the way expected (an empty pool, say). */
    private static List<Double> creates(Retort retort, String prefix, int n, CreateMethod method, CreateMethod expected) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            CreateResult r = retort.createTenant(String.format(Locale.ROOT, "%s%05d", prefix, i), method);
            out.add((System.nanoTime() - start) / 1e6);
            if (r.method() != expected) throw new IllegalStateException("tenant " + r.schema() + " was made by " + r.method());
        }
        return out;
    }

    private static HikariDataSource pool(PostgresDialect dialect, Database database) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(new DatabaseDataSource(dialect, database));
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** The nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
