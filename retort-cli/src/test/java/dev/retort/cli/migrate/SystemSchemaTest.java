package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The database's own schemas are refused wherever a schema is named: one line, exit 2, nothing created. */
class SystemSchemaTest {
    private static final TestDatabase DB = TestDatabase.postgres();
    private static final List<String> SYSTEM = List.of("information_schema", "pg_catalog", "pg_toast", "pg_temp_1", "pg_toast_temp_1");

    @Test
    void everyCommandRefusesASystemSchemaAsAUsageErrorBeforeTouchingIt(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        for (String schema : SYSTEM) {
            for (CliRun run : List.of(
                    project.run("upgrade", "--schema", schema),
                    project.run("upgrade", "head", "--sql", "--schema", schema),
                    project.run("current", "--schema", schema),
                    project.run(Map.of("TARGET_SCHEMA", schema), "check"),
                    project.run("tenant", "create", schema),
                    project.run("current", "--tenants", "tenant_a," + schema),
                    project.run("diff", "--from-schema", schema, "--to-schema", "public"))) {
                assertThat(run.exitCode()).as(schema + ": " + run.err()).isEqualTo(ExitCode.USAGE);
                assertThat(run.errLines().get(0)).contains(schema + " is a system schema").doesNotContain("CREATE TABLE");
            }
        }
        assertThat(project.tables("information_schema")).doesNotContain("test", "child", "retort_version");
        assertThat(project.tables("pg_catalog")).doesNotContain("test", "child", "retort_version");
    }
}
