package dev.retort.cli.config;

import dev.retort.loader.ModelSource;
import dev.retort.loader.ModelLoader;
import dev.retort.MetaData;
import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.examples.consumer.TenantModel;
import dev.retort.examples.models.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer example's two configurations: retort.yaml (the DSL model, through TenantModel) and
 * retort-jpa.yaml (the same tables as JPA entities). Bound to the command's schema, both give one
 * model. The files are used as written, with a {@code classpath:} line added that names the
 * examples' compiled classes, so that no Maven runs (MavenModelLoaderTest does that once).
 */
class ConsumerConfigurationsTest {
    static final Path CONSUMER = Path.of("").toAbsolutePath().getParent().resolve("examples/consumer");
    static final String DSL = "retort.yaml";
    static final String JPA = "retort-jpa.yaml";
    static final Map<String, String> TENANT_B = Map.of("TARGET_SCHEMA", "tenant_b");

    private static final ModelLoader LOADER = new ModelLoader((maven, arguments, log) -> {
        throw new AssertionError("no Maven here");
    }, line -> { });

    @TempDir
    Path work;

    @Test
    void theFilesNameTheTwoModelSources() {
        Settings dsl = SettingsLoader.load(CONSUMER, Environment.of(TENANT_B), Overrides.none());
        assertThat(dsl.configFile()).isEqualTo(CONSUMER.resolve(DSL));
        assertThat(dsl.model()).isEqualTo(new ModelSource.ModelClass(TenantModel.class.getName()));
        Settings jpa = SettingsLoader.load(CONSUMER, Environment.of(TENANT_B), new Overrides(Path.of(JPA), null, null));
        assertThat(jpa.model()).isEqualTo(new ModelSource.JpaPackage("dev.retort.examples.models.jpa", ModelSource.Naming.JPA));
        for (Settings settings : List.of(dsl, jpa)) {
            assertThat(settings.classpath()).as("Maven's, from the pom beside the file").isNull();
            assertThat(settings.migrations()).isEqualTo(CONSUMER.resolve("migrations"));
            assertThat(settings.schema()).isEqualTo("tenant_b");
        }
    }

    @Test
    void bothLoadAndBindToTheSameModel() throws IOException {
        copyWithClasspath(DSL);
        copyWithClasspath(JPA);
        MetaData dsl = boundModel(DSL);
        MetaData jpa = boundModel(JPA);
        assertThat(dsl.tables()).containsOnlyKeys("tenant_b.test", "tenant_b.child");
        assertThat(jpa.tables()).isEqualTo(dsl.tables());
        assertThat(jpa.sequences()).isEqualTo(dsl.sequences());
        assertThat(jpa.enums()).isEqualTo(dsl.enums());
        assertThat(dsl.tables()).isEqualTo(Models.metadata().withSchema("tenant_b").tables());
    }

    @Test
    void configLoadModelListsTheSameTablesForBoth() throws IOException {
        copyWithClasspath(DSL);
        copyWithClasspath(JPA);
        CliRun dsl = CliRun.in(work, TENANT_B, "config", "--load-model");
        CliRun jpa = CliRun.in(work, TENANT_B, "--config", JPA, "config", "--load-model");
        assertThat(dsl.exitCode()).as(dsl.err()).isEqualTo(ExitCode.OK);
        assertThat(jpa.exitCode()).as(jpa.err()).isEqualTo(ExitCode.OK);
        // each in its model's order: the DSL's definition order, the entities' class-name order
        assertThat(last(dsl)).isEqualTo("model dev.retort.examples.consumer.TenantModel (ModelProvider): 2 tables: tenant_b.test, tenant_b.child");
        assertThat(last(jpa)).isEqualTo("model dev.retort.examples.models.jpa (JPA entities, naming jpa): 2 tables: tenant_b.child, tenant_b.test");
        assertThat(jpa.outLines()).anySatisfy(line -> assertThat(line).matches(
                "model +JPA entities in dev\\.retort\\.examples\\.models\\.jpa \\(naming jpa\\) +\\(retort-jpa\\.yaml:\\d+\\)"));
    }

    private MetaData boundModel(String file) {
        Settings settings = SettingsLoader.load(work, Environment.of(TENANT_B), new Overrides(Path.of(file), null, null));
        return LOADER.load(settings.modelRequest()).metadata().withSchema(settings.schema());
    }

    /** The consumer's file, as written, with the examples' compiled classes as its classpath. */
    private void copyWithClasspath(String file) throws IOException {
        String classpath = "classpath: ['" + Path.of(JavaSources.codeSource(TenantModel.class)) + "', '"
                + Path.of(JavaSources.codeSource(Models.class)) + "']\n";
        Files.writeString(work.resolve(file), Files.readString(CONSUMER.resolve(file)) + classpath);
    }

    private static String last(CliRun run) {
        return run.outLines().get(run.outLines().size() - 1);
    }
}
