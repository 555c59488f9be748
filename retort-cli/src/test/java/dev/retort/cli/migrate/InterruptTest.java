package dev.retort.cli.migrate;

import dev.retort.cli.ExitCode;
import dev.retort.cli.Main;
import dev.retort.operations.ColumnOps;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.retort.Types.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to a command whose revision waits behind a lock the application holds: the server cancels
 * the statement before the process ends, instead of keeping it queued to run once the lock is freed.
 * The command runs in a child JVM, since the signal ends the process.
 */
class InterruptTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @Test
    void sigtermCancelsAStatementQueuedBehindTheApplicationsLock(@TempDir Path dir) throws Exception {
        assertCancelledOnSigterm(dir, tenant -> List.of("upgrade", "--schema", tenant));
    }

    @Test
    void sigtermCancelsItInAFanOutToo(@TempDir Path dir) throws Exception {
        assertCancelledOnSigterm(dir, tenant -> List.of("upgrade", "--tenants", tenant, "--yes"));
    }

    private void assertCancelledOnSigterm(Path dir, java.util.function.Function<String, List<String>> command) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String tenant = DB.createSchema("interrupted");
        DB.execute("DROP SCHEMA \"" + tenant + "\"");
        assertThat(project.run("upgrade", "--schema", tenant).exitCode()).isEqualTo(ExitCode.OK);
        String column = "sigterm_" + tenant.replaceAll("[^a-z0-9]", "");
        project.create("add column", List.of(new ColumnOps.AddColumn(null, "child", dev.retort.Column.of(column, TEXT))));

        try (Connection application = DB.connect(); Statement st = application.createStatement()) {
            application.setAutoCommit(false);
            st.execute("LOCK TABLE \"" + tenant + "\".child IN ACCESS SHARE MODE");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(command.apply(tenant));
            ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
            builder.environment().put("RETORT_URL", DB.jdbcUrl());
            Process child = builder.start();
            awaitWaiting(column, child, dir);

            child.destroy(); // SIGTERM

            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the command ends").isTrue();
            assertThat(child.exitValue()).isNotZero();
            assertThat(waiting(column)).as("nothing left queued on the server (log: %s)", Files.readString(dir.resolve("child.log"))).isZero();
            application.rollback();
        }
        assertThat(DB.connect().createStatement().executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_schema = '"
                + tenant + "' AND column_name = '" + column + "'")).satisfies(rs -> {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                });
    }

    private static void awaitWaiting(String column, Process child, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (waiting(column) == 0) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new AssertionError("the command never waited for the lock: " + Files.readString(dir.resolve("child.log")));
            }
            Thread.sleep(50);
        }
    }

    private static int waiting(String column) throws Exception {
        try (Connection c = DB.connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%"
                     + column + "%' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
