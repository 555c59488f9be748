package dev.retort.bench;

import dev.retort.api.Database;
import dev.retort.api.DatabaseDataSource;
import dev.retort.api.DdlTimeouts;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutOptions;
import dev.retort.api.FanOutReport;
import dev.retort.api.Retort;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.postgres.PostgresDialect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a held lock does to the application during a fan-out (docs/safety.md): T tenants, each with a
 * table, are upgraded by a revision that adds a column, while one session of the application keeps a
 * transaction open on tenant 0's table for H seconds and readers query that table every 20 ms. Run
 * once with no DDL lock timeout and once with one: prints the readers' longest wait, how long the
 * fan-out took and what it did.
 *
 * <pre>
 * lock-wait tenants=50 hold=5.0 lock-timeout=none  readers-longest-wait=4.912 fan-out=5.123 upgraded=50 failed=0
 * lock-wait tenants=50 hold=5.0 lock-timeout=0.5   readers-longest-wait=0.507 fan-out=5.842 upgraded=50 failed=0
 * </pre>
 *
 * <p>Arguments (all optional): {@code --url JDBC_URL}, {@code --tenants T}, {@code --hold SECONDS},
 * {@code --lock-timeout MS}.
 */
public final class LockWaitBenchmark {
    private LockWaitBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) given.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        String url = given.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        int tenants = Integer.parseInt(given.getOrDefault("tenants", "50"));
        double hold = Double.parseDouble(given.getOrDefault("hold", "5"));
        long timeoutMs = Long.parseLong(given.getOrDefault("lock-timeout", "500"));
        System.out.println("load average at start: " + Machine.loadAverage());
        for (long timeout : new long[] {0, timeoutMs}) System.out.println(run(url, tenants, hold, timeout));
    }

    /** One run in a scratch database of its own; {@code timeoutMs} 0 is no bound. */
    static String run(String url, int tenants, double hold, long timeoutMs) throws Exception {
        PostgresDialect dialect = new PostgresDialect();
        Path dir = Files.createTempDirectory("retort-lock-wait");
        revision(dir, "a1_initial.yaml", "a1", "null", "  - create_table: {name: t, columns: [{name: id, type: integer}]}\n");
        revision(dir, "b2_note.yaml", "b2", "a1", "  - add_column: {table: t, column: {name: note, type: text}}\n");
        try (ScratchDatabase db = ScratchDatabase.create(dialect, Database.of(url), "retort_bench_lock_" + ProcessHandle.current().pid())) {
            // Enough attempts that every tenant gets through once the lock is released.
            DdlTimeouts timeouts = DdlTimeouts.DEFAULTS.withLockTimeout(Duration.ofMillis(timeoutMs))
                    .withAttempts(1000).withBackoff(Duration.ofMillis(100));
            Retort retort = Retort.configure().dataSource(new DatabaseDataSource(dialect, db.database())).migrations(dir)
                    .ddlTimeouts(timeouts).load();
            Shard shard = Shard.of(db.database(), TenantSpec.Pattern.of("lw_*"));
            for (int i = 0; i < tenants; i++) retort.upgrade("a1", String.format("lw_%04d", i));
            String table = dialect.qualify("lw_0000", "t");
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong longestNanos = new AtomicLong();
            Thread readers = new Thread(() -> {
                try (Connection c = dialect.connect(db.database()); Statement st = c.createStatement()) {
                    while (!done.get()) {
                        long start = System.nanoTime();
                        st.executeQuery("SELECT count(*) FROM " + table).close();
                        longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                        Thread.sleep(20);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            FanOutReport report;
            long start;
            try (Connection holder = dialect.connect(db.database()); Statement st = holder.createStatement()) {
                holder.setAutoCommit(false);
                st.executeQuery("SELECT count(*) FROM " + table).close();
                readers.start();
                Thread release = new Thread(() -> {
                    try {
                        Thread.sleep((long) (hold * 1000));
                        holder.commit();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                release.start();
                start = System.nanoTime();
                report = retort.upgradeTenants("head", false, java.util.List.of(shard), FanOutOptions.defaults().withJobs(4),
                        FanOutListener.none());
                release.join();
            }
            double fanOut = (System.nanoTime() - start) / 1e9;
            done.set(true);
            readers.join();
            return String.format(Locale.ROOT, "lock-wait tenants=%d hold=%.1f lock-timeout=%s readers-longest-wait=%.3f fan-out=%.3f"
                            + " upgraded=%d failed=%d", tenants, hold, timeoutMs == 0 ? "none" : String.format(Locale.ROOT, "%.1f", timeoutMs / 1000.0),
                    longestNanos.get() / 1e9, fanOut, report.count(dev.retort.api.TenantStatus.UPGRADED), report.failed());
        }
    }

    private static void revision(Path dir, String file, String id, String down, String upgrade) throws java.io.IOException {
        Files.writeString(dir.resolve(file), """
                revision: %s
                down_revision: %s
                message: x
                created: 2026-11-25T12:00:00Z
                upgrade:
                %sdowngrade: []
                """.formatted(id, down, upgrade));
    }
}
