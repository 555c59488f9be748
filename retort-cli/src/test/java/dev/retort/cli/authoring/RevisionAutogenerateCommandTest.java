package dev.retort.cli.authoring;

import dev.retort.api.Retort;
import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.cli.config.JavaSources;
import dev.retort.operations.Operation;
import dev.retort.postgres.PostgresDialect;
import dev.retort.revision.Revision;
import dev.retort.internal.revision.RevisionReader;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retort revision --autogenerate} as a user runs it: a project directory with a retort.yaml
 * naming the test database and a model class compiled here, bound to a schema of its own choosing
 * (as the consumer's TenantModel binds to TARGET_SCHEMA) that the command rebinds.
 */
class RevisionAutogenerateCommandTest {
    private static final TestDatabase DB = TestDatabase.postgres();
    private static final PostgresDialect DIALECT = new PostgresDialect();

    @TempDir
    static Path build;
    static Path modelClasses;
    static Path changedModelClasses;
    static Path brokenViewModelClasses;
    static Path onlineModelClasses;

    @TempDir
    Path project;
    Path migrations;
    String tenant;

    @BeforeAll
    static void compileTheModel() throws IOException {
        modelClasses = JavaSources.compile(build.resolve("classes"), Map.of("app.TenantModel", model("""
                md.table("test", column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull());""", "")));
        changedModelClasses = JavaSources.compile(build.resolve("changed"), Map.of("app.TenantModel", model("""
                md.table("test", column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull(),
                        column("note", TEXT), index("name"));""", """
                md.table("toy", column("id", INTEGER).primaryKey(),
                        column("child_id", INTEGER).notNull().references("child.id"), column("label", TEXT));""")));
        onlineModelClasses = JavaSources.compile(build.resolve("online"), Map.of("app.TenantModel", model("""
                md.table("test", column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull(),
                        column("note", TEXT).notNull(), index("name"), index("note"), check("name <> ''"));""", """
                md.table("toy", column("id", INTEGER).primaryKey(),
                        column("child_id", INTEGER).notNull().references("child.id"), column("label", TEXT),
                        column("test_id", INTEGER).references("test.id"));""")));
        brokenViewModelClasses = JavaSources.compile(build.resolve("broken"), Map.of("app.TenantModel", model("""
                md.table("test", column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull());""", """
                md.view(view("named", "SELECT id, nam FROM test"));""")));
    }

    /** The seed's model, bound to tenant_a as the consumer's TenantModel binds it by default. */
    private static String model(String test, String more) {
        return """
                package app;
                import static dev.retort.Dsl.*;
                import static dev.retort.Types.*;
                public class TenantModel implements dev.retort.ModelProvider {
                    public dev.retort.MetaData metadata() {
                        dev.retort.MetaData md = new dev.retort.MetaData();
                        %s
                        md.table("child", column("id", INTEGER).primaryKey(),
                                column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE),
                                index("test_id"));
                        %s
                        return md.withSchema("tenant_a");
                    }
                }""".formatted(test, more);
    }

    @BeforeEach
    void aProjectAndATenantThatDoesNotExistYet() throws IOException {
        configure(modelClasses);
        migrations = Files.createDirectory(project.resolve("migrations"));
        tenant = DB.createSchema("tenant");
        DB.execute("DROP SCHEMA \"" + tenant + "\"");
    }

    private void configure(Path classes) throws IOException {
        Files.writeString(project.resolve("retort.yaml"), """
                url: %s
                model: app.TenantModel
                classpath: [%s]
                migrations: migrations
                """.formatted(DB.jdbcUrl(), classes));
    }

    /** {@code retort upgrade head}, through the facade the command runs. */
    private void upgrade() {
        Retort.configure().dataSource(DB.dataSource()).migrations(migrations).load().upgrade("head", tenant);
    }

    private CliRun run(String... args) {
        return CliRun.in(project, Map.of("TARGET_SCHEMA", tenant), args);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(migrations)) {
            return list.sorted().toList();
        }
    }

    @Test
    void theFirstRevisionListsTheTablesWithoutTheSchema() throws IOException {
        CliRun run = run("revision", "--autogenerate", "-m", "initial");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        // Tables created in the revision itself have no rows to lose or lock.
        assertThat(run.err()).isEmpty();
        Path file = files().get(0);
        Revision r = RevisionReader.read(file);
        assertThat(run.outLines()).containsExactly(
                "Detected in schema " + tenant + ":",
                "  create table test",
                "  create table child",
                "Wrote migrations/" + r.id() + "_initial.yaml (revision " + r.id() + ", for any schema)");
        String text = Files.readString(file);
        assertThat(text).doesNotContain(tenant).doesNotContain("tenant_a").doesNotContain("schema:")
                .contains("message: initial", "down_revision: null", "name: test", "name: child",
                        "referred_table: test", "- drop_table:");
    }

    @Test
    void pinSchemaWritesTheSchemaIntoEveryOperation() throws IOException {
        CliRun run = run("revision", "--autogenerate", "--pin-schema", "-m", "initial", "--schema", tenant);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines()).contains("  create table test").last().asString().endsWith("pinned to schema " + tenant + ")");
        Revision r = RevisionReader.read(files().get(0));
        assertThat(r.upgrade()).hasSize(2).allMatch(op -> tenant.equals(op.schema()));
        assertThat(r.downgrade()).allMatch(op -> tenant.equals(op.schema()));
    }

    @Test
    void theSchemaOptionWinsOverTargetSchema() throws IOException {
        String other = DB.createSchema("other");
        CliRun run = run("revision", "--autogenerate", "-m", "initial", "--schema", other, "--pin-schema");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(RevisionReader.read(files().get(0)).upgrade()).allMatch(op -> other.equals(op.schema()));
    }

    @Test
    void aSchemaWithPendingRevisionsIsRefused() throws IOException {
        assertThat(run("revision", "--autogenerate", "-m", "initial").exitCode()).isEqualTo(ExitCode.OK);
        String id = RevisionReader.read(files().get(0)).id();

        CliRun again = run("revision", "--autogenerate", "-m", "again");

        assertThat(again.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(again.err()).isEqualTo("retort: schema " + tenant + " is not up to date: 1 revision is pending (" + id
                + "); apply it with `retort upgrade head --schema " + tenant + "` before autogenerating a revision\n");
        assertThat(files()).hasSize(1);
    }

    @Test
    void aModelChangeGivesExactlyItsOperationsThenNothingIsLeft() throws IOException {
        assertThat(run("revision", "--autogenerate", "-m", "initial").exitCode()).isEqualTo(ExitCode.OK);
        Revision initial = RevisionReader.read(files().get(0));
        upgrade();
        configure(changedModelClasses);

        CliRun run = run("revision", "--autogenerate", "-m", "note, name index, toys");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        Revision second = RevisionReader.read(files().stream().filter(f -> !f.equals(initial.path())).findFirst().orElseThrow());
        assertThat(second.downRevisions()).containsExactly(initial.id());
        assertThat(run.outLines()).containsExactly(
                "Detected in schema " + tenant + ":",
                "  add column test.note",
                "  create index ix_test_name on test",
                "  create table toy",
                "Wrote migrations/" + second.id() + "_note_name_index_toys.yaml (revision " + second.id() + ", for any schema)");
        assertThat(Files.readString(second.path())).doesNotContain(tenant);
        // The index is built on a table that exists, and blocks its writes meanwhile: the lint says so.
        int line = RevisionReader.readWithSources(second.path()).upgrade().get(1).line();
        assertThat(run.errLines()).containsExactly(
                "warning: migrations/" + second.path().getFileName() + ":" + line + ": [index-not-concurrent] create index ix_test_name"
                        + " on test: creates or drops an index on an existing table without CONCURRENTLY: writes to the table wait until it is done",
                "warning: `retort lint " + second.id() + "` gives the safe form of each");

        upgrade();
        CliRun again = run("revision", "--autogenerate", "-m", "nothing");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCode.OK);
        assertThat(again.outLines()).containsExactly("No changes detected in schema " + tenant + ": no revision written");
        assertThat(files()).hasSize(2);
        assertThat(run("history").outLines()).containsExactly(
                initial.id() + " -> " + second.id() + " (head), note, name index, toys",
                "<base> -> " + initial.id() + ", initial");
    }

    @Test
    void onlineWritesTheFormsThatDoNotStallALiveApplicationAndTheyBringTheSchemaToTheModel() throws IOException {
        assertThat(run("revision", "--autogenerate", "-m", "initial").exitCode()).isEqualTo(ExitCode.OK);
        upgrade();
        configure(changedModelClasses);
        assertThat(run("revision", "--autogenerate", "-m", "changed").exitCode()).isEqualTo(ExitCode.OK);
        upgrade();
        DB.execute("INSERT INTO \"" + tenant + "\".test VALUES (1, 'a', 'noted')");
        configure(onlineModelClasses);

        CliRun run = run("revision", "--autogenerate", "--online", "-m", "online");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        Path file = run.outLines().get(run.outLines().size() - 1).replaceFirst("^Wrote ", "").replaceFirst(" .*", "").transform(project::resolve);
        String text = Files.readString(file);
        assertThat(text).contains("concurrently: true", "not_valid: true", "not_valid: {from: true, to: false}",
                "expression: '\"note\" IS NOT NULL'", "nullable: {from: true, to: false}");
        List<String> ops = RevisionReader.read(file).upgrade().stream().map(Operation::describe).toList();
        assertThat(ops).containsSubsequence("add constraint test_note_not_null on test", "validate constraint test_note_not_null on test",
                "alter column test.note: set not null", "drop constraint test_note_not_null on test");
        assertThat(ops).contains("create index ix_test_note on test concurrently");
        // No warning about the index and constraint locks these forms avoid; the validations may still fail on rows.
        assertThat(run.err()).doesNotContain("index-not-concurrent", "constraint-not-valid").contains("[check-on-existing] validate constraint");

        upgrade();
        try (Connection c = DB.connect(); Statement st = c.createStatement(); var rs = st.executeQuery(
                "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = '" + tenant + "' AND NOT i.indisvalid")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        CliRun again = run("revision", "--autogenerate", "-m", "nothing");
        assertThat(again.outLines()).containsExactly("No changes detected in schema " + tenant + ": no revision written");
    }

    @Test
    void onlineWithoutAutogenerateIsAUsageError() {
        CliRun run = run("revision", "--online", "-m", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--online applies only with --autogenerate");
    }

    @Test
    void aSchemaThatMatchesTheModelWithoutRevisionsGivesNoRevision() throws IOException, SQLException {
        assertThat(run("revision", "--autogenerate", "-m", "initial").exitCode()).isEqualTo(ExitCode.OK);
        Path first = files().get(0);
        createFrom(RevisionReader.read(first).upgrade());
        Files.delete(first);

        CliRun run = run("revision", "--autogenerate", "-m", "nothing");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines()).containsExactly("No changes detected in schema " + tenant + ": no revision written");
        assertThat(files()).isEmpty();
    }

    @Test
    void aModelThatCannotBeLoadedIsReportedBeforeTheDatabase() throws IOException {
        Files.writeString(project.resolve("retort.yaml"), """
                url: jdbc:postgresql://127.0.0.1:1/nowhere
                model: app.Missing
                classpath: [%s]
                """.formatted(modelClasses));

        CliRun run = run("revision", "--autogenerate", "-m", "x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).startsWith("retort: ").contains("app.Missing").doesNotContain("127.0.0.1");
    }

    @Test
    void aViewThePostgresRefusesIsReportedOnOneLineAndNoFileIsWritten() throws IOException {
        configure(brokenViewModelClasses);

        CliRun run = run("revision", "--autogenerate", "-m", "broken view");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).isEqualTo("retort: the model cannot be created as it is: create view named: column \"nam\" does not exist\n");
        assertThat(files()).isEmpty();
    }

    /** Creates the tenant's tables as the runner would: the schema, then the operations, in one transaction. */
    private void createFrom(List<Operation> operations) throws SQLException {
        try (Connection c = DB.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + DIALECT.quote(tenant));
                for (Operation op : operations) {
                    for (String sql : DIALECT.render(op, tenant)) st.execute(sql);
                }
            }
            c.commit();
        }
    }
}
