package dev.retort.internal.runner;

import dev.retort.Table;
import dev.retort.api.MigrationException;
import dev.retort.api.Retort;
import dev.retort.api.SchemaDiff;
import dev.retort.operations.EnumOps;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps;
import dev.retort.revision.Revision;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.enumType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL refuses to use an enum value in the transaction that added it ("unsafe use of new
 * value"): a revision that adds a value and uses it must have the value committed first, by the
 * runner, in offline SQL and in a diff's SQL run as one transaction.
 */
class EnumValueCommitTest {

    private static Revision moodTable(Project p) {
        Table t = new dev.retort.MetaData().table("diary", column("id", INTEGER).primaryKey(), column("mood", enumType("mood", "sad", "glad")));
        return p.create("diary", List.of(new EnumOps.CreateEnum((dev.retort.SqlType.Enum) t.column("mood").orElseThrow().type()), new TableOps.CreateTable(t)));
    }

    private static List<Operation> addAndUse(String value) {
        return List.of(new EnumOps.AddEnumValue(null, "mood", value, null),
                Project.sql("INSERT INTO diary VALUES (1, '" + value + "')"));
    }

    @MatrixTest
    void theRunnerCommitsANewValueBeforeTheRevisionUsesIt(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        moodTable(p);
        String tenant = p.newSchemaName("tenant_enum");
        Retort retort = p.retort();
        retort.upgrade("head", tenant);
        Revision use = p.create("calm", addAndUse("calm"));

        retort.upgrade("head", tenant);

        assertThat(p.strings("SELECT mood::text FROM \"" + tenant + "\".diary")).containsExactly("calm");
        assertThat(p.versions(tenant)).last().isEqualTo(use.id() + " head");
    }

    @MatrixTest
    void aRevisionThatFailsAfterItsValueWasCommittedRunsAgainOnceRepaired(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision first = moodTable(p);
        String tenant = p.newSchemaName("tenant_enum");
        Retort retort = p.retort();
        retort.upgrade("head", tenant);
        p.create("calm", List.of(new EnumOps.AddEnumValue(null, "mood", "calm", null),
                Project.sql("INSERT INTO missing_table VALUES (1)")));

        assertThatThrownBy(() -> retort.upgrade("head", tenant)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("missing_table");
        assertThat(p.versions(tenant)).containsExactly(first.id() + " head");
        // The value stays (PostgreSQL cannot take a committed value back); the retry must not trip on it.
        assertThatThrownBy(() -> retort.upgrade("head", tenant)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("missing_table").hasMessageNotContaining("already exists");
    }

    @MatrixTest
    void aValueAddedToATypeTheSameRevisionCreatesStaysInItsTransaction(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Table t = new dev.retort.MetaData().table("diary", column("id", INTEGER).primaryKey(), column("mood", enumType("mood", "sad")));
        List<Operation> ops = new java.util.ArrayList<>(List.of(new EnumOps.CreateEnum((dev.retort.SqlType.Enum) t.column("mood").orElseThrow().type()),
                new TableOps.CreateTable(t)));
        ops.addAll(addAndUse("calm"));
        p.create("diary", ops);
        String tenant = p.newSchemaName("tenant_enum");

        p.retort().upgrade("head", tenant);

        assertThat(p.strings("SELECT mood::text FROM \"" + tenant + "\".diary")).containsExactly("calm");
    }

    @MatrixTest
    void offlineSqlCommitsANewValueBeforeTheRevisionUsesIt(TestDatabase db, @TempDir Path dir) throws SQLException {
        Project p = new Project(db, dir);
        moodTable(p);
        p.create("calm", addAndUse("calm"));
        String tenant = p.newSchemaName("tenant_enum");

        String script = p.retort().upgradeSql("head", tenant).text();

        runAsOneString(db, script);
        assertThat(p.strings("SELECT mood::text FROM \"" + tenant + "\".diary")).containsExactly("calm");
    }

    @MatrixTest
    void aDiffsSqlRunAsOneStringAddsTheValueBeforeItsUse(TestDatabase db, @TempDir Path dir) throws SQLException {
        Project p = new Project(db, dir);
        String from = db.createSchema("enum_from");
        String to = db.createSchema("enum_to");
        db.execute("CREATE TYPE \"" + from + "\".mood AS ENUM ('sad', 'glad')");
        db.execute("CREATE TABLE \"" + from + "\".diary (id integer PRIMARY KEY, mood \"" + from + "\".mood)");
        db.execute("CREATE TYPE \"" + to + "\".mood AS ENUM ('sad', 'glad', 'calm')");
        db.execute("CREATE TABLE \"" + to + "\".diary (id integer PRIMARY KEY, mood \"" + to + "\".mood DEFAULT 'calm')");
        Retort retort = p.retort();

        SchemaDiff diff = retort.diff(from, to);
        runAsOneString(db, diff.sql().text());

        assertThat(retort.diff(from, to).isEmpty()).as("converged").isTrue();
    }

    /**
     * Sends the whole script in one call: the driver sends its statements together, which the server
     * runs as one transaction unless the script commits, as {@code psql -1} would.
     */
    private static void runAsOneString(TestDatabase db, String script) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(script);
        }
    }
}
