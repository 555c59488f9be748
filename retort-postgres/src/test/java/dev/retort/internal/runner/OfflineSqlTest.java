package dev.retort.internal.runner;

import dev.retort.api.SqlScript;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import dev.retort.api.Retort;
import dev.retort.postgres.PostgresDialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Offline mode: the SQL of an upgrade or downgrade, every name qualified, doing what the runner does. */
class OfflineSqlTest {

    /** No data source: the SQL is rendered without a database. */
    private static Retort offline(Path dir) {
        return Retort.configure().dialect(new PostgresDialect()).migrations(dir).load();
    }

    @Test
    void theScriptQualifiesEveryNameWithTheSchema(@TempDir Path dir) {
        Project p = new Project(null, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();

        SqlScript script = offline(dir).upgradeSql("head", "tenant_a");

        String text = script.text();
        assertThat(text).startsWith("-- Retort upgrade of schema tenant_a: base -> " + note.id() + "\n");
        assertThat(text).contains("CREATE SCHEMA IF NOT EXISTS \"tenant_a\";",
                "CREATE TABLE IF NOT EXISTS \"tenant_a\".\"retort_version\" (",
                "-- " + initial.id() + ": initial\nBEGIN;\n",
                "SET LOCAL search_path TO \"tenant_a\", public;",
                "CREATE TABLE \"tenant_a\".\"test\" (",
                "REFERENCES \"tenant_a\".\"test\" (\"id\") ON DELETE CASCADE",
                "CREATE INDEX \"ix_child_test_id\" ON \"tenant_a\".\"child\"",
                "ALTER TABLE \"tenant_a\".\"child\" ADD COLUMN \"note\" text;",
                "INSERT INTO \"tenant_a\".\"retort_version\" (\"revision\", \"checksum\", \"applied_at\", \"execution_ms\", \"is_head\") VALUES ('"
                        + note.id() + "', '" + note.checksum() + "', CURRENT_TIMESTAMP, NULL, TRUE);",
                "UPDATE \"tenant_a\".\"retort_version\" SET \"is_head\" = FALSE WHERE \"revision\" IN ('" + initial.id() + "');");
        assertThat(script.blocks()).hasSize(2);
        assertThat(script.statements()).allSatisfy(s -> assertThat(s).doesNotContainPattern("(CREATE|ALTER) TABLE \"(test|child)\""));

        SqlScript fromFirst = offline(dir).upgradeSql(initial.id() + ":head", "tenant_a");
        assertThat(fromFirst.blocks()).hasSize(1);
        assertThat(fromFirst.text()).doesNotContain("CREATE SCHEMA", "CREATE TABLE").contains("ADD COLUMN \"note\"");
    }

    @MatrixTest
    void runningTheScriptsDoesWhatTheRunnerDoes(TestDatabase db, @TempDir Path dir) throws Exception {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        String scripted = p.newSchemaName("scripted");
        String run = p.newSchemaName("run");

        execute(db, offline(dir).upgradeSql("head", scripted).text());
        p.retort().upgrade("head", run);

        assertThat(p.tables(scripted)).isEqualTo(p.tables(run));
        assertThat(p.columns(scripted, "child")).isEqualTo(p.columns(run, "child"));
        assertThat(p.versions(scripted)).containsExactly(initial.id(), note.id() + " head");
        assertThat(p.retort().check(scripted).clean()).as("the model has no note column").isFalse();
        p.model(Project.modelWithNote());
        assertThat(p.retort().check(scripted).problems()).isEmpty();
        assertThat(p.retort().upgrade("head", scripted).nothingToDo()).isTrue();

        SqlScript down = offline(dir).downgradeSql("base", scripted);
        assertThat(down.text()).contains("-- warning: destructive: drop table child", "DROP TABLE \"" + scripted + "\".\"child\";",
                "DELETE FROM \"" + scripted + "\".\"retort_version\" WHERE \"revision\" = '" + note.id() + "';",
                "UPDATE \"" + scripted + "\".\"retort_version\" SET \"is_head\" = TRUE WHERE \"revision\" IN ('" + initial.id() + "');");
        execute(db, down.text());
        assertThat(p.tables(scripted)).containsExactly("retort_version");
        assertThat(p.versions(scripted)).isEmpty();

        // From base again: the version table exists now, and the script still runs.
        execute(db, offline(dir).upgradeSql("base:" + initial.id(), scripted).text());
        assertThat(p.versions(scripted)).containsExactly(initial.id() + " head");
    }

    @Test
    void badRangesAreRefused(@TempDir Path dir) {
        Project p = new Project(null, dir);
        p.initial();
        assertThatThrownBy(() -> offline(dir).upgradeSql("base:", "t")).isInstanceOf(RevisionException.class)
                .hasMessage("'base:' is not a range: write FROM:TO, such as base:head or ab12:head");
        assertThatThrownBy(() -> offline(dir).upgradeSql("zz:head", "t")).isInstanceOf(RevisionException.class)
                .hasMessage("unknown revision 'zz'");
        assertThat(offline(dir).upgradeSql("head:head", "t").text()).contains("Nothing to do.");
    }

    private static void execute(TestDatabase db, String script) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(script);
        }
    }
}
