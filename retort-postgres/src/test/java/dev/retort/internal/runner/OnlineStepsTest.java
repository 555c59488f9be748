package dev.retort.internal.runner;

import dev.retort.Index;
import dev.retort.api.CurrentResult;
import dev.retort.api.Database;
import dev.retort.api.MigrationException;
import dev.retort.api.Retort;
import dev.retort.api.RunnerException;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.api.TenantVersion;
import dev.retort.internal.revision.RevisionReader;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionFormatException;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Revisions in steps: an index built or dropped concurrently runs outside the revision's transaction,
 * the version table records the step reached, a re-run goes on from there without running a statement
 * twice, and an index a failed build left invalid is dropped and built again.
 */
class OnlineStepsTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    private static Index index(String name, boolean unique, String... columns) {
        return new Index(name, java.util.Arrays.stream(columns).map(Index.Element::column).toList(), unique, null, null, List.of());
    }

    /** A table for the steps to write to, so that a test can count what each statement did. */
    private static Project project(Path dir) {
        Project p = new Project(DB, dir);
        p.initial();
        p.create("log", List.of(Project.sql("CREATE TABLE log (what text)"), Project.sql("CREATE TABLE gate (open int)")));
        return p;
    }

    /** step 1: a logged statement; step 2: the index, concurrently; step 3: logged, and failing while gate is empty. */
    private static Revision threeSteps(Project p, Index ix) {
        return p.create("online index", List.<Operation>of(
                Project.sql("INSERT INTO log VALUES ('one')"),
                new IndexOps.CreateIndex(null, "test", ix, true),
                Project.sql("INSERT INTO log VALUES ('three')"),
                Project.sql("SELECT 1 / (SELECT count(*) FROM gate)")));
    }

    private static String upgraded(Project p, String schema) {
        p.retort().upgrade("head", schema);
        return schema;
    }

    @Test
    void aConcurrentIndexIsBuiltOutsideTheTransactionAndTheRevisionRecordedWhole(@TempDir Path dir) {
        Project p = project(dir);
        String schema = p.newSchemaName("online_whole");
        upgraded(p, schema);
        DB.execute("INSERT INTO \"" + schema + "\".gate VALUES (1)");
        Revision r = threeSteps(p, index("ix_test_name", false, "name"));

        p.retort().upgrade("head", schema);

        assertThat(p.strings("SELECT indisvalid::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relname = 'ix_test_name'")).containsExactly("true");
        assertThat(p.strings("SELECT what FROM \"" + schema + "\".log ORDER BY what")).containsExactly("one", "three");
        assertThat(p.strings("SELECT revision || ' ' || is_head || ' ' || coalesce(step::text, '-') FROM \"" + schema
                + "\".retort_version WHERE revision = '" + r.id() + "'")).containsExactly(r.id() + " true -");
        assertThat(p.retort().current(schema).partial()).isEmpty();

        // The downgrade drops it concurrently, in steps as well, and removes the row.
        p.retort().downgrade("-1", schema);
        assertThat(p.strings("SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '"
                + schema + "' AND relname = 'ix_test_name'")).isEmpty();
        assertThat(p.strings("SELECT revision FROM \"" + schema + "\".retort_version WHERE revision = '" + r.id() + "'")).isEmpty();
    }

    @Test
    void aRevisionStoppedAtAStepIsContinuedAndNoStatementRunsTwice(@TempDir Path dir) {
        Project p = project(dir);
        String schema = upgraded(p, p.newSchemaName("online_resume"));
        Revision r = threeSteps(p, index("ix_test_name", false, "name"));

        assertThatThrownBy(() -> p.retort().upgrade("head", schema)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("failed at step 3 of 3")
                .hasMessageContaining("partly applied (step 2 of 3): the next upgrade goes on from step 3");

        CurrentResult current = p.retort().current(schema);
        assertThat(current.partial()).singleElement().satisfies(partial -> {
            assertThat(partial.id()).isEqualTo(r.id());
            assertThat(partial.describe()).isEqualTo("partly applied at step 2 of 3");
        });
        assertThat(current.heads()).extracting(CurrentResult.Head::id).doesNotContain(r.id());
        String oid = p.strings("SELECT c.oid::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '"
                + schema + "' AND relname = 'ix_test_name'").get(0);

        DB.execute("INSERT INTO \"" + schema + "\".gate VALUES (1)");
        p.retort().upgrade("head", schema);

        assertThat(p.strings("SELECT what FROM \"" + schema + "\".log ORDER BY what")).as("each step once").containsExactly("one", "three");
        assertThat(p.strings("SELECT c.oid::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '"
                + schema + "' AND relname = 'ix_test_name'")).as("the index built once").containsExactly(oid);
        assertThat(p.retort().current(schema).partial()).isEmpty();
        assertThat(p.retort().current(schema).heads()).extracting(CurrentResult.Head::id).containsExactly(r.id());
    }

    @Test
    void anIndexLeftInvalidByAFailedBuildIsDroppedAndBuiltAgain(@TempDir Path dir) {
        Project p = project(dir);
        String schema = upgraded(p, p.newSchemaName("online_invalid"));
        DB.execute("INSERT INTO \"" + schema + "\".test VALUES (1, 'same'), (2, 'same')");
        DB.execute("INSERT INTO \"" + schema + "\".gate VALUES (1)");
        Revision r = threeSteps(p, index("ux_test_name", true, "name"));

        assertThatThrownBy(() -> p.retort().upgrade("head", schema)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("failed at step 2 of 3")
                .hasMessageContaining("an index it left invalid is dropped and built again by the next upgrade");
        assertThat(invalidIndexes(p, schema)).containsExactly("ux_test_name");
        assertThat(p.retort().current(schema).partial()).singleElement()
                .satisfies(partial -> assertThat(partial.describe()).isEqualTo("partly applied at step 1 of 3"));

        DB.execute("UPDATE \"" + schema + "\".test SET name = 'other' WHERE id = 2");
        p.retort().upgrade("head", schema);

        assertThat(invalidIndexes(p, schema)).isEmpty();
        assertThat(p.strings("SELECT what FROM \"" + schema + "\".log ORDER BY what")).containsExactly("one", "three");
        assertThat(p.retort().current(schema).heads()).extracting(CurrentResult.Head::id).containsExactly(r.id());
    }

    @Test
    void aVersionTableMadeBeforeStepsGetsItsColumnWhenARevisionFirstStopsPartWay(@TempDir Path dir) {
        Project p = project(dir);
        String old = upgraded(p, p.newSchemaName("online_old"));
        String fresh = upgraded(p, p.newSchemaName("online_new"));
        // As a version table made before the step column existed.
        DB.execute("ALTER TABLE \"" + old + "\".retort_version DROP COLUMN step");
        assertThat(p.retort().current(old).heads()).hasSize(1);
        Retort retort = p.retort();
        Map<String, List<TenantVersion>> before = retort.currentTenants(
                List.of(Shard.of(Database.of(DB.jdbcUrl()), TenantSpec.parse(old + "," + fresh))));
        assertThat(before.values().iterator().next()).allSatisfy(v -> assertThat(v.atHead()).isTrue());

        Revision r = threeSteps(p, index("ix_test_name", false, "name"));
        assertThatThrownBy(() -> p.retort().upgrade("head", old)).isInstanceOf(MigrationException.class);
        assertThat(p.columns(old, "retort_version")).contains("step");
        assertThat(p.retort().current(old).partial()).singleElement()
                .satisfies(partial -> assertThat(partial.describe()).isEqualTo("partly applied at step 2 of 3"));
        Map<String, List<TenantVersion>> after = p.retort().currentTenants(
                List.of(Shard.of(Database.of(DB.jdbcUrl()), TenantSpec.parse(old + "," + fresh))));
        assertThat(after.values().iterator().next()).filteredOn(v -> v.tenant().equals(old)).singleElement()
                .satisfies(v -> {
                    assertThat(v.partial()).containsExactly(r.id() + " partly applied at step 2 of 3");
                    assertThat(v.atHead()).isFalse();
                });

        DB.execute("INSERT INTO \"" + old + "\".gate VALUES (1)");
        p.retort().upgrade("head", old);
        assertThat(p.strings("SELECT what FROM \"" + old + "\".log ORDER BY what")).containsExactly("one", "three");
    }

    @Test
    void aDowngradeRefusesToUndoARevisionThatNeverFinished(@TempDir Path dir) {
        Project p = project(dir);
        String schema = upgraded(p, p.newSchemaName("online_refuse"));
        threeSteps(p, index("ix_test_name", false, "name"));
        assertThatThrownBy(() -> p.retort().upgrade("head", schema)).isInstanceOf(MigrationException.class);
        assertThatThrownBy(() -> p.retort().downgrade("base", schema)).isInstanceOf(RunnerException.class)
                .hasMessageContaining("is partly applied (its first 2 steps): finish it with upgrade first");
    }

    @Test
    void aConcurrentIndexInARevisionDeclaredTransactionalIsRefusedAtItsLine() {
        String text = """
                revision: a1
                down_revision: null
                message: x
                created: 2026-01-01T00:00:00Z
                transactional: true
                upgrade:
                  - sql: SELECT 1
                  - create_index: {name: ix, table: t, columns: [a], concurrently: true}
                downgrade: []
                """;
        assertThatThrownBy(() -> RevisionReader.parse(text, Path.of("migrations/a1_x.yaml")))
                .isInstanceOf(RevisionFormatException.class)
                .hasMessage("migrations/a1_x.yaml:8: create index ix on t concurrently: cannot run in a transaction, and the revision"
                        + " is declared transactional (line 5): drop 'concurrently' or 'transactional: true'");
        assertThat(RevisionReader.parse(text.replace("transactional: true", "transactional: false"), null).upgrade()).hasSize(2);
    }

    @Test
    void theOfflineScriptPutsTheConcurrentStatementOutsideBeginAndCommit(@TempDir Path dir) {
        Project p = project(dir);
        Revision r = threeSteps(p, index("ix_test_name", false, "name"));
        String script = p.retort().upgradeSql("head-1:head", "tenant_x").text();
        String block = script.substring(script.indexOf("-- " + r.id() + ":"));
        assertThat(block).contains("-- " + r.id() + ": step 2 of 3, outside a transaction\nSET lock_timeout = 5000;\n"
                + "SET search_path TO \"tenant_x\", public;\nCREATE INDEX CONCURRENTLY \"ix_test_name\" ON \"tenant_x\".\"test\" (\"name\");\n");
        assertThat(block).contains("-- " + r.id() + ": step 3 of 3\nBEGIN;\nSET LOCAL lock_timeout = 5000;\n");
        assertThat(block.split("BEGIN;", -1)).hasSize(3);
        assertThat(block.indexOf("CREATE INDEX CONCURRENTLY")).isBetween(block.indexOf("COMMIT;"), block.lastIndexOf("BEGIN;"));
    }

    private static List<String> invalidIndexes(Project p, String schema) {
        return p.strings("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND NOT i.indisvalid");
    }
}
