package dev.retort.cli.authoring;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retort lint} on revision files written by hand: no database needed. */
class LintCommandTest {
    @TempDir
    Path project;

    @BeforeEach
    void aProject() throws IOException {
        Files.writeString(project.resolve("retort.yaml"), "migrations: migrations\n");
        Files.createDirectory(project.resolve("migrations"));
        write("a1_initial.yaml", "a1", "null", """
                  - create_table:
                      name: orders
                      columns:
                        - {name: id, type: integer, nullable: false}
                        - {name: note, type: text}
                  - create_index: {name: ix_orders_note, table: orders, columns: [note]}
                """);
    }

    private void write(String file, String id, String down, String upgrade) throws IOException {
        Files.writeString(project.resolve("migrations").resolve(file), """
                revision: %s
                down_revision: %s
                message: x
                created: 2026-11-25T12:00:00Z
                upgrade:
                %sdowngrade: []
                """.formatted(id, down, upgrade));
    }

    private CliRun run(String... args) {
        return CliRun.in(project, Map.of(), args);
    }

    @Test
    void aRevisionThatCreatesItsTablesIsClean() {
        CliRun run = run("lint");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines()).containsExactly("no findings");
    }

    @Test
    void findingsNameFileLineAndOperationAndAnErrorExitsThree() throws IOException {
        write("b2_change.yaml", "b2", "a1", """
                  - drop_column:
                      table: orders
                      column: {name: note, type: text}
                  - create_index: {name: ix_orders_id, table: orders, columns: [id]}
                """);
        CliRun run = run("lint");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(run.outLines()).containsExactly(
                "migrations/b2_change.yaml:6: error [drop-column] drop column orders.note: drops the column and every value in it",
                "    safe: stop reading and writing the column first, then drop it in a later revision",
                "migrations/b2_change.yaml:9: warning [index-not-concurrent] create index ix_orders_id on orders: creates or drops "
                        + "an index on an existing table without CONCURRENTLY: writes to the table wait until it is done",
                "    safe: create or drop the index CONCURRENTLY, outside the revision's transaction",
                "1 error, 1 warning");
        assertThat(run("lint", "--fail-on", "none").exitCode()).isEqualTo(ExitCode.OK);
        // The first revision is not a head: only --all or its id reach it.
        assertThat(run("lint", "a1").outLines()).containsExactly("no findings");
        assertThat(run("lint", "--all").outLines()).hasSize(5);
    }

    @Test
    void warningsFailOnlyWhenAskedAndSilencedFindingsNeverDo() throws IOException {
        write("b2_change.yaml", "b2", "a1", """
                  - create_index: {name: ix_orders_id, table: orders, columns: [id]}
                  - drop_column:
                      table: orders
                      column: {name: note, type: text}
                    lint: {ignore: [drop-column], reason: nothing reads it since 2025}
                """);
        CliRun run = run("lint");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines()).contains(
                "migrations/b2_change.yaml:7: ignored [drop-column] drop column orders.note: drops the column and every value in it",
                "    reason: nothing reads it since 2025").last().isEqualTo("0 errors, 1 warning, 1 ignored by their revisions");
        assertThat(run("lint", "--fail-on", "warning").exitCode()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(run("lint", "--fail-on", "WARNING").exitCode()).isEqualTo(ExitCode.DIFFERENCES);
    }

    @Test
    void overTenantsEachFindingIsWeighedByItsTable() throws IOException {
        TestDatabase db = TestDatabase.postgres();
        Files.writeString(project.resolve("retort.yaml"), "url: " + db.jdbcUrl() + "\nmigrations: migrations\n");
        write("b2_change.yaml", "b2", "a1", """
                  - alter_column: {table: orders, column: note, nullable: {from: true, to: false}}
                """);
        String prefix = "lc_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_";
        CliRun up = run("upgrade", "a1", "--tenants", "list:" + prefix + "1," + prefix + "2");
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCode.OK);
        db.execute("INSERT INTO \"" + prefix + "2\".orders SELECT g, 'x' FROM generate_series(1, 12345) g",
                "ANALYZE \"" + prefix + "2\".orders", "ANALYZE \"" + prefix + "1\".orders");

        CliRun run = run("lint", "--tenants", prefix + "*");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines()).hasSize(7);
        assertThat(run.outLines().get(2)).matches("    tenants: orders has 12\\.3 k rows \\([0-9.]+ kB\\) over 2 tenants, the most 12\\.3 k rows in "
                + prefix + "2");
        assertThat(run("lint", "--tenants", prefix + "*", "--report", "r.json").exitCode()).isEqualTo(ExitCode.USAGE);
        // Nothing runs per tenant: the fan-out's options are not lint's.
        assertThat(run("lint", "--tenants", prefix + "*", "--jobs", "2").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run("lint", "--tenants", prefix + "*", "--fail-fast").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run("lint", "--help").out()).doesNotContain("--jobs").doesNotContain("--fail-fast").contains("--tenants");
        assertThat(run("lint", "--tenants", "nomatch_*").err()).contains("matches no schema");
    }

    @Test
    void badInput() throws IOException {
        CliRun level = run("lint", "--fail-on", "fatal");
        assertThat(level.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(level.err()).startsWith("retort: --fail-on takes error, warning or none, not 'fatal'");
        assertThat(run("lint", "a1", "--all").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run("lint", "zz").err()).isEqualTo("retort: unknown revision 'zz'\n");

        write("b2_change.yaml", "b2", "a1", """
                  - drop_column:
                      table: orders
                      column: {name: note, type: text}
                    lint: {ignore: [drop-collumn], reason: unused}
                """);
        CliRun unknown = run("lint");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(unknown.err()).startsWith("retort: ").contains("migrations/b2_change.yaml:9: lint: unknown rule 'drop-collumn' (known: ");
        assertThat(unknown.out()).isEmpty();
    }
}
