package dev.retort.cli.config;

import dev.retort.loader.ModelSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsLoaderTest {
    @TempDir
    Path work;

    private static final Environment NO_VARIABLES = Environment.of(Map.of());

    private Path write(String relative, String text) throws IOException {
        Path file = work.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Settings load(Environment environment, Overrides overrides) {
        return SettingsLoader.load(work, environment, overrides);
    }

    @Test
    void withoutAFileEverythingIsDefault() {
        Settings settings = load(NO_VARIABLES, Overrides.none());
        assertThat(settings.configFile()).isNull();
        assertThat(settings.baseDirectory()).isEqualTo(work.toAbsolutePath().normalize());
        assertThat(settings.embedded()).isTrue();
        assertThat(settings.url()).isNull();
        assertThat(settings.user()).isNull();
        assertThat(settings.password()).isNull();
        assertThat(settings.migrations()).isEqualTo(settings.baseDirectory().resolve("migrations"));
        assertThat(settings.model()).isNull();
        assertThat(settings.classpath()).isNull();
        assertThat(settings.versionTable()).isEqualTo("retort_version");
        assertThat(settings.schema()).isNull();
        assertThat(settings.tenants()).isNull();
        assertThat(settings.stateDirectory()).isEqualTo(settings.baseDirectory().resolve(".retort"));
        for (Key key : Key.values()) {
            assertThat(settings.source(key)).as(key.yamlName()).isEqualTo(Source.byDefault());
        }
    }

    @Test
    void readsRetortYamlFromTheWorkingDirectory() throws IOException {
        write("retort.yaml", RetortYamlTest.EVERY_KEY);
        Settings settings = load(NO_VARIABLES, Overrides.none());
        Path base = work.toAbsolutePath().normalize();
        assertThat(settings.configFile()).isEqualTo(base.resolve("retort.yaml"));
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password().reveal()).isEqualTo("s3cret-pw");
        assertThat(settings.migrations()).isEqualTo(base.resolve("db/migrations"));
        assertThat(settings.model()).isEqualTo(new ModelSource.ModelClass("com.example.db.TenantModel"));
        assertThat(settings.classpath()).containsExactly(base.resolve("target/classes"), base.resolve("lib/*"));
        assertThat(settings.versionTable()).isEqualTo("schema_history");
        assertThat(settings.schema()).isEqualTo("tenant_x");
        assertThat(settings.tenants().tenants()).isEqualTo(new TenantSet.Pattern("tenant_*"));
        assertThat(settings.source(Key.MODEL)).isEqualTo(Source.file("retort.yaml", 5));
        assertThat(settings.source(Key.SCHEMA).describe()).isEqualTo("retort.yaml:10");
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesDirectory() throws IOException {
        write("app/conf/retort.yaml", "migrations: ../db/revisions\nclasspath: [classes, ../lib/x.jar]\n");
        Settings settings = load(NO_VARIABLES, new Overrides(Path.of("app/conf/retort.yaml"), null, null));
        Path conf = work.resolve("app/conf").toAbsolutePath().normalize();
        assertThat(settings.baseDirectory()).isEqualTo(conf);
        assertThat(settings.migrations()).isEqualTo(work.resolve("app/db/revisions").toAbsolutePath().normalize());
        assertThat(settings.classpath()).containsExactly(conf.resolve("classes"), work.resolve("app/lib/x.jar").toAbsolutePath().normalize());
        assertThat(settings.stateDirectory()).isEqualTo(conf.resolve(".retort"));
        assertThat(settings.source(Key.MIGRATIONS).describe()).isEqualTo("app/conf/retort.yaml:1");
        // The default migrations directory is beside the file too, wherever Retort was started.
        write("other/retort.yaml", "model: a.B\n");
        assertThat(load(NO_VARIABLES, new Overrides(Path.of("other/retort.yaml"), null, null)).migrations())
                .isEqualTo(work.resolve("other/migrations").toAbsolutePath().normalize());
    }

    @Test
    void configOptionWinsOverTheWorkingDirectorysFile() throws IOException {
        write("retort.yaml", "model: here.Model\n");
        write("elsewhere.yaml", "model: there.Model\n");
        assertThat(load(NO_VARIABLES, Overrides.none()).model()).hasToString("here.Model");
        assertThat(load(NO_VARIABLES, new Overrides(Path.of("elsewhere.yaml"), null, null)).model()).hasToString("there.Model");
    }

    @Test
    void anOptionBeatsTheEnvironmentWhichBeatsTheFile() throws IOException {
        write("retort.yaml", "url: jdbc:postgresql://file/db\nschema: from_file\npassword: file-pw\n");
        Environment environment = Environment.of(Map.of(
                "RETORT_URL", "jdbc:postgresql://env/db", "TARGET_SCHEMA", "from_env", "RETORT_PASSWORD", "env-pw"));

        Settings fileOnly = load(NO_VARIABLES, Overrides.none());
        assertThat(fileOnly.url()).isEqualTo("jdbc:postgresql://file/db");
        assertThat(fileOnly.schema()).isEqualTo("from_file");
        assertThat(fileOnly.password().reveal()).isEqualTo("file-pw");

        Settings withEnvironment = load(environment, Overrides.none());
        assertThat(withEnvironment.url()).isEqualTo("jdbc:postgresql://env/db");
        assertThat(withEnvironment.schema()).isEqualTo("from_env");
        assertThat(withEnvironment.password().reveal()).isEqualTo("env-pw");
        assertThat(withEnvironment.source(Key.URL)).isEqualTo(Source.environment("RETORT_URL"));
        assertThat(withEnvironment.source(Key.SCHEMA).describe()).isEqualTo("env TARGET_SCHEMA");
        assertThat(withEnvironment.source(Key.PASSWORD).describe()).isEqualTo("env RETORT_PASSWORD");

        Settings withOptions = load(environment, new Overrides(null, "jdbc:postgresql://option/db", "from_option"));
        assertThat(withOptions.url()).isEqualTo("jdbc:postgresql://option/db");
        assertThat(withOptions.schema()).isEqualTo("from_option");
        assertThat(withOptions.source(Key.URL).describe()).isEqualTo("option --url");
        assertThat(withOptions.source(Key.SCHEMA).describe()).isEqualTo("option --schema");
    }

    @Test
    void theEnvironmentOverridesDefaultsToo() {
        Settings settings = load(Environment.of(Map.of("TARGET_SCHEMA", " tenant_b ")), Overrides.none());
        assertThat(settings.schema()).isEqualTo("tenant_b");
        assertThat(settings.embedded()).isTrue();
    }

    @Test
    void aBlankVariableOverridesNothing() throws IOException {
        write("retort.yaml", "url: jdbc:postgresql://file/db\nschema: from_file\n");
        Settings settings = load(Environment.of(Map.of("RETORT_URL", "", "TARGET_SCHEMA", "  ", "RETORT_PASSWORD", "")), Overrides.none());
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://file/db");
        assertThat(settings.schema()).isEqualTo("from_file");
        assertThat(settings.password()).isNull();
    }

    @Test
    void aMissingConfigFileIsAnErrorWhenNamed() throws IOException {
        assertThatThrownBy(() -> load(NO_VARIABLES, new Overrides(Path.of("nope.yaml"), null, null)))
                .isInstanceOf(ConfigException.class).hasMessage("option --config: no such file: nope.yaml");
        Files.createDirectories(work.resolve("dir"));
        assertThatThrownBy(() -> load(NO_VARIABLES, new Overrides(Path.of("dir"), null, null)))
                .isInstanceOf(ConfigException.class).hasMessage("option --config: dir is a directory, not a file");
    }

    @Test
    void badValuesAreReportedWithTheirSource() throws IOException {
        write("retort.yaml", "# settings\nurl: postgres://h/d\n");
        assertThatThrownBy(() -> load(NO_VARIABLES, Overrides.none())).isInstanceOf(ConfigException.class)
                .hasMessage("retort.yaml:2: url is not a JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE): 'postgres://h/d'");
        // The environment's URL overrides the bad one, and is checked in its turn.
        assertThat(load(Environment.of(Map.of("RETORT_URL", "jdbc:postgresql://ok/db")), Overrides.none()).url())
                .isEqualTo("jdbc:postgresql://ok/db");
        assertThatThrownBy(() -> load(Environment.of(Map.of("RETORT_URL", "localhost:5432")), Overrides.none()))
                .hasMessageStartingWith("env RETORT_URL: url is not a JDBC URL");

        write("retort.yaml", "schema: ''\n");
        assertThatThrownBy(() -> load(NO_VARIABLES, Overrides.none())).hasMessage("retort.yaml:1: schema name is empty");
        write("retort.yaml", "\nversion_table: " + "v".repeat(64) + "\n");
        assertThatThrownBy(() -> load(NO_VARIABLES, Overrides.none()))
                .hasMessageStartingWith("retort.yaml:2: version_table name 'vvvv").hasMessageEndingWith("is 64 bytes long; the limit is 63");
        write("retort.yaml", "model: com.example.db/TenantModel.java\n");
        assertThatThrownBy(() -> load(NO_VARIABLES, Overrides.none())).hasMessage(
                "retort.yaml:1: model must be a Java class name such as com.example.db.TenantModel, not 'com.example.db/TenantModel.java'");
        write("retort.yaml", "migrations: m\n");
        assertThatThrownBy(() -> load(Environment.of(Map.of("TARGET_SCHEMA", "x".repeat(70))), Overrides.none()))
                .hasMessageStartingWith("env TARGET_SCHEMA: schema name");
    }

    @Test
    void requireModelSaysWhereToConfigureIt() throws IOException {
        assertThatThrownBy(() -> load(NO_VARIABLES, Overrides.none()).requireModel()).isInstanceOf(ConfigException.class)
                .hasMessage("no retort.yaml in " + work.toAbsolutePath().normalize()
                        + ": run 'retort init' to write one, then set model: to the class that provides the model");
        write("retort.yaml", "migrations: m\n");
        assertThatThrownBy(() -> load(NO_VARIABLES, Overrides.none()).requireModel())
                .hasMessage("retort.yaml: no model: set model: to the class that provides the model (a dev.retort.ModelProvider),"
                        + " or to {jpa: PACKAGE} to read the JPA entities of a package");
        write("retort.yaml", "model: a.b.C\n");
        assertThat(load(NO_VARIABLES, Overrides.none()).requireModel()).isEqualTo(new ModelSource.ModelClass("a.b.C"));
    }

    @Test
    void settingsNeverPrintAPassword() throws IOException {
        write("retort.yaml", "url: jdbc:postgresql://h/d?password=url-secret&ssl=true\npassword: file-secret\n");
        Settings settings = load(NO_VARIABLES, Overrides.none());
        assertThat(settings.toString()).doesNotContain("url-secret", "file-secret").contains(Secret.MASK);
        assertThat(settings.displayUrl()).isEqualTo("jdbc:postgresql://h/d?password=****&ssl=true");
        assertThat(settings.password().toString()).isEqualTo(Secret.MASK);
        assertThat(String.valueOf(List.of(settings.password()))).doesNotContain("file-secret");
        Settings fromEnv = load(Environment.of(Map.of("RETORT_PASSWORD", "env-secret")), new Overrides(null, null, null));
        assertThat(fromEnv.toString()).doesNotContain("env-secret");
        assertThat(new Overrides(null, "jdbc:postgresql://u:opt-secret@h/d", null).toString()).doesNotContain("opt-secret");
    }

    @Test
    void urlsAreMaskedWhereverAPasswordHides() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://h/d?user=a&password=x&ssl=1")).isEqualTo("jdbc:postgresql://h/d?user=a&password=****&ssl=1");
        assertThat(JdbcUrls.mask("jdbc:postgresql://h/d?PASSWORD=x")).isEqualTo("jdbc:postgresql://h/d?PASSWORD=****");
        assertThat(JdbcUrls.mask("jdbc:sqlserver://h;user=a;password=x;db=d")).isEqualTo("jdbc:sqlserver://h;user=a;password=****;db=d");
        assertThat(JdbcUrls.mask("jdbc:mysql://a:pw@h:3306/d")).isEqualTo("jdbc:mysql://a:****@h:3306/d");
        assertThat(JdbcUrls.mask("jdbc:postgresql://h:5432/d")).isEqualTo("jdbc:postgresql://h:5432/d");
    }
}
