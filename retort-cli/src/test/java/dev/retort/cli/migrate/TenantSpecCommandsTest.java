package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant specs on the command line: a typo is an error, and names and patterns mix in a list. */
class TenantSpecCommandsTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @Test
    void aSpecThatMatchesNoTenantIsAnErrorNamingItUnlessEmptyIsAllowed(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String typo = "typo_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_*";
        for (String command : List.of("upgrade", "current", "check", "stamp")) {
            List<String> args = command.equals("stamp") ? List.of(command, "head", "--tenants", typo) : List.of(command, "--tenants", typo);
            CliRun run = project.run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(ExitCode.ERROR);
            assertThat(run.errLines()).as(command).singleElement().asString().contains("pattern " + typo, "matches no schema");
        }
        CliRun allowed = project.run("upgrade", "--tenants", typo, "--allow-empty");
        assertThat(allowed.exitCode()).as(allowed.err()).isEqualTo(ExitCode.OK);
        assertThat(allowed.out()).contains("0 tenants");
    }

    @Test
    void aListMayMixNamesAndPatterns(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String prefix = "mix_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_";
        DB.execute("CREATE SCHEMA " + prefix + "1", "CREATE SCHEMA " + prefix + "2");
        String named = prefix + "new";
        CliRun run = project.run("upgrade", "--tenants", named + "," + prefix + "?");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("3 tenants");
        for (String schema : List.of(named, prefix + "1", prefix + "2")) {
            assertThat(project.tables(schema)).as(schema).contains("test", "child");
        }
    }
}
