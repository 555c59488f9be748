package dev.retort.cli.config;

import dev.retort.loader.LoadedModel;
import dev.retort.loader.ModelLoadException;
import dev.retort.loader.ModelLoader;
import dev.retort.MetaData;
import dev.retort.examples.models.Models;
import dev.retort.examples.models.jpa.TestEntity;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code model: {jpa: PACKAGE}} on an explicit classpath: the example models' compiled entities, and
 * entities compiled here; no Maven.
 */
class JpaModelLoaderTest {
    @TempDir
    static Path project;
    static Path classes;

    /** Where the example models' classes are: their target/classes, or their jar in a packaging build. */
    static final Path EXAMPLE_MODELS = Path.of(JavaSources.codeSource(TestEntity.class));
    /** The jakarta.persistence API jar, which a Maven project's runtime classpath holds too. */
    static final Path PERSISTENCE_API = Path.of(JavaSources.codeSource(Entity.class));
    /** The Bean Validation API jar, which a project that validates its entities has on its classpath. */
    static final Path VALIDATION_API = Path.of(JavaSources.codeSource(jakarta.validation.constraints.NotNull.class));

    private static final ModelLoader LOADER = new ModelLoader((maven, arguments, log) -> {
        throw new AssertionError("no Maven here");
    }, line -> { });

    @BeforeAll
    static void compileTheUsersEntities() throws IOException {
        classes = JavaSources.compile(project.resolve("build/classes"), Map.of(
                "app.entities.BookAuthor", """
                        package app.entities;
                        @jakarta.persistence.Entity
                        public class BookAuthor {
                            @jakarta.persistence.Id Long id;
                            String firstName;
                        }""",
                "app.entities.more.Genre", """
                        package app.entities.more;
                        @jakarta.persistence.Entity
                        public class Genre {
                            @jakarta.persistence.Id Long id;
                        }""",
                "app.validated.Pet", """
                        package app.validated;
                        @jakarta.persistence.Entity
                        public class Pet {
                            @jakarta.persistence.Id Long id;
                            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 30) String name;
                        }""",
                "app.plain.NotAnEntity", "package app.plain;\npublic class NotAnEntity { }",
                "app.broken.Bad", """
                        package app.broken;
                        @jakarta.persistence.Entity
                        @jakarta.persistence.Table(catalog = "other")
                        public class Bad {
                            @jakarta.persistence.Id Long id;
                        }"""));
    }

    private static Settings settings(String yaml) throws IOException {
        Files.writeString(project.resolve("retort.yaml"), yaml);
        return SettingsLoader.load(project, Environment.of(Map.of()), Overrides.none());
    }

    private static String classpath(Path... entries) {
        return "classpath: [" + String.join(", ", List.of(entries).stream().map(p -> "'" + p + "'").toList()) + "]\n";
    }

    @Test
    void theExampleEntitiesAreSchemaAgnosticAndBindToTheDslModel() throws IOException {
        LoadedModel model = LOADER.load(settings("model: {jpa: dev.retort.examples.models.jpa}\n" + classpath(EXAMPLE_MODELS)).modelRequest());
        assertThat(model.className()).isEqualTo("dev.retort.examples.models.jpa");
        assertThat(model.via()).isEqualTo("JPA entities, naming jpa");
        assertThat(model.classpath()).containsExactly(EXAMPLE_MODELS);

        MetaData entities = model.metadata();
        assertThat(entities.tables()).containsOnlyKeys("test", "child");
        assertThat(entities.tables().values()).allSatisfy(t -> assertThat(t.schema()).isNull());
        assertThat(model.metadata()).as("read afresh per call").isNotSameAs(entities);

        // Bound as a command binds it, the model is the DSL's, bound the same way.
        MetaData bound = entities.withSchema("tenant_b");
        MetaData dsl = Models.metadata().withSchema("tenant_b");
        assertThat(bound.tables()).containsOnlyKeys("tenant_b.test", "tenant_b.child").isEqualTo(dsl.tables());
        assertThat(bound.sequences()).isEqualTo(dsl.sequences());
        assertThat(bound.enums()).isEqualTo(dsl.enums());
    }

    @Test
    void theNamingStrategyIsTheOneConfigured() throws IOException {
        MetaData jpa = LOADER.load(settings("model: {jpa: app.entities}\n" + classpath(classes)).modelRequest()).metadata();
        // the package's subpackages are read too
        assertThat(jpa.tables()).containsOnlyKeys("bookauthor", "genre");
        assertThat(jpa.get("bookauthor").columns()).extracting(c -> c.name()).containsExactly("id", "firstname");

        LoadedModel snake = LOADER.load(settings("model:\n  jpa: app.entities\n  naming: snake_case\n" + classpath(classes)).modelRequest());
        assertThat(snake.via()).isEqualTo("JPA entities, naming snake_case");
        assertThat(snake.metadata().tables()).containsOnlyKeys("book_author", "genre");
        assertThat(snake.metadata().get("book_author").columns()).extracting(c -> c.name()).containsExactly("id", "first_name");
    }

    @Test
    void beanValidationShapesColumnsUnlessTheConfigurationSaysNone() throws IOException {
        LoadedModel validated = LOADER.load(settings("model: {jpa: app.validated}\n" + classpath(classes, VALIDATION_API)).modelRequest());
        assertThat(validated.via()).isEqualTo("JPA entities, naming jpa");
        dev.retort.Column name = validated.metadata().get("pet").column("name").orElseThrow();
        assertThat(name.nullable()).isFalse();
        assertThat(name.type()).isEqualTo(dev.retort.Types.varchar(30));

        LoadedModel none = LOADER.load(settings("model: {jpa: app.validated, validation: none}\n" + classpath(classes, VALIDATION_API))
                .modelRequest());
        assertThat(none.via()).isEqualTo("JPA entities, naming jpa, validation none");
        dev.retort.Column plain = none.metadata().get("pet").column("name").orElseThrow();
        assertThat(plain.nullable()).isTrue();
        assertThat(plain.type()).isEqualTo(dev.retort.Types.varchar(255));
    }

    @Test
    void theEntitiesAreFoundWhenTheProjectsClasspathHasItsOwnPersistenceApi() throws IOException {
        // As Maven's classpath would give it: the API jar beside the entities.
        LoadedModel model = LOADER.load(settings("model: {jpa: dev.retort.examples.models.jpa}\n"
                + classpath(EXAMPLE_MODELS, PERSISTENCE_API)).modelRequest());
        assertThat(model.metadata().tables()).containsOnlyKeys("test", "child");
    }

    @Test
    void aModelClassThatReadsItsEntitiesItselfServesToo() throws IOException {
        LoadedModel model = LOADER.load(settings("model: {class: dev.retort.examples.models.jpa.JpaModels}\n"
                + classpath(EXAMPLE_MODELS, PERSISTENCE_API)).modelRequest());
        assertThat(model.via()).isEqualTo("metadata()");
        assertThat(model.metadata().tables()).isEqualTo(Models.metadata().tables());
    }

    @Test
    void aPackageWithoutEntitiesIsOneLineNamingThePackageAndTheClasspath() throws IOException {
        Settings missing = settings("\nmodel: {jpa: app.nowhere}\n" + classpath(classes));
        assertThatThrownBy(() -> LOADER.load(missing.modelRequest())).isInstanceOf(ModelLoadException.class)
                .hasMessage("retort.yaml:2: model package app.nowhere has no JPA entities on the classpath (build/classes)");
        Settings plain = settings("model: {jpa: app.plain}\n" + classpath(classes));
        assertThatThrownBy(() -> LOADER.load(plain.modelRequest())).isInstanceOf(ModelLoadException.class)
                .hasMessage("retort.yaml:1: model package app.plain has no JPA entities on the classpath (build/classes):"
                        + " 1 class there, none annotated @Entity");
        Settings noClasspath = settings("model: {jpa: app.entities}\n");
        assertThatThrownBy(() -> LOADER.load(noClasspath.modelRequest())).isInstanceOf(ModelLoadException.class)
                .hasMessage("retort.yaml:1: model package app.entities has no JPA entities: there is no classpath to search"
                        + " (give classpath: in retort.yaml, or keep retort.yaml beside the model's pom.xml)");
    }

    @Test
    void aMappingRetortCannotReadIsReportedWithTheClass() throws IOException {
        LoadedModel model = LOADER.load(settings("model: {jpa: app.broken}\n" + classpath(classes)).modelRequest());
        assertThatThrownBy(model::metadata).isInstanceOf(ModelLoadException.class)
                .hasMessage("model app.broken failed: app.broken.Bad: @Table(catalog) is not supported; use schema (JpaMappingException)");
    }
}
