package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.operations.Sql;
import dev.retort.postgres.PostgresDialect;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * upgrade, downgrade, current, stamp and check through {@code Main}, in a consumer-like project whose
 * database is the test server (RETORT_URL).
 */
class MigrateCommandsTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @Test
    void theQuickStartFlow(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        String a = project.newSchemaName("tenant_a");
        String b = project.newSchemaName("tenant_b");

        CliRun up = project.run(Map.of("TARGET_SCHEMA", a), "upgrade", "head");
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCode.OK);
        assertThat(up.err()).isEmpty();
        assertThat(up.outLines()).hasSize(2);
        assertThat(up.outLines().get(0)).isEqualTo("created schema " + a);
        assertThat(up.outLines().get(1)).matches("upgraded " + a + ": " + initial.id() + " initial \\(\\d+ ms\\)");
        assertThat(project.tables(a)).containsExactly("child", "retort_version", "test");

        CliRun current = project.run(Map.of("TARGET_SCHEMA", a), "current");
        assertThat(current.outLines()).containsExactly(a + ": " + initial.id() + " initial (head)");
        CliRun check = project.run(Map.of("TARGET_SCHEMA", a), "check");
        assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCode.OK);
        assertThat(check.outLines()).containsExactly(a + ": up to date at " + initial.id() + ", and matches the model");
        CliRun again = project.run(Map.of("TARGET_SCHEMA", a), "upgrade");
        assertThat(again.outLines()).containsExactly(a + " is up to date at " + initial.id());

        CliRun sql = project.run("upgrade", "head", "--sql", "--schema", "tenant_a");
        assertThat(sql.exitCode()).as(sql.err()).isEqualTo(ExitCode.OK);
        assertThat(sql.out()).contains("CREATE TABLE \"tenant_a\".\"test\" (", "REFERENCES \"tenant_a\".\"test\" (\"id\")",
                "INSERT INTO \"tenant_a\".\"retort_version\"");

        CliRun other = project.run(Map.of("TARGET_SCHEMA", a), "upgrade", "head", "--schema", b);
        assertThat(other.exitCode()).as(other.err()).isEqualTo(ExitCode.OK);
        assertThat(other.outLines().get(1)).startsWith("upgraded " + b + ": " + initial.id());
        assertThat(project.tables(b)).containsExactly("child", "retort_version", "test");

        CliRun down = project.run("downgrade", "base", "--schema", b);
        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCode.OK);
        assertThat(down.outLines()).singleElement().asString().matches("downgraded " + b + ": " + initial.id() + " initial \\(\\d+ ms\\)");
        assertThat(down.errLines()).containsExactly("warning: " + b + ": " + initial.id() + ": destructive: drop table child",
                "warning: " + b + ": " + initial.id() + ": destructive: drop table test");
        assertThat(project.tables(b)).containsExactly("retort_version");
        assertThat(project.tables(a)).as("tenant_a as it was").containsExactly("child", "retort_version", "test");
        assertThat(project.run("current", "--schema", b).outLines()).containsExactly(b + ": base");

        CliRun pending = project.run("check", "--schema", b);
        assertThat(pending.exitCode()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(pending.outLines()).containsExactly(b + ": pending: " + initial);
    }

    @Test
    void checkListsDriftAndExitsThree(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String a = project.newSchemaName("tenant_a");
        project.run("upgrade", "--schema", a);
        DB.execute("ALTER TABLE \"" + a + "\".test ADD COLUMN extra text");

        CliRun check = project.run("check", "--schema", a);

        assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(check.outLines()).containsExactly(a + ": drift: ! drop column test.extra");
    }

    @Test
    void aMalformedFileAndAnUnknownOperationNameFileAndLine(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        String text = Files.readString(initial.path());

        Files.writeString(initial.path(), text.replaceFirst("create_table", "create_tabel"));
        CliRun unknown = project.run("upgrade", "--schema", "anything");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(unknown.errLines()).singleElement().asString()
                .matches("retort: " + java.util.regex.Pattern.quote(initial.path().toString())
                        + ":\\d+: unknown operation 'create_tabel' \\(did you mean 'create_table'\\?\\)");

        Files.writeString(initial.path(), text.replaceFirst("columns: \\[id]}", "columns: [id]"));
        CliRun malformed = project.run("upgrade", "--schema", "anything");
        assertThat(malformed.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(malformed.errLines()).singleElement().asString()
                .startsWith("retort: " + initial.path() + ":").contains(": malformed YAML: ");
        assertThat(malformed.out()).isEmpty();
    }

    @Test
    void twoHeadsAreRefusedWithHowToMerge(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        Revision left = project.createAfter(initial.id(), "left", List.of(new Sql("CREATE TABLE ${schema}.l (id int)", null)));
        Revision right = project.createAfter(initial.id(), "right", List.of(new Sql("CREATE TABLE ${schema}.r (id int)", null)));
        String a = project.newSchemaName("tenant_a");

        CliRun refused = project.run("upgrade", "head", "--schema", a);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.errLines()).containsExactly("retort: multiple heads (" + left.id() + ", " + right.id()
                + "): merge them with `retort merge -m MSG` or name one");

        MigrationsDirectory.load(project.migrations()).merge("merge");
        CliRun merged = project.run("upgrade", "head", "--schema", a);
        assertThat(merged.exitCode()).as(merged.err()).isEqualTo(ExitCode.OK);
        assertThat(merged.outLines()).hasSize(5);
    }

    @Test
    void anEditedRevisionIsReportedRefusedAndForced(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        String a = project.newSchemaName("tenant_a");
        project.run("upgrade", "--schema", a);
        Files.writeString(initial.path(), Files.readString(initial.path()).replace("on_delete: cascade", "on_delete: restrict"));

        CliRun check = project.run("check", "--schema", a);
        assertThat(check.exitCode()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(check.outLines()).first().isEqualTo(a + ": edited after it was applied: " + initial.id() + " (" + initial.path() + ")");

        CliRun refused = project.run("upgrade", "--schema", a);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.errLines()).containsExactly("retort: schema " + a + ": applied revision " + initial.id() + " (" + initial.path()
                + ") was edited after being applied (checksum changed): restore it, or accept the edit with --force");

        CliRun forced = project.run("upgrade", "--schema", a, "--force");
        assertThat(forced.exitCode()).as(forced.err()).isEqualTo(ExitCode.OK);
        assertThat(forced.errLines()).containsExactly("warning: " + a + ": accepted the edited file of applied revision "
                + initial.id() + " (" + initial.path() + ")");
        assertThat(project.run("upgrade", "--schema", a).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aFailingRevisionIsOneLineAfterWhatWasApplied(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        Revision broken = project.create("broken", List.of(new Sql("ALTER TABLE ${schema}.test ADD COLUMN x no_such_type", null)));
        String a = project.newSchemaName("tenant_a");

        CliRun run = project.run("upgrade", "--schema", a);

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.outLines()).singleElement().asString().startsWith("upgraded " + a + ": " + initial.id() + " initial (");
        assertThat(run.errLines()).containsExactly("retort: schema " + a + ": revision " + broken + " failed and was rolled back (the schema stays at "
                + initial.id() + "): ALTER TABLE \"" + a + "\".test ADD COLUMN x no_such_type: ERROR: type \"no_such_type\" does not exist");
        List<String> current = project.run("current", "--schema", a).outLines();
        assertThat(current).hasSize(2);
        assertThat(current.get(0)).isEqualTo(a + ": " + initial.id() + " initial");
        assertThat(current.get(1)).as("the failure, remembered").startsWith(a + ": the last run failed (")
                .endsWith("): " + run.errLines().get(0).substring("retort: ".length()));
    }

    @Test
    void stampRecordsWithoutRunning(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        String a = project.newSchemaName("tenant_a");

        CliRun stamp = project.run("stamp", "head", "--schema", a);

        assertThat(stamp.exitCode()).as(stamp.err()).isEqualTo(ExitCode.OK);
        assertThat(stamp.outLines()).containsExactly("created schema " + a, "stamped " + a + ": " + initial.id() + " (was base)");
        assertThat(project.tables(a)).containsExactly("retort_version");
        CliRun check = project.run("check", "--schema", a);
        assertThat(check.exitCode()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(check.outLines()).contains(a + ": drift: create table test");
    }

    @Test
    void aLockHeldElsewhereTimesOutInOneLine(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String a = project.newSchemaName("tenant_a");
        PostgresDialect dialect = new PostgresDialect();
        try (Connection other = DB.connect()) {
            dialect.lockSchema(other, a, "retort_version", Duration.ofSeconds(1));
            for (String option : List.of("--runner-lock-timeout", "--lock-timeout")) {
                CliRun run = project.run("upgrade", "--schema", a, option, "200ms");
                assertThat(run.exitCode()).as(option).isEqualTo(ExitCode.ERROR);
                assertThat(run.errLines()).as(option).containsExactly("retort: schema " + a
                        + " is being migrated by another runner: its lock was not granted within 200 ms");
            }
        }
    }

    @Test
    void theHelpSaysWhatTheRunnerLockTimeoutDoesNotCover(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        for (String command : List.of("upgrade", "downgrade", "stamp")) {
            String help = String.join(" ", project.run(command, "--help").out().split("\\s+"));
            assertThat(help).as(command).contains("--runner-lock-timeout=DURATION", "--lock-timeout is an alias",
                    "another Retort runner working on the same schema",
                    "It does not bound a statement's wait for a lock the application holds (--ddl-lock-timeout does)",
                    "stopping Retort (Ctrl-C, SIGTERM) cancels that statement on the server");
        }
    }

    @Test
    void commandLineMistakes(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        project.initial();

        CliRun noSchema = project.run("upgrade");
        assertThat(noSchema.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(noSchema.errLines()).containsExactly("retort: no schema: give --schema SCHEMA, set TARGET_SCHEMA, or set schema: in retort.yaml");

        for (List<String> args : List.of(List.of("downgrade", "--schema", "a"), List.of("upgrade", "--schema", "a", "--lock-timeout", "soon"),
                List.of("upgrade", "--schema", "a", "--sql", "--force"), List.of("stamp", "--schema", "a"),
                List.of("current", "extra", "--schema", "a"))) {
            CliRun run = project.run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(run.errLines().get(0)).as(String.join(" ", args)).startsWith("retort: ");
        }
        assertThat(project.run("upgrade", "--schema", "a", "--lock-timeout", "soon").errLines().get(0))
                .isEqualTo("retort: Invalid value for option '--runner-lock-timeout': 'soon' is not a duration (500ms, 30s, 2m)");

        CliRun unknownTarget = project.run("upgrade", "zz", "--schema", project.newSchemaName("t"));
        assertThat(unknownTarget.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(unknownTarget.errLines()).containsExactly("retort: unknown revision 'zz'");

        Files.writeString(dir.resolve("retort.yaml"), "migrations: migrations\n");
        CliRun noModel = project.run("check", "--schema", "a");
        assertThat(noModel.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(noModel.errLines()).containsExactly(
                "retort: retort.yaml: no model: set model: to the class that provides the model (a dev.retort.ModelProvider),"
                        + " or to {jpa: PACKAGE} to read the JPA entities of a package");
    }
}
