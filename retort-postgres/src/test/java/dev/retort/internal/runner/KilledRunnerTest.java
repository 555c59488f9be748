package dev.retort.internal.runner;

import dev.retort.operations.Operation;
import dev.retort.operations.TableOps;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static dev.retort.Dsl.column;
import static dev.retort.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a runner in the middle of a multi-tenant migration, then a re-run: each revision's
 * transaction is all or nothing, so no tenant is found half-migrated, and the re-run finishes every
 * tenant.
 */
class KilledRunnerTest {
    private static final int TENANTS = 200;
    private final TestDatabase db = TestDatabase.postgres();

    @Test
    void aKilledRunLeavesNoHalfMigratedTenantAndARerunFinishesThemAll(@TempDir Path dir) throws Exception {
        Project p = new Project(db, dir);
        // Three revisions of four tables each, the middle one slowed so that the kill is likely to
        // land inside a transaction.
        Map<String, Set<String>> tablesOf = new HashMap<>();
        List<Revision> revisions = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            List<Operation> ops = new ArrayList<>();
            Set<String> names = new TreeSet<>();
            for (int t = 0; t < 4; t++) {
                String name = "r" + r + "_t" + t;
                names.add(name);
                ops.add(new TableOps.CreateTable(new dev.retort.MetaData().table(name, column("id", INTEGER).primaryKey())));
                if (r == 1) ops.add(Project.sql("SELECT pg_sleep(0.005)"));
            }
            Revision rev = MigrationsDirectory.load(dir).create("rev " + r, ops, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(r * 60L));
            revisions.add(rev);
            tablesOf.put(rev.id(), names);
        }
        String prefix = p.newSchemaName("killed").replaceAll("[^a-z0-9_]", "") + "_";

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MigrateTenantsMain.class.getName(),
                db.jdbcUrl(), dir.toString(), prefix, String.valueOf(TENANTS))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        int done = 0;
        while (done < 20 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            done = Integer.parseInt(p.strings("SELECT count(*) FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'").get(0));
        }
        assertThat(child.isAlive()).as("the runner is still running when killed (log: " + dir.resolve("child.log") + ")").isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        List<String> started = p.strings("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%' ORDER BY 1");
        assertThat(started.size()).as("killed part way").isBetween(20, TENANTS - 1);
        for (String tenant : started) assertConsistent(p, tenant, revisions, tablesOf);

        var retort = p.retort(); // the re-run, in this process
        for (int i = 0; i < TENANTS; i++) retort.upgrade("head", String.format("%s%04d", prefix, i));
        for (int i = 0; i < TENANTS; i++) {
            String tenant = String.format("%s%04d", prefix, i);
            assertConsistent(p, tenant, revisions, tablesOf);
            assertThat(p.strings("SELECT revision FROM \"" + tenant + "\".retort_version ORDER BY revision"))
                    .as(tenant).containsExactlyInAnyOrderElementsOf(revisions.stream().map(Revision::id).toList());
        }
        for (int i = 0; i < TENANTS; i++) db.execute(String.format("DROP SCHEMA \"%s%04d\" CASCADE", prefix, i));
    }

    /** The version rows are exactly some applied prefix of the revisions, checksums matching, and the tables exactly theirs. */
    private static void assertConsistent(Project p, String tenant, List<Revision> revisions, Map<String, Set<String>> tablesOf) {
        List<String> rows = p.strings("SELECT revision || ' ' || checksum || ' ' || is_head FROM \"" + tenant
                + "\".retort_version ORDER BY applied_at, revision");
        Set<String> expectedTables = new TreeSet<>(Set.of("retort_version"));
        List<String> expectedRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Revision r = revisions.get(i);
            expectedRows.add(r.id() + " " + r.checksum() + " " + (i == rows.size() - 1));
            expectedTables.addAll(tablesOf.get(r.id()));
        }
        assertThat(rows).as(tenant + " version table").containsExactlyElementsOf(expectedRows);
        assertThat(p.tables(tenant)).as(tenant + " tables").containsExactlyElementsOf(expectedTables);
    }
}
