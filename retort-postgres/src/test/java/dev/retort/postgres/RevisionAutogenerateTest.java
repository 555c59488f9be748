package dev.retort.postgres;

import dev.retort.api.ConfigurationException;
import dev.retort.MetaData;
import dev.retort.api.Retort;
import dev.retort.api.RevisionResult;
import dev.retort.api.SchemaNotUpToDateException;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import dev.retort.internal.revision.RevisionReader;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Revision autogenerate through the facade on a real server: the first revision of a tenant that does
 * not exist yet, schema-agnostic or pinned; the second after a model change; nothing written when
 * nothing changed; refused while revisions are pending. Revisions are applied by the runner
 * ({@code Retort.upgrade}), which records them in the version table that autogenerate reads.
 */
class RevisionAutogenerateTest {
    private final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path migrations;

    private String tenant;

    @BeforeEach
    void aTenantThatDoesNotExistYet() {
        tenant = db.createSchema("tenant");
        db.execute("DROP SCHEMA \"" + tenant + "\"");
    }

    /** The seed's shared model: two tables, defined without a schema. */
    static MetaData model() {
        MetaData md = new MetaData();
        md.table("test",
                column("id", INTEGER).primaryKey(),
                column("name", varchar(100)).notNull());
        child(md);
        return md;
    }

    /** The model after a change: a new column, a new index, a new table with a foreign key. */
    static MetaData changedModel() {
        MetaData md = new MetaData();
        md.table("test",
                column("id", INTEGER).primaryKey(),
                column("name", varchar(100)).notNull(),
                column("note", TEXT),
                index("name"));
        child(md);
        md.table("toy",
                column("id", INTEGER).primaryKey(),
                column("child_id", INTEGER).notNull().references("child.id"),
                column("label", TEXT));
        return md;
    }

    private static void child(MetaData md) {
        md.table("child",
                column("id", INTEGER).primaryKey(),
                column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE),
                index("test_id"));
    }

    private Retort retort(MetaData model) {
        return Retort.configure().dataSource(db.dataSource()).migrations(migrations).model(() -> model).load();
    }

    /** Applies every revision, as {@code retort upgrade head} does. */
    private void upgrade() {
        retort(model()).upgrade("head", tenant);
    }

    private static Revision written(RevisionResult result) {
        return result.written().orElseThrow(() -> new AssertionError("no revision written: " + result));
    }

    private static List<String> described(List<Operation> ops) {
        return ops.stream().map(Operation::describe).toList();
    }

    @Test
    void theFirstRevisionOfAMissingSchemaCreatesTheTablesWithoutSchema() throws IOException, SQLException {
        RevisionResult result = retort(model()).revision("initial", true, tenant, false);

        Revision initial = written(result);
        assertThat(result).isEqualTo(new RevisionResult.Written(initial, tenant, false));
        assertThat(initial.downRevisions()).isEmpty();
        assertThat(described(initial.upgrade())).containsExactly("create table test", "create table child");
        assertThat(initial.upgrade()).as("schema-agnostic: nothing names the tenant, not even create_schema")
                .allMatch(op -> op.schema() == null);
        assertThat(described(initial.downgrade())).containsExactly("drop table child", "drop table test");

        String text = Files.readString(initial.path());
        assertThat(text).doesNotContain(tenant).doesNotContain("create_schema")
                .contains("message: initial", "- create_table:", "name: test", "name: child",
                        "{name: name, type: varchar(100), nullable: false}",
                        "referred_table: test", "on_delete: cascade",
                        "# destructive: drop table child", "# destructive: drop table test");
        assertThat(RevisionReader.read(initial.path())).isEqualTo(initial);
        assertThat(Pg.reflect(db, tenant).tables()).as("autogenerate only reads: the schema is still missing").isEmpty();
        assertThat(schemaExists()).isFalse();

        upgrade();
        assertThat(Pg.reflect(db, tenant).tables()).containsOnlyKeys(tenant + ".test", tenant + ".child", tenant + ".retort_version");
    }

    @Test
    void pinningKeepsTheSchemaInEveryOperation() throws IOException {
        Revision pinned = written(retort(model()).revision("initial", true, tenant, true));

        assertThat(pinned.upgrade()).hasSize(2).allMatch(op -> tenant.equals(op.schema()));
        assertThat(pinned.downgrade()).allMatch(op -> tenant.equals(op.schema()));
        assertThat(((TableOps.CreateTable) pinned.upgrade().get(1)).table().foreignKeys())
                .allMatch(fk -> tenant.equals(fk.referredSchema()));
        String text = Files.readString(pinned.path());
        assertThat(text).contains("schema: " + tenant, "referred_schema: " + tenant);
    }

    @Test
    void aModelChangeGivesExactlyItsOperationsInTheNextRevision() throws SQLException, IOException {
        Revision initial = written(retort(model()).revision("initial", true, tenant, false));
        upgrade();

        MetaData withColumn = changedModel();

        Revision second = written(retort(withColumn).revision("note, name index and toys", true, tenant, false));

        assertThat(second.downRevisions()).containsExactly(initial.id());
        assertThat(described(second.upgrade()))
                .containsExactly("add column test.note", "create index ix_test_name on test", "create table toy");
        assertThat(second.upgrade()).allMatch(op -> op.schema() == null);
        assertThat(described(second.downgrade()))
                .containsExactly("drop table toy", "drop index ix_test_name on test", "drop column test.note");
        assertThat(Files.readString(second.path())).contains("# destructive: drop column test.note");

        upgrade();
        assertThat(retort(withColumn).revision("again", true, tenant, false))
                .as("after applying it the schema matches the model")
                .isEqualTo(new RevisionResult.NoChanges(tenant));
    }

    @Test
    void nothingIsWrittenWhenNothingChanged() throws SQLException, IOException {
        Revision initial = written(retort(model()).revision("initial", true, tenant, false));
        upgrade();

        RevisionResult again = retort(model()).revision("nothing", true, tenant, false);

        assertThat(again).isEqualTo(new RevisionResult.NoChanges(tenant));
        assertThat(again.written()).isEmpty();
        try (var files = Files.list(migrations)) {
            assertThat(files.toList()).containsExactly(initial.path());
        }
    }

    @Test
    void aSchemaBehindTheHeadIsRefused() throws SQLException {
        Revision initial = written(retort(model()).revision("initial", true, tenant, false));
        retort(model()).upgrade(initial.id(), tenant);
        Revision byHand = written(retort(model()).revision("by hand", false, null, false));

        assertThatThrownBy(() -> retort(model()).revision("more", true, tenant, false))
                .isInstanceOfSatisfying(SchemaNotUpToDateException.class,
                        e -> assertThat(e.pending()).containsExactly(byHand.id()))
                .hasMessage("schema " + tenant + " is not up to date: 1 revision is pending (" + byHand.id()
                        + "); apply it with `retort upgrade head --schema " + tenant + "` before autogenerating a revision");

        String fresh = db.createSchema("fresh");
        assertThatThrownBy(() -> retort(model()).revision("more", true, fresh, false))
                .as("a schema without a version table has applied nothing")
                .hasMessageContaining("2 revisions are pending (" + initial.id() + ", " + byHand.id() + ")");
        assertThat(MigrationsDirectory.load(migrations).graph().history()).hasSize(2);
    }

    @Test
    void aSchemaAtAnUnknownRevisionIsReported() throws IOException {
        Revision initial = written(retort(model()).revision("initial", true, tenant, false));
        upgrade();
        Files.delete(initial.path());

        assertThatThrownBy(() -> retort(model()).revision("x", true, tenant, false))
                .isInstanceOf(RevisionException.class)
                .hasMessage("the schema is at revision " + initial.id() + ", which is not in the migrations directory (was its file deleted?)");
    }

    @Test
    void aModelBoundToAnotherTenantIsRebound() {
        // As TenantModel gives it when TARGET_SCHEMA says tenant_a and the command names another tenant.
        MetaData boundElsewhere = model().withSchema("tenant_other");

        Revision initial = written(retort(boundElsewhere).revision("initial", true, tenant, false));

        assertThat(described(initial.upgrade())).containsExactly("create table test", "create table child");
        assertThat(initial.upgrade()).allMatch(op -> op.schema() == null);
        assertThat(initial.toString()).doesNotContain("tenant_other");
    }

    @Test
    void tablesInFixedSchemasAreReferredToAndKeepTheirSchema() throws IOException {
        String shared = db.createSchema("shared");
        db.execute("CREATE TABLE \"" + shared + "\".country (code text PRIMARY KEY)");
        MetaData md = model();
        md.tableIn(shared, "country", column("code", TEXT).primaryKey());
        md.table("address",
                column("id", INTEGER).primaryKey(),
                column("country", TEXT).references(shared + ".country.code"));

        Revision initial = written(retort(md).revision("initial", true, tenant, false));

        assertThat(described(initial.upgrade())).containsExactly("create table test", "create table child", "create table address");
        TableOps.CreateTable address = (TableOps.CreateTable) initial.upgrade().stream()
                .filter(op -> op.describe().equals("create table address")).findFirst().orElseThrow();
        assertThat(address.table().schema()).isNull();
        assertThat(address.table().foreignKeys()).singleElement()
                .satisfies(fk -> assertThat(fk.referredSchema()).isEqualTo(shared));
        assertThat(Files.readString(initial.path())).contains("referred_schema: " + shared);
    }

    @Test
    void theVersionTableIsNotPartOfTheComparison() throws SQLException {
        written(retort(model()).revision("initial", true, tenant, false));
        upgrade();
        assertThat(Pg.reflect(db, tenant).tables()).containsKey(tenant + ".retort_version");

        assertThat(retort(model()).revision("again", true, tenant, false)).isEqualTo(new RevisionResult.NoChanges(tenant));
    }

    @Test
    void autogenerateNeedsASchema() {
        assertThatThrownBy(() -> retort(model()).revision("x", true, null, false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no schema");
        assertThat(migrations).isEmptyDirectory();
    }

    private boolean schemaExists() throws SQLException {
        try (var c = db.connect()) {
            return Pg.DIALECT.existingSchemas(c).contains(tenant);
        }
    }
}
