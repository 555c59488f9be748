package dev.retort.cli.config;

import dev.retort.loader.LoadedModel;
import dev.retort.loader.ModelSource;
import dev.retort.loader.ModelLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example consumer's one line of configuration, loaded the way a user's project is: Maven
 * compiles the module (and the sibling module it depends on, which is in no repository) and gives
 * its classpath. A real Maven run, so one test only.
 */
class MavenModelLoaderTest {
    @TempDir
    Path state;

    @Test
    void theConsumerExampleLoadsFromItsOneLineOfConfiguration() {
        Path consumer = Path.of("").toAbsolutePath().getParent().resolve("examples/consumer");
        Settings settings = SettingsLoader.load(consumer, Environment.of(Map.of()), Overrides.none());
        assertThat(settings.model()).isEqualTo(new ModelSource.ModelClass("dev.retort.examples.consumer.TenantModel"));
        assertThat(settings.classpath()).as("no classpath: given, so Maven's").isNull();
        assertThat(settings.migrations()).isEqualTo(consumer.resolve("migrations")).isDirectory();

        List<String> progress = new ArrayList<>();
        ModelLoader loader = new ModelLoader(progress::add);
        LoadedModel model = loader.load(settings.modelRequest().withStateDirectory(state));

        assertThat(progress).containsExactly("retort: building the model (mvn compile)...");
        assertThat(model.via()).isEqualTo("ModelProvider");
        assertThat(model.classpath()).startsWith(consumer.resolve("target/classes"))
                .contains(consumer.resolveSibling("models").resolve("target/classes"));
        String schema = Environment.system().value("TARGET_SCHEMA") == null ? "tenant_a" : Environment.system().value("TARGET_SCHEMA");
        assertThat(model.metadata().tables()).containsOnlyKeys(schema + ".test", schema + ".child");

        // The second time the cache answers, silently.
        LoadedModel again = loader.load(settings.modelRequest().withStateDirectory(state));
        assertThat(progress).hasSize(1);
        assertThat(again.classpath()).isEqualTo(model.classpath());
    }
}
