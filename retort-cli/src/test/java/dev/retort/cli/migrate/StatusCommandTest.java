package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retort status --tenants SPEC --html FILE}: the page of the tenants as they are. */
class StatusCommandTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @Test
    void writesThePageOfTheTenantsWithTheirDrift(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        String prefix = "st_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_";
        DB.execute("CREATE SCHEMA " + prefix + "1", "CREATE SCHEMA " + prefix + "2");
        assertThat(project.run("upgrade", "--tenants", prefix + "1").exitCode()).isEqualTo(ExitCode.OK);
        DB.execute("ALTER TABLE " + prefix + "1.test ADD COLUMN extra int");

        CliRun run = project.run("status", "--tenants", prefix + "*", "--html", "status.html", "--drift");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("wrote status.html: 2 tenants, 1 at head, 1 behind, 0 failed last");
        String page = Files.readString(dir.resolve("status.html"));
        assertThat(page).startsWith("<!DOCTYPE html>").contains("head " + initial.id())
                .contains("Drift from the model (1)").contains("! drop column test.extra")
                .contains("<tr><td>" + prefix + "2</td>").contains("no version table");
    }

    @Test
    void needsTheTenantsAndTheFile(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        CliRun noTenants = project.run("status", "--html", "status.html");
        assertThat(noTenants.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noTenants.err()).contains("status needs the tenants: --tenants SPEC or --all-tenants");
        assertThat(project.run("status", "--tenants", "a").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(dir.resolve("status.html")).doesNotExist();
    }
}
