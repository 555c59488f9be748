package dev.retort.cli.migrate;

import dev.retort.Index;
import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.cli.Main;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.operations.Sql;
import dev.retort.revision.Revision;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the command while a tenant's index is being built concurrently: the build leaves the index
 * INVALID and the revision recorded at the step before; a re-run drops that index and builds it again,
 * runs no earlier step twice, and brings every tenant to head. The command runs in a child JVM, since
 * the kill ends the process.
 */
class KilledConcurrentIndexTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @Test
    void aRerunAfterAKillDuringAConcurrentBuildLeavesNoInvalidIndexAndEveryTenantAtHead(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String prefix = project.newSchemaName("killed_cic").replaceAll("[^a-z0-9_]", "");
        List<String> tenants = List.of(prefix + "_a", prefix + "_b", prefix + "_c");
        String spec = String.join(",", tenants);
        assertThat(project.run("upgrade", "--tenants", spec, "--yes").exitCode()).isEqualTo(ExitCode.OK);
        for (String t : tenants) DB.execute("INSERT INTO \"" + t + "\".test VALUES (1, 'x'), (2, 'y')");
        Revision online = project.create("index names", List.<Operation>of(
                new Sql("CREATE TABLE log (what text)", null),
                new Sql("INSERT INTO log VALUES ('one')", null),
                new IndexOps.CreateIndex(null, "test", new Index("ix_test_name", List.of(Index.Element.column("name")), false, null,
                        null, List.of()), true),
                new Sql("INSERT INTO log VALUES ('three')", null)));
        String victim = tenants.get(1);

        try (Connection application = DB.connect(); Statement st = application.createStatement()) {
            // A writer's open transaction: CREATE INDEX CONCURRENTLY makes its (invalid) index, then waits for it.
            application.setAutoCommit(false);
            st.execute("INSERT INTO \"" + victim + "\".test VALUES (3, 'z')");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "upgrade", "--tenants", spec, "--yes", "--jobs", "1", "--ddl-lock-timeout", "0"));
            ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
            builder.environment().put("RETORT_URL", DB.jdbcUrl());
            Process child = builder.start();
            awaitBuildWaiting(project, victim, child, dir);

            child.destroyForcibly(); // kill -9: no cancel, no cleanup
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            // The server notices a client gone only when it next talks to it; a statement waiting for a
            // lock does not. Ending the orphaned build is what the operator (or the server's
            // client_connection_check_interval) does; it also frees the tenant's advisory lock.
            DB.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX CONCURRENTLY%'"
                    + " AND pid <> pg_backend_pid()");
            application.rollback();
        }
        assertThat(invalidIndexes(project, victim)).as("left invalid by the kill").containsExactly("ix_test_name");
        CliRun current = project.run("current", "--schema", victim);
        assertThat(current.out()).contains(online.id()).contains("partly applied at step 1 of 3");

        CliRun rerun = project.run("upgrade", "--tenants", spec, "--yes");
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isEqualTo(ExitCode.OK);

        for (String t : tenants) {
            assertThat(invalidIndexes(project, t)).as(t).isEmpty();
            assertThat(project.strings("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '"
                    + t + "' AND c.relname = 'ix_test_name'")).as(t).hasSize(1);
            assertThat(project.strings("SELECT what FROM \"" + t + "\".log ORDER BY what")).as("%s: each step once", t)
                    .containsExactly("one", "three");
            assertThat(project.strings("SELECT revision FROM \"" + t + "\".retort_version WHERE is_head AND step IS NULL"))
                    .as(t).containsExactly(online.id());
        }
        assertThat(project.run("current", "--tenants", spec).out()).doesNotContain("partly");
    }

    /** Until the victim's build has made its index and waits for the writer. */
    private static void awaitBuildWaiting(Consumer project, String victim, Process child, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            if (!project.strings("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'CREATE INDEX CONCURRENTLY%" + victim + "%'").isEmpty()) return;
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new AssertionError("the build never waited: " + Files.readString(dir.resolve("child.log")));
            }
            Thread.sleep(50);
        }
    }

    private static List<String> invalidIndexes(Consumer project, String schema) {
        return project.strings("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND NOT i.indisvalid");
    }
}
