package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retort tenant create NAME} through {@code Main}, on the test server. */
class TenantCommandTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @Test
    void createsATenantAtHeadAndRefusesItTheSecondTime(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        String a = project.newSchemaName("tenant_a");
        String b = project.newSchemaName("tenant_b");

        CliRun created = project.run("tenant", "create", a);
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
        assertThat(created.outLines()).singleElement().asString()
                .matches("created " + a + " at " + initial.id() + " \\(replay, \\d+ statements, \\d+ ms\\)");
        assertThat(project.tables(a)).containsExactly("child", "retort_version", "test");

        CliRun model = project.run("tenant", "create", b, "--method", "model");
        assertThat(model.exitCode()).as(model.err()).isEqualTo(ExitCode.OK);
        assertThat(model.outLines()).singleElement().asString().startsWith("created " + b + " at " + initial.id() + " (model, ");
        CliRun check = project.run("check", "--schema", b);
        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(ExitCode.OK);

        CliRun again = project.run("tenant", "create", a);
        assertThat(again.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(again.errLines()).singleElement().asString()
                .contains("tenant " + a + " already exists and is not empty: refusing to create it");

        CliRun bad = project.run("tenant", "create", "x", "--method", "fast");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--method: expected auto, pool, replay or model, got fast");
    }
}
