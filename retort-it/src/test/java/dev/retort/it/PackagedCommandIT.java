package dev.retort.it;

import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged command, unpacked into a directory of its own, runs the quick start against the outside
 * project: it compiles the project's model with Maven, autogenerates the first revision against
 * tenant_a, applies it to two tenants and checks one.
 */
class PackagedCommandIT {
    private static final Path TARBALL = Path.of(System.getProperty("retort.it.tarball", "")).toAbsolutePath();

    @Test
    void theQuickStartRunsFromTheUnpackedTarball() throws Exception {
        Files.createDirectories(OutsideProject.WORK);
        Path unpacked = OutsideProject.WORK.resolve("unpacked");
        OutsideProject.deleteTree(unpacked);
        Files.createDirectories(unpacked);
        OutsideProject project = OutsideProject.create(OutsideProject.WORK.resolve("cli-project"));
        assertThat(TARBALL).as("built by retort-cli's package phase").isRegularFile();
        OutsideProject.Run untar = project.run(List.of("tar", "xzf", TARBALL.toString(), "-C", unpacked.toString()), Map.of());
        assertThat(untar.exitCode()).as(untar.toString()).isZero();
        Path retort = unpacked.resolve("retort-" + OutsideProject.VERSION).resolve("bin/retort");
        assertThat(retort).isExecutable();
        try (Stream<Path> jars = Files.list(retort.getParent().resolveSibling("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString())).contains("retort-cli-" + OutsideProject.VERSION + ".jar");
        }

        String url = TestDatabase.postgres().createDatabase("outside_cli");
        Map<String, String> tenantA = Map.of("RETORT_URL", url, "TARGET_SCHEMA", "tenant_a");

        OutsideProject.Run version = project.run(List.of(retort.toString(), "--version"), Map.of());
        assertThat(version.output().strip()).matches("retort " + OutsideProject.VERSION.replace(".", "\\.") + " \\(commit .+\\)");

        OutsideProject.Run revision = project.run(List.of(retort.toString(), "revision", "--autogenerate", "-m", "initial"), tenantA);
        assertThat(revision.exitCode()).as(revision.toString()).isZero();
        assertThat(revision.output()).contains("building the model", "Detected in schema tenant_a:", "Wrote migrations/");

        OutsideProject.Run upgradeA = project.run(List.of(retort.toString(), "upgrade", "head"), tenantA);
        assertThat(upgradeA.exitCode()).as(upgradeA.toString()).isZero();
        assertThat(upgradeA.output()).contains("created schema tenant_a", "upgraded tenant_a: ");

        OutsideProject.Run upgradeB = project.run(List.of(retort.toString(), "upgrade", "head", "--schema", "tenant_b"), Map.of("RETORT_URL", url));
        assertThat(upgradeB.exitCode()).as(upgradeB.toString()).isZero();
        assertThat(upgradeB.output()).contains("upgraded tenant_b: ");

        OutsideProject.Run check = project.run(List.of(retort.toString(), "check", "--schema", "tenant_b"), Map.of("RETORT_URL", url));
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.output()).contains("tenant_b: up to date at ");
    }
}
