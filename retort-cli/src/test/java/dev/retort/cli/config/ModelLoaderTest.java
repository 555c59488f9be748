package dev.retort.cli.config;

import dev.retort.loader.LoadedModel;
import dev.retort.loader.ModelLoadException;
import dev.retort.loader.ModelLoader;
import dev.retort.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model loader on an explicit classpath of classes compiled here; no Maven. */
class ModelLoaderTest {
    @TempDir
    static Path project;
    static Path classes;

    private static final String TABLE = "dev.retort.Dsl.column(\"id\", dev.retort.Types.INTEGER).primaryKey()";

    @BeforeAll
    static void compileTheUsersClasses() throws IOException {
        classes = JavaSources.compile(project.resolve("build/classes"), Map.of(
                "app.db.Provider", """
                        package app.db;
                        public class Provider implements dev.retort.ModelProvider {
                            public dev.retort.MetaData metadata() {
                                dev.retort.MetaData m = new dev.retort.MetaData();
                                m.table("provided", %s);
                                return m;
                            }
                        }""".formatted(TABLE),
                "app.db.StaticMethod", """
                        package app.db;
                        public final class StaticMethod {
                            public static dev.retort.MetaData metadata() {
                                dev.retort.MetaData m = new dev.retort.MetaData();
                                m.table("from_method", %s);
                                return m;
                            }
                        }""".formatted(TABLE),
                "app.db.Field", """
                        package app.db;
                        public final class Field {
                            public static final dev.retort.MetaData METADATA = new dev.retort.MetaData();
                            static { METADATA.table("from_field", %s); }
                        }""".formatted(TABLE),
                "app.db.Nested", """
                        package app.db;
                        public final class Nested {
                            public static final class Model {
                                public static dev.retort.MetaData metadata() { return app.db.StaticMethod.metadata(); }
                            }
                        }""",
                "app.db.Nothing", "package app.db;\npublic final class Nothing { public static String metadata() { return \"no\"; } }",
                "app.db.Hidden", "package app.db;\nclass Hidden implements dev.retort.ModelProvider { public dev.retort.MetaData metadata() { return null; } }",
                "app.db.NoConstructor", """
                        package app.db;
                        public class NoConstructor implements dev.retort.ModelProvider {
                            public NoConstructor(String schema) { }
                            public dev.retort.MetaData metadata() { return null; }
                        }""",
                "app.db.Throwing", """
                        package app.db;
                        public class Throwing implements dev.retort.ModelProvider {
                            public dev.retort.MetaData metadata() {
                                throw new IllegalStateException("TENANT_DB is not set");
                            }
                        }""",
                "app.db.Null", """
                        package app.db;
                        public class Null implements dev.retort.ModelProvider {
                            public dev.retort.MetaData metadata() { return null; }
                        }""",
                "app.db.BrokenStatic", """
                        package app.db;
                        public final class BrokenStatic {
                            public static final dev.retort.MetaData METADATA = make();
                            static dev.retort.MetaData make() { throw new IllegalArgumentException("table x: no columns"); }
                        }"""));
    }

    /** Settings with the given retort.yaml in the project directory. */
    private static Settings settings(String yaml) throws IOException {
        Files.writeString(project.resolve("retort.yaml"), yaml);
        return SettingsLoader.load(project, Environment.of(Map.of()), Overrides.none());
    }

    private static final ModelLoader LOADER = new ModelLoader((maven, arguments, log) -> {
        throw new AssertionError("no Maven here");
    }, line -> { });

    private static MetaData load(String className) throws IOException {
        return LOADER.load(settings("model: " + className + "\nclasspath: [build/classes]\n").modelRequest()).metadata();
    }

    @Test
    void aModelProviderIsInstantiatedAndAsked() throws IOException {
        LoadedModel model = LOADER.load(settings("model: app.db.Provider\nclasspath: [build/classes]\n").modelRequest());
        assertThat(model.via()).isEqualTo("ModelProvider");
        assertThat(model.classpath()).containsExactly(classes);
        assertThat(model.metadata().tables()).containsOnlyKeys("provided");
        assertThat(model.metadata()).as("a fresh model per call").isNotSameAs(model.metadata());
    }

    @Test
    void aStaticMetadataMethodOrFieldServesToo() throws IOException {
        assertThat(load("app.db.StaticMethod").tables()).containsOnlyKeys("from_method");
        assertThat(load("app.db.Field").tables()).containsOnlyKeys("from_field");
        assertThat(load("app.db.Nested.Model").tables()).containsOnlyKeys("from_method");
    }

    @Test
    void retortsApiIsSharedAndTheRestComesFromTheUsersClasspath() throws IOException {
        LoadedModel model = LOADER.load(settings("model: app.db.Provider\nclasspath: [build/classes]\n").modelRequest());
        // The same MetaData class as Retort's: the model could not be handed over otherwise.
        assertThat(model.metadata()).isInstanceOf(MetaData.class);
        // A class Retort's own classpath also has (the example model) comes from the user's classpath when there.
        Path shadow = JavaSources.compile(project.resolve("shadow"), Map.of("dev.retort.examples.models.Models", """
                package dev.retort.examples.models;
                public final class Models {
                    public static dev.retort.MetaData metadata() {
                        dev.retort.MetaData m = new dev.retort.MetaData();
                        m.table("users_version", %s);
                        return m;
                    }
                }""".formatted(TABLE)));
        MetaData users = LOADER.load(settings("model: dev.retort.examples.models.Models\nclasspath: [shadow]\n").modelRequest()).metadata();
        assertThat(users.tables()).containsOnlyKeys("users_version");
        assertThat(shadow).isDirectory();
    }

    @Test
    void jarsInADirectoryAreTheClasspathOfDirStar() throws IOException {
        Path lib = Files.createDirectories(project.resolve("lib"));
        try (OutputStream file = Files.newOutputStream(lib.resolve("model.jar"));
             JarOutputStream jar = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            for (Path f : files) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        LoadedModel model = LOADER.load(settings("model: app.db.Field\nclasspath: ['lib/*']\n").modelRequest());
        assertThat(model.classpath()).containsExactly(lib.resolve("model.jar"));
        assertThat(model.metadata().tables()).containsOnlyKeys("from_field");
    }

    @Test
    void aMissingClassIsReportedWithTheClasspathSearched() throws IOException {
        Settings settings = settings("\nmodel: app.Provider\nclasspath: [build/classes]\n");
        assertThatThrownBy(() -> LOADER.load(settings.modelRequest())).isInstanceOf(ModelLoadException.class)
                .hasMessage("retort.yaml:2: model class app.Provider not found on the classpath (build/classes);"
                        + " did you mean app.db.Provider?");
        Settings unlike = settings("model: app.db.Nowhere\nclasspath: [build/classes]\n");
        assertThatThrownBy(() -> LOADER.load(unlike.modelRequest()))
                .hasMessage("retort.yaml:1: model class app.db.Nowhere not found on the classpath (build/classes)");
    }

    @Test
    void aLongClasspathIsShortenedInTheMessage() throws IOException {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Files.createDirectories(project.resolve("c" + i));
            entries.add("c" + i);
        }
        Settings settings = settings("model: app.db.Nowhere\nclasspath: [" + String.join(", ", entries) + "]\n");
        assertThatThrownBy(() -> LOADER.load(settings.modelRequest()))
                .hasMessage("retort.yaml:1: model class app.db.Nowhere not found on the classpath (c0, c1, c2, c3, c4, c5 and 3 more)");
    }

    @Test
    void withoutAClasspathTheMessageSaysHowToGiveOne() throws IOException {
        Settings settings = settings("model: app.db.Provider\n");
        assertThatThrownBy(() -> LOADER.load(settings.modelRequest())).isInstanceOf(ModelLoadException.class)
                .hasMessage("retort.yaml:1: model class app.db.Provider not found: there is no classpath to search"
                        + " (give classpath: in retort.yaml, or keep retort.yaml beside the model's pom.xml)");
    }

    @Test
    void aMissingClasspathEntryIsReportedWithItsLine() throws IOException {
        Settings settings = settings("model: app.db.Provider\nclasspath:\n  - build/classes\n  - build/missing.jar\n");
        assertThatThrownBy(() -> LOADER.load(settings.modelRequest())).isInstanceOf(ModelLoadException.class)
                .hasMessage("retort.yaml:2: classpath entry build/missing.jar does not exist");
        Settings noDir = settings("model: app.db.Provider\nclasspath: ['nolib/*']\n");
        assertThatThrownBy(() -> LOADER.load(noDir.modelRequest())).hasMessage("retort.yaml:2: classpath entry nolib/*: no such directory");
    }

    @Test
    void aClassThatGivesNoModelIsToldTheThreeWays() {
        assertThatThrownBy(() -> load("app.db.Nothing")).isInstanceOf(ModelLoadException.class)
                .hasMessage("model class app.db.Nothing provides no model: implement dev.retort.ModelProvider,"
                        + " or add a public static MetaData metadata() method or a public static final MetaData METADATA field");
        assertThatThrownBy(() -> load("app.db.Hidden")).hasMessage("model class app.db.Hidden is not public");
        assertThatThrownBy(() -> load("app.db.NoConstructor"))
                .hasMessage("model class app.db.NoConstructor implements ModelProvider but has no public no-argument constructor");
    }

    @Test
    void theModelsOwnFailureIsReportedWithItsMessage() {
        assertThatThrownBy(() -> load("app.db.Throwing")).isInstanceOf(ModelLoadException.class)
                .hasMessage("model app.db.Throwing failed: TENANT_DB is not set (IllegalStateException)");
        assertThatThrownBy(() -> load("app.db.BrokenStatic"))
                .hasMessage("model app.db.BrokenStatic failed: table x: no columns (IllegalArgumentException)");
        assertThatThrownBy(() -> load("app.db.Null"))
                .hasMessage("model app.db.Null returned no MetaData (null) from ModelProvider");
    }

    @Test
    void noModelConfiguredIsAConfigurationError() throws IOException {
        Settings settings = settings("classpath: [build/classes]\n");
        assertThatThrownBy(() -> LOADER.load(settings.modelRequest())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no model: set model:");
    }
}
