package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.revision.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a URL, the commands run on the embedded server whose data is in .retort/pg beside
 * retort.yaml: started for each command, stopped at its end, its data kept between commands. One
 * test: every command here costs a server start.
 */
class MigrateEmbeddedServerTest {

    @Test
    void consecutiveCommandsSeeTheSameEmbeddedDatabase(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, null);
        Revision initial = project.initial();

        CliRun up = project.run(Map.of("TARGET_SCHEMA", "tenant_a"), "upgrade", "head");
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCode.OK);
        assertThat(up.err()).as("the server's output goes to its log").isEmpty();
        assertThat(up.outLines()).first().isEqualTo("created schema tenant_a");

        CliRun check = project.run(Map.of("TARGET_SCHEMA", "tenant_a"), "check");
        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(ExitCode.OK);
        assertThat(check.outLines()).containsExactly("tenant_a: up to date at " + initial.id() + ", and matches the model");

        assertThat(dir.resolve(".retort/.gitignore")).exists();
        assertThat(dir.resolve(".retort/pg/PG_VERSION")).as("the cluster is kept").exists();
        assertThat(dir.resolve(".retort/pg/postmaster.pid")).as("the server is stopped").doesNotExist();
    }
}
