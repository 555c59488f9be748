package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command run where there is no project fails on its configuration before it starts anything: no
 * embedded cluster is made only to find that the migrations directory is missing.
 */
class ConfigurationFirstTest {

    private static final List<List<String>> COMMANDS = List.of(
            List.of("upgrade", "--schema", "a"), List.of("current", "--schema", "a"),
            List.of("stamp", "head", "--schema", "a"), List.of("downgrade", "base", "--schema", "a"),
            List.of("tenant", "create", "a"), List.of("upgrade", "--tenants", "a*"), List.of("current", "--tenants", "a*"));

    @Test
    void withoutRetortYamlNothingStartsAndTheErrorSaysWhatToDo(@TempDir Path dir) {
        for (List<String> args : COMMANDS) {
            CliRun run = CliRun.in(dir, Map.of(), args.toArray(String[]::new));
            assertThat(run.exitCode()).as(args + ": " + run.err()).isEqualTo(ExitCode.ERROR);
            assertThat(run.errLines()).as(args.toString()).containsExactly("retort: no retort.yaml in " + dir + " and no migrations"
                    + " directory: run 'retort init' to set up a project here, or run the command in the project's directory");
            assertThat(dir.resolve(".retort")).as(args + ": no embedded cluster made").doesNotExist();
        }
        // check compares with the model, whose absence it names first: before anything starts too.
        CliRun check = CliRun.in(dir, Map.of(), "check", "--schema", "a");
        assertThat(check.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(check.errLines()).hasSize(1);
        assertThat(dir.resolve(".retort")).doesNotExist();
    }

    @Test
    void aMissingMigrationsDirectoryIsNamedWithTheLineThatConfiguresIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("retort.yaml"), "schema: a\nmigrations: db/revisions\n");
        for (List<String> args : COMMANDS) {
            CliRun run = CliRun.in(dir, Map.of(), args.toArray(String[]::new));
            assertThat(run.exitCode()).as(args + ": " + run.err()).isEqualTo(ExitCode.ERROR);
            assertThat(run.errLines()).as(args.toString()).hasSize(1);
            assertThat(run.errLines().get(0)).as(args.toString())
                    .startsWith("retort: retort.yaml:2: ").endsWith("migrations directory db/revisions does not exist ('retort init' creates it)");
            assertThat(dir.resolve(".retort")).as(args + ": no embedded cluster made").doesNotExist();
        }
    }
}
