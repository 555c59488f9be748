package dev.retort.cli;

import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retort diff} with no URL for one side: the embedded server on {@code .retort/pg} of the
 * working directory, started for the command and stopped at its end. One test: it costs a server start.
 */
class DiffEmbeddedServerTest {

    @Test
    void theSideWithoutAUrlIsTheEmbeddedServerOfTheWorkingDirectory(@TempDir Path workingDirectory) {
        TestDatabase db = TestDatabase.postgres();
        String b = db.createSchema("embedded_b");
        db.execute("CREATE TABLE \"" + b + "\".item (id integer PRIMARY KEY, name text NOT NULL DEFAULT 'x')");

        // Schema A is public in a cluster created on first use under the working directory.
        CliRun run = DiffCommandTest.run(workingDirectory, Map.of(), "diff", "--to-url", db.jdbcUrl(),
                "--from-schema", "public", "--to-schema", b);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(run.outLines()).containsExactly("  create table item");
        assertThat(run.err()).as("the server's progress stays in its log").isEmpty();
        Path data = workingDirectory.resolve(".retort/pg");
        assertThat(data.resolve("PG_VERSION")).as("the cluster is kept").exists();
        assertThat(data.resolve("postmaster.pid")).as("the server is stopped").doesNotExist();
        assertThat(Files.exists(workingDirectory.resolve(".retort/pg.log"))).isTrue();
    }
}
