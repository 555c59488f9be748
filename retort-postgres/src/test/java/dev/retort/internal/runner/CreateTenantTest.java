package dev.retort.internal.runner;

import dev.retort.api.ConfigurationException;
import dev.retort.internal.version.VersionTable;
import dev.retort.internal.autogenerate.Autogenerate;
import dev.retort.api.CreateMethod;
import dev.retort.api.CreateResult;
import dev.retort.api.LastFailure;
import dev.retort.api.MigrationException;
import dev.retort.api.RunnerException;
import dev.retort.compare.Diff;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tenant create: a new schema at head in one transaction, by replay or from the model. */
class CreateTenantTest {
    private final TestDatabase db = TestDatabase.postgres();

    @Test
    void replayAndModelGiveTheSameSchema(@TempDir Path dir) throws SQLException {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        p.model(Project.modelWithNote());
        String replayed = p.newSchemaName("replayed");
        String modelled = p.newSchemaName("modelled");

        CreateResult a = p.retort().createTenant(replayed, CreateMethod.REPLAY);
        CreateResult b = p.retort().createTenant(modelled, CreateMethod.MODEL);

        assertThat(a.method()).isEqualTo(CreateMethod.REPLAY);
        assertThat(b.method()).isEqualTo(CreateMethod.MODEL);
        assertThat(a.heads()).containsExactly(note.id());
        assertThat(b.heads()).containsExactly(note.id());
        Autogenerate autogenerate = Autogenerate.with(p.retort().configuration().dialect())
                .ignoringTables(VersionTable.ownTables(p.retort().configuration().versionTable()));
        try (Connection c = db.connect(); Connection d = db.connect()) {
            Diff there = autogenerate.diff(c, replayed, d, modelled);
            Diff back = autogenerate.diff(d, modelled, c, replayed);
            assertThat(there.describe()).isEmpty();
            assertThat(back.describe()).isEmpty();
        }
        // One transaction: both rows have the same applied_at, so their order is not asserted.
        assertThat(p.versions(replayed)).containsExactlyInAnyOrder(initial.id(), note.id() + " head");
        assertThat(p.versions(modelled)).containsExactlyInAnyOrder(initial.id(), note.id() + " head");
        assertThat(p.retort().check(replayed).clean()).isTrue();
        assertThat(p.retort().check(modelled).clean()).isTrue();
        assertThat(p.retort().current(modelled).heads()).singleElement().satisfies(h -> assertThat(h.graphHead()).isTrue());
    }

    @Test
    void anExistingEmptySchemaIsAcceptedANonEmptyOneRefusedInOneLine(@TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        String empty = db.createSchema("empty");
        assertThat(p.retort().createTenant(empty, null).heads()).hasSize(1);
        assertThat(p.tables(empty)).containsExactly("child", "retort_version", "test");

        assertThatThrownBy(() -> p.retort().createTenant(empty, CreateMethod.MODEL))
                .isInstanceOf(RunnerException.class)
                .hasMessage("tenant " + empty + " already exists and is not empty: refusing to create it");
        String other = db.createSchema("other");
        db.execute("CREATE TABLE \"" + other + "\".mine (id int)");
        assertThatThrownBy(() -> p.retort().createTenant(other, CreateMethod.REPLAY))
                .hasMessage("tenant " + other + " already exists and is not empty: refusing to create it");
        assertThat(p.tables(other)).containsExactly("mine");
    }

    @Test
    void aSchemaHoldingAnyKindOfObjectIsNotEmpty(@TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        for (String object : java.util.List.of("CREATE VIEW %s.v AS SELECT 1 AS x", "CREATE FUNCTION %s.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "CREATE DOMAIN %s.d AS int", "CREATE TYPE %s.pair AS (a int, b int)", "CREATE SEQUENCE %s.s",
                "CREATE MATERIALIZED VIEW %s.m AS SELECT 1 AS x", "CREATE COLLATION %s.c FROM \"C\"",
                "CREATE TEXT SEARCH CONFIGURATION %s.ts (COPY = pg_catalog.simple)")) {
            String schema = db.createSchema("holding");
            db.execute(object.formatted("\"" + schema + "\""));
            assertThatThrownBy(() -> p.retort().createTenant(schema, CreateMethod.REPLAY)).as(object)
                    .isInstanceOf(RunnerException.class)
                    .hasMessage("tenant " + schema + " already exists and is not empty: refusing to create it");
            assertThat(p.tables(schema)).as(object).doesNotContain("retort_version", "test");
        }
    }

    @Test
    void anEmptySchemaWhoseFirstUpgradeFailedCanStillBeCreatedAndItsFailureIsForgotten(@TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        String handed = db.createSchema("handed");
        db.execute("CREATE TABLE \"" + handed + "\".test (x int)");
        assertThatThrownBy(() -> p.retort().upgrade("head", handed)).isInstanceOf(MigrationException.class);
        db.execute("DROP TABLE \"" + handed + "\".test");
        assertThat(p.tables(handed)).as("only the record of the failure").containsExactly("retort_version_failure");

        p.retort().createTenant(handed, CreateMethod.REPLAY);

        assertThat(p.tables(handed)).containsExactly("child", "retort_version", "retort_version_failure", "test");
        assertThat(p.retort().current(handed).lastFailure()).isNull();
    }

    @Test
    void aFailureLeavesNothingBehind(@TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        p.create("broken", java.util.List.of(Project.sql("SELECT no_such_function()")));
        String tenant = p.newSchemaName("broken");

        assertThatThrownBy(() -> p.retort().createTenant(tenant, CreateMethod.REPLAY))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("schema " + tenant + ": creating it (replay) failed and was rolled back")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(p.schemaExists(tenant)).as("the schema creation was rolled back too").isFalse();
    }

    @Test
    void aFailedCreateInAnExistingSchemaIsRecordedThereAndANewSchemasFailureSaysNothingIsKept(@TempDir Path dir) throws Exception {
        Project p = new Project(db, dir);
        p.initial();
        Revision broken = p.create("broken", java.util.List.of(Project.sql("SELECT 1/0")));
        String handed = db.createSchema("handed");

        assertThatThrownBy(() -> p.retort().createTenant(handed, CreateMethod.REPLAY)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("(the schema stays at base)");

        LastFailure recorded = p.retort().current(handed).lastFailure();
        assertThat(recorded).isNotNull();
        assertThat(recorded.operation()).isEqualTo("create");
        assertThat(recorded.error()).contains("division by zero");
        assertThat(p.tables(handed)).as("empty but for the record").containsExactly("retort_version_failure");

        String fresh = p.newSchemaName("fresh");
        assertThatThrownBy(() -> p.retort().createTenant(fresh, CreateMethod.REPLAY)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("(the new schema was rolled back with it, so no record of this failure is kept in the database)");
        assertThat(p.schemaExists(fresh)).isFalse();

        java.nio.file.Files.delete(broken.path());
        p.retort().createTenant(handed, CreateMethod.REPLAY);
        assertThat(p.retort().current(handed).lastFailure()).as("cleared by the create that succeeded").isNull();
    }

    @Test
    void hostileNamesAreQuoted(@TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        for (String name : new String[] {"x\"; DROP SCHEMA public CASCADE; --", "it's;  ünïcødé", "Mixed Case"}) {
            p.retortForAnyName().createTenant(name, CreateMethod.MODEL);
            assertThat(p.strings("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + name.replace("'", "''") + "' ORDER BY 1")).containsExactly("child", "retort_version", "test");
            db.execute("DROP SCHEMA \"" + name.replace("\"", "\"\"") + "\" CASCADE");
        }
        assertThat(p.schemaExists("public")).isTrue();
        assertThatThrownBy(() -> p.retort().createTenant("t".repeat(64), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("63");
    }

    @Test
    void theModelMethodNeedsAModel(@TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        var noModel = dev.retort.api.Retort.configure().dataSource(db.dataSource()).migrations(dir).load();
        assertThatThrownBy(() -> noModel.createTenant("whatever", CreateMethod.MODEL))
                .hasMessage("tenant whatever: creating from the model needs a model: configure one, or use --method replay");
    }
}
