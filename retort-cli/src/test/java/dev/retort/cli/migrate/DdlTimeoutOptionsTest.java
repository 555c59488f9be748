package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** --ddl-lock-timeout, --statement-timeout and --ddl-attempts reach the runner; bad values are usage errors. */
class DdlTimeoutOptionsTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @TempDir
    Path project;

    private void revision(String file, String id, String down, String upgrade) throws IOException {
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
    void aTenantWhoseTableIsLockedFailsAfterItsAttemptsWithTheOptionsTimeout() throws Exception {
        Files.writeString(project.resolve("retort.yaml"), "url: " + DB.jdbcUrl() + "\nmigrations: migrations\n");
        Files.createDirectory(project.resolve("migrations"));
        revision("a1_initial.yaml", "a1", "null", "  - create_table: {name: test, columns: [{name: id, type: integer}]}\n");
        revision("b2_note.yaml", "b2", "a1", "  - add_column: {table: test, column: {name: note, type: text}}\n");
        String tenant = "dd_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        assertThat(run("upgrade", "a1", "--schema", tenant).exitCode()).isEqualTo(ExitCode.OK);
        try (Connection holder = DB.connect()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.executeQuery("SELECT count(*) FROM \"" + tenant + "\".test").close();
            }
            CliRun run = run("upgrade", "--schema", tenant, "--ddl-lock-timeout", "200ms", "--ddl-attempts", "2",
                    "--statement-timeout", "1m");
            assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
            assertThat(run.err()).contains("waited longer than the lock timeout (200 ms) 2 times; locks in the schema held by pid ");
        }
        assertThat(run("upgrade", "--schema", tenant, "--ddl-lock-timeout", "0").exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void badValuesAreUsageErrors() throws IOException {
        Files.writeString(project.resolve("retort.yaml"), "migrations: migrations\n");
        Files.createDirectory(project.resolve("migrations"));
        CliRun attempts = run("upgrade", "--schema", "t", "--ddl-attempts", "0");
        assertThat(attempts.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(attempts.err()).startsWith("retort: DDL attempts must be at least 1, not 0");
        CliRun negative = run("downgrade", "base", "--schema", "t", "--statement-timeout", "-5s");
        assertThat(negative.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(negative.err()).contains("-5s");
        assertThat(run("tenant", "create", "t", "--ddl-lock-timeout", "soon").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
