package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DDL timeouts as retort.yaml's defaults, the command line's options over them, and both written
 * into the offline script, transaction by transaction.
 */
class DdlTimeoutSettingsTest {
    @Test
    void retortYamlGivesTheDefaultsTheCommandLineWinsAndTheScriptCarriesThem(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, null);
        project.initial();

        CliRun plain = project.run("upgrade", "head", "--sql", "--schema", "tenant_a");
        assertThat(plain.exitCode()).as(plain.err()).isEqualTo(ExitCode.OK);
        assertThat(plain.out()).contains("BEGIN;\nSET LOCAL lock_timeout = 5000;\n").doesNotContain("statement_timeout");

        Files.writeString(dir.resolve("retort.yaml"), "ddl_lock_timeout: 2s\nstatement_timeout: 10m\n", StandardOpenOption.APPEND);
        CliRun configured = project.run("upgrade", "head", "--sql", "--schema", "tenant_a");
        assertThat(configured.out()).contains("BEGIN;\nSET LOCAL lock_timeout = 2000;\nSET LOCAL statement_timeout = 600000;\n");

        CliRun option = project.run("upgrade", "head", "--sql", "--schema", "tenant_a", "--ddl-lock-timeout", "3s");
        assertThat(option.out()).contains("SET LOCAL lock_timeout = 3000;\nSET LOCAL statement_timeout = 600000;\n");

        Files.writeString(dir.resolve("retort.yaml"), "ddl_attempts: none\n", StandardOpenOption.APPEND);
        CliRun bad = project.run("upgrade", "head", "--sql", "--schema", "tenant_a");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(bad.err()).contains("retort.yaml:6: ddl_attempts must be a whole number of tries, 1 or more, not 'none'");
    }
}
