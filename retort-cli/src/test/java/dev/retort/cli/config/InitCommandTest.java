package dev.retort.cli.config;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTest {
    @TempDir
    Path work;

    private CliRun run(String... args) {
        return CliRun.in(work, Map.of(), args);
    }

    @Test
    void writesAStarterConfigAndAnEmptyMigrationsDirectory() throws IOException {
        CliRun run = run("init");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines().get(0)).isEqualTo("Wrote retort.yaml and migrations/");
        assertThat(work.resolve("retort.yaml")).hasContent(StarterConfig.TEXT.stripTrailing());
        assertThat(work.resolve("migrations")).isDirectory();
        try (var entries = Files.list(work.resolve("migrations"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(".gitkeep");
        }
    }

    @Test
    void theDirectoryIsMadeWhenMissing() {
        CliRun run = run("init", "services/billing");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines().get(0)).isEqualTo("Wrote services/billing/retort.yaml and services/billing/migrations/");
        assertThat(work.resolve("services/billing/retort.yaml")).isRegularFile();
        assertThat(work.resolve("services/billing/migrations/.gitkeep")).isRegularFile();
    }

    @Test
    void anExistingRetortYamlIsNeverOverwritten() throws IOException {
        Files.writeString(work.resolve("retort.yaml"), "model: mine.Model\n");
        CliRun run = run("init", ".");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.errLines()).containsExactly("retort: retort.yaml already exists; init leaves it as it is");
        assertThat(work.resolve("retort.yaml")).hasContent("model: mine.Model");
        assertThat(work.resolve("migrations")).doesNotExist();
    }

    @Test
    void existingRevisionsGetNoGitkeep() throws IOException {
        Files.createDirectories(work.resolve("migrations"));
        Files.writeString(work.resolve("migrations/abc_initial.yaml"), "revision: abc\n");
        assertThat(run("init").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(work.resolve("migrations/.gitkeep")).doesNotExist();
    }

    @Test
    void configIsNotAnOptionOfInit() {
        CliRun run = run("init", "--config", "x.yaml");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines().get(0)).isEqualTo("retort: init writes DIR/retort.yaml: give the directory, not --config");
    }

    @Test
    void theStarterConfigParsesAsTheDefaults() throws IOException {
        run("init");
        Settings settings = SettingsLoader.load(work, Environment.of(Map.of()), Overrides.none());
        assertThat(settings.embedded()).isTrue();
        assertThat(settings.migrations()).isEqualTo(work.resolve("migrations").toAbsolutePath().normalize());
        assertThat(settings.versionTable()).isEqualTo(Settings.DEFAULT_VERSION_TABLE);
        assertThat(settings.model()).isNull();
        assertThat(settings.source(Key.MIGRATIONS).describe()).startsWith("retort.yaml:");
    }

    /** The example lines, uncommented: {@code # key: ...} and the indented lines of a block. */
    private static final Pattern EXAMPLE = Pattern.compile("(?m)^# (?=[a-z_]+:|\\s+\\S)");

    @Test
    void everyKeyIsThereAndTheExamplesAreValid() {
        String text = StarterConfig.TEXT;
        for (Key key : Key.values()) {
            assertThat(text).as(key.yamlName()).containsPattern("(?m)^(# )?" + key.yamlName() + ":");
        }
        RetortYaml uncommented = RetortYaml.parse(new StringReader(EXAMPLE.matcher(text).replaceAll("")), "retort.yaml");
        for (Key key : Key.values()) {
            assertThat(uncommented.has(key)).as(key.yamlName()).isTrue();
        }
        assertThat(uncommented.tenants().shards()).hasSize(1);
        assertThat(uncommented.classpath()).containsExactly("target/classes", "lib/*");
    }

    @Test
    void everyKeyHasASentenceAboveIt() {
        String[] lines = StarterConfig.TEXT.split("\n");
        for (Key key : Key.values()) {
            int at = 0;
            while (!lines[at].matches("(# )?" + key.yamlName() + ":.*")) at++;
            assertThat(lines[at - 1]).as(key.yamlName()).startsWith("# ").doesNotMatch("# [a-z_]+:.*");
        }
    }
}
