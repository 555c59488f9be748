package dev.retort.internal.runner;

import dev.retort.api.Database;
import dev.retort.api.DdlTimeouts;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutOptions;
import dev.retort.api.FanOutReport;
import dev.retort.api.MigrationException;
import dev.retort.api.Retort;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A revision whose statement waits for a lock the application holds: readers queued behind it wait no
 * longer than the lock timeout, the revision is rolled back and tried again, and succeeds once the lock
 * is released, or fails alone after the last attempt, naming who holds the lock.
 */
class DdlTimeoutTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @TempDir
    Path migrations;
    String prefix;

    @BeforeEach
    void twoRevisions() throws IOException {
        revision("a1_initial.yaml", "a1", "null", "", "  - create_table: {name: test, columns: [{name: id, type: integer}]}\n");
        revision("b2_note.yaml", "b2", "a1", "", "  - add_column: {table: test, column: {name: note, type: text}}\n");
        prefix = "dt_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_";
    }

    private void revision(String file, String id, String down, String more, String upgrade) throws IOException {
        Files.writeString(migrations.resolve(file), """
                revision: %s
                down_revision: %s
                message: x
                created: 2026-11-25T12:00:00Z
                %supgrade:
                %sdowngrade: []
                """.formatted(id, down, more, upgrade));
    }

    private Retort retort(DdlTimeouts timeouts) {
        return Retort.configure().dataSource(DB.dataSource()).migrations(migrations).ddlTimeouts(timeouts).load();
    }

    /** A session of the application reading the tenant's table in a transaction it keeps open. */
    private static Connection reader(String tenant) throws SQLException {
        Connection c = DB.connect();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.executeQuery("SELECT count(*) FROM \"" + tenant + "\".test").close();
        }
        return c;
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> columns(String tenant) {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = DB.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = '" + tenant + "' AND table_name = 'test' ORDER BY 1")) {
            while (rs.next()) out.add(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Test
    void readersQueuedBehindTheRevisionWaitNoLongerThanTheTimeoutAndTheRevisionIsRetriedUntilTheLockIsReleased() throws Exception {
        String tenant = prefix + "1";
        Retort retort = retort(DdlTimeouts.DEFAULTS.withLockTimeout(Duration.ofMillis(300)).withAttempts(50).withBackoff(Duration.ofMillis(100)));
        retort.upgrade("a1", tenant);
        try (Connection holder = reader(tenant)) {
            CompletableFuture<Void> upgrade = CompletableFuture.runAsync(() -> retort.upgrade("head", tenant));
            Thread.sleep(100);
            // Another session of the application, arriving while the ALTER waits: it queues behind it.
            long start = System.nanoTime();
            reader(tenant).close();
            long readerWaitMs = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(1500);
            assertThat(upgrade).isNotDone();
            holder.commit();
            upgrade.get(30, TimeUnit.SECONDS);
            assertThat(readerWaitMs).as("a reader's wait behind the queued ALTER").isLessThan(1200);
        }
        assertThat(columns(tenant)).containsExactly("id", "note");
    }

    @Test
    void afterTheLastAttemptTheTenantFailsAloneAtItsRevisionNamingTheSessionThatHoldsTheLock() throws Exception {
        Retort retort = retort(DdlTimeouts.DEFAULTS.withLockTimeout(Duration.ofMillis(100)).withAttempts(2).withBackoff(Duration.ofMillis(50)));
        String blocked = prefix + "1";
        String free = prefix + "2";
        retort.upgrade("a1", blocked);
        retort.upgrade("a1", free);
        try (Connection holder = reader(blocked)) {
            int pid = pid(holder);
            assertThatThrownBy(() -> retort.upgrade("head", blocked))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("schema " + blocked + ": revision b2 (x) failed and was rolled back (the schema stays at a1): ALTER TABLE")
                    .hasMessageContaining(": waited longer than the lock timeout (100 ms) 2 times; locks in the schema held by pid " + pid
                            + " (idle in transaction since ")
                    .hasMessageContaining("holding AccessShareLock on test, query: SELECT pg_backend_pid())");

            FanOutReport report = retort.upgradeTenants("head", false, List.of(Shard.of(Database.of(DB.jdbcUrl()),
                    TenantSpec.Pattern.of(prefix + "*"))), FanOutOptions.defaults().withJobs(2), FanOutListener.none());
            assertThat(report.failed()).isEqualTo(1L);
            assertThat(report.count(dev.retort.api.TenantStatus.UPGRADED)).isEqualTo(1L);
            assertThat(retort.current(blocked).heads()).extracting(dev.retort.api.CurrentResult.Head::id).containsExactly("a1");
        }
        assertThat(columns(blocked)).containsExactly("id");
        assertThat(columns(free)).containsExactly("id", "note");
    }

    @Test
    void aRevisionsOwnLockTimeoutWinsOverTheDefault() throws Exception {
        revision("c3_more.yaml", "c3", "b2", "lock_timeout: 150ms\n", "  - add_column: {table: test, column: {name: more, type: text}}\n");
        Retort retort = retort(DdlTimeouts.DEFAULTS.withAttempts(1));
        String tenant = prefix + "1";
        retort.upgrade("b2", tenant);
        try (Connection holder = reader(tenant)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> retort.upgrade("head", tenant)).hasMessageContaining("waited longer than the lock timeout (150 ms) once");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4000);
        }
    }

    @Test
    void aStatementThatRunsTooLongFailsAtOnceWithoutRetries() throws Exception {
        revision("c3_slow.yaml", "c3", "b2", "statement_timeout: 200ms\n", "  - sql: SELECT pg_sleep(3)\n");
        Retort retort = retort(DdlTimeouts.DEFAULTS.withAttempts(5).withBackoff(Duration.ofSeconds(2)));
        String tenant = prefix + "1";
        retort.upgrade("b2", tenant);
        long start = System.nanoTime();
        assertThatThrownBy(() -> retort.upgrade("head", tenant)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("SELECT pg_sleep(3): ERROR: canceling statement due to statement timeout");
        assertThat((System.nanoTime() - start) / 1_000_000).as("no retry, no backoff").isLessThan(2000);
        // Without a bound of its own the revision runs: the session's setting applies, and the default sets none.
        revision("c3_slow.yaml", "c3", "b2", "", "  - sql: SELECT pg_sleep(0.3)\n");
        retort.upgrade("head", tenant);
    }
}
