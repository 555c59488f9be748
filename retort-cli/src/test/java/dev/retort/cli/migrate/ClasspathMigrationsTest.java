package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrations: classpath:db/retort}: the revisions travel with the project's classes. */
class ClasspathMigrationsTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @Test
    void revisionsOnTheClassPathAreAppliedAndNoneIsWrittenThere(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        // The revision goes where a build puts resources: beside the compiled classes.
        Path resources = Files.createDirectories(dir.resolve("classes/db/retort"));
        Files.move(initial.path(), resources.resolve(initial.path().getFileName()));
        Files.writeString(dir.resolve("retort.yaml"), "model: app.TenantModel\nmigrations: classpath:db/retort\nclasspath: [classes]\n");
        String tenant = project.newSchemaName("cp");

        CliRun config = project.run("config");
        assertThat(config.outLines()).anySatisfy(l -> assertThat(l).matches("migrations\\s+classpath:db/retort\\s+\\(retort.yaml:2\\)"));

        CliRun upgrade = project.run("upgrade", "head", "--schema", tenant);
        assertThat(upgrade.exitCode()).as(upgrade.err()).isEqualTo(ExitCode.OK);
        assertThat(upgrade.out()).contains("upgraded " + tenant + ": " + initial.id() + " initial");
        assertThat(project.tables(tenant)).containsExactly("child", "retort_version", "test");
        assertThat(project.run("check", "--schema", tenant).exitCode()).isEqualTo(ExitCode.OK);

        CliRun revision = project.run("revision", "-m", "more", "--schema", tenant);
        assertThat(revision.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(revision.errLines()).containsExactly("retort: cannot write a revision into classpath:db/retort: a class-path"
                + " location is read-only; give the migrations as a directory (the one its resources come from, such as"
                + " src/main/resources/db/retort) to write revisions");
        assertThat(Files.list(resources)).hasSize(1);
        CliRun autogenerate = project.run("revision", "--autogenerate", "-m", "more", "--schema", tenant);
        assertThat(autogenerate.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(autogenerate.err()).contains("cannot write a revision into classpath:db/retort");

        Files.writeString(dir.resolve("retort.yaml"), "model: app.TenantModel\nmigrations: classpath:db/elsewhere\nclasspath: [classes]\n");
        CliRun missing = project.run("current", "--schema", tenant);
        assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(missing.errLines()).singleElement().asString()
                .startsWith("retort: migrations location classpath:db/elsewhere is not on the class path");
    }
}
