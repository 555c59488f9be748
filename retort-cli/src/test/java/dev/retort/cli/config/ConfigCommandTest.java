package dev.retort.cli.config;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCommandTest {
    @TempDir
    Path work;

    @BeforeEach
    void classes() throws IOException {
        JavaSources.compile(work.resolve("classes"), Map.of("app.Model", """
                package app;
                public final class Model {
                    public static dev.retort.MetaData metadata() {
                        dev.retort.MetaData m = new dev.retort.MetaData();
                        m.table("accounts", dev.retort.Dsl.column("id", dev.retort.Types.INTEGER).primaryKey());
                        return m;
                    }
                }"""));
    }

    private void config(String text) throws IOException {
        Files.writeString(work.resolve("retort.yaml"), text);
    }

    /** The line of a setting, its spaces squeezed. */
    private static String line(CliRun run, String key) {
        return run.outLines().stream().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow().replaceAll(" {2,}", "  ");
    }

    @Test
    void showsEachSettingWithItsSource() throws IOException {
        config("url: jdbc:postgresql://db/app\nuser: app\nmodel: app.Model\nclasspath: [classes]\n");
        CliRun run = CliRun.in(work, Map.of("TARGET_SCHEMA", "tenant_b"), "config");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        assertThat(line(run, "config file")).isEqualTo("config file  retort.yaml");
        assertThat(line(run, "url")).isEqualTo("url  jdbc:postgresql://db/app  (retort.yaml:1)");
        assertThat(line(run, "user")).isEqualTo("user  app  (retort.yaml:2)");
        assertThat(line(run, "password")).isEqualTo("password  (not set)  (default)");
        assertThat(line(run, "migrations")).isEqualTo("migrations  migrations (does not exist yet)  (default)");
        assertThat(line(run, "model")).isEqualTo("model  app.Model  (retort.yaml:3)");
        assertThat(line(run, "classpath")).isEqualTo("classpath  classes  (retort.yaml:4)");
        assertThat(line(run, "version_table")).isEqualTo("version_table  retort_version  (default)");
        assertThat(line(run, "schema")).isEqualTo("schema  tenant_b  (env TARGET_SCHEMA)");
        assertThat(line(run, "tenants")).isEqualTo("tenants  (not set)  (default)");
        assertThat(run.outLines()).hasSize(1 + Key.values().length);
    }

    @Test
    void optionsOverrideTheEnvironmentWhereverTheyAreGiven() throws IOException {
        config("schema: from_file\n");
        Map<String, String> environment = Map.of("RETORT_URL", "jdbc:postgresql://env/db", "TARGET_SCHEMA", "from_env");
        CliRun after = CliRun.in(work, environment, "config", "--url", "jdbc:postgresql://opt/db", "--schema", "from_option");
        assertThat(line(after, "url")).isEqualTo("url  jdbc:postgresql://opt/db  (option --url)");
        assertThat(line(after, "schema")).isEqualTo("schema  from_option  (option --schema)");
        CliRun before = CliRun.in(work, environment, "--url", "jdbc:postgresql://opt/db", "config");
        assertThat(line(before, "url")).isEqualTo("url  jdbc:postgresql://opt/db  (option --url)");
        assertThat(line(before, "schema")).isEqualTo("schema  from_env  (env TARGET_SCHEMA)");
    }

    @Test
    void withoutAFileItSaysSoAndShowsTheDefaults() {
        CliRun run = CliRun.in(work, Map.of(), "config");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(line(run, "config file")).isEqualTo("config file  (none: no retort.yaml in " + work.toAbsolutePath().normalize() + ")");
        assertThat(line(run, "url")).isEqualTo("url  embedded PostgreSQL in .retort  (default)");
        assertThat(line(run, "classpath")).isEqualTo("classpath  (not set)  (default)");
    }

    @Test
    void aPomBesideTheFileMeansMavensClasspath() throws IOException {
        config("model: app.Model\n");
        Files.writeString(work.resolve("pom.xml"), "<project/>");
        assertThat(line(CliRun.in(work, Map.of(), "config"), "classpath")).isEqualTo("classpath  from Maven (pom.xml)  (default)");
    }

    @Test
    void passwordsArePrintedNowhere() throws IOException {
        config("url: jdbc:postgresql://db/app?password=in-the-url\npassword: in-the-file\n"
                + "tenants:\n  list: [a]\n  shards:\n    - url: jdbc:postgresql://db2/app?password=in-a-shard\n");
        CliRun fromFile = CliRun.in(work, Map.of(), "config");
        assertThat(fromFile.out() + fromFile.err()).doesNotContain("in-the-url", "in-the-file", "in-a-shard");
        assertThat(line(fromFile, "password")).isEqualTo("password  ****  (retort.yaml:2)");
        assertThat(line(fromFile, "url")).isEqualTo("url  jdbc:postgresql://db/app?password=****  (retort.yaml:1)");
        assertThat(line(fromFile, "tenants")).isEqualTo("tenants  list [a]; shards: jdbc:postgresql://db2/app?password=****  (retort.yaml:3)");

        CliRun fromEnvironment = CliRun.in(work, Map.of("RETORT_PASSWORD", "in-the-env"), "config",
                "--url", "jdbc:postgresql://db/app?password=in-an-option");
        assertThat(fromEnvironment.out() + fromEnvironment.err()).doesNotContain("in-the-env", "in-an-option");
        assertThat(line(fromEnvironment, "password")).isEqualTo("password  ****  (env RETORT_PASSWORD)");

        CliRun badOption = CliRun.in(work, Map.of(), "config", "--url", "postgres://u:in-a-bad-url@h/d");
        assertThat(badOption.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badOption.err()).doesNotContain("in-a-bad-url").contains("****");

        config("url: postgres://h/d?password=in-a-bad-file-url\n");
        CliRun badFile = CliRun.in(work, Map.of(), "config");
        assertThat(badFile.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(badFile.err()).doesNotContain("in-a-bad-file-url");
    }

    @Test
    void loadModelListsTheModelsTables() throws IOException {
        config("model: app.Model\nclasspath: [classes]\n");
        CliRun run = CliRun.in(work, Map.of(), "config", "--load-model");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines().get(run.outLines().size() - 1)).isEqualTo("model app.Model (metadata()): 1 tables: accounts");
    }

    @Test
    void configurationErrorsAreOneLineWithExitOne() throws IOException {
        config("model: app.Model\nmigration: m\n");
        CliRun unknown = CliRun.in(work, Map.of(), "config");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(unknown.errLines()).containsExactly("retort: retort.yaml:2: unknown key 'migration' (did you mean 'migrations'?)");
        assertThat(unknown.out()).isEmpty();

        CliRun missing = CliRun.in(work, Map.of(), "--config", "conf/nope.yaml", "config");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(missing.errLines()).containsExactly("retort: option --config: no such file: conf/nope.yaml");

        config("model: app.Missing\nclasspath: [classes]\n");
        CliRun notFound = CliRun.in(work, Map.of(), "config", "--load-model");
        assertThat(notFound.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(notFound.errLines()).containsExactly("retort: retort.yaml:1: model class app.Missing not found on the classpath (classes)");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        CliRun url = CliRun.in(work, Map.of(), "config", "--url", "localhost:5432");
        assertThat(url.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(url.errLines().get(0)).isEqualTo("retort: --url is not a JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE): 'localhost:5432'");
        assertThat(url.err()).contains("Usage: retort config");
        CliRun schema = CliRun.in(work, Map.of(), "config", "--schema", "");
        assertThat(schema.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(schema.errLines().get(0)).isEqualTo("retort: --schema: schema name is empty");
    }

    @Test
    void aConfigFileElsewhereResolvesItsPathsThere() throws IOException {
        Files.createDirectories(work.resolve("conf"));
        Files.writeString(work.resolve("conf/retort.yaml"), "migrations: ../db\nmodel: app.Model\nclasspath: [../classes]\n");
        CliRun run = CliRun.in(work, Map.of(), "config", "--config", "conf/retort.yaml", "--load-model");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(line(run, "config file")).isEqualTo("config file  conf/retort.yaml");
        assertThat(line(run, "migrations")).isEqualTo("migrations  db (does not exist yet)  (conf/retort.yaml:1)");
        assertThat(line(run, "classpath")).isEqualTo("classpath  classes  (conf/retort.yaml:3)");
        assertThat(line(run, "url")).isEqualTo("url  embedded PostgreSQL in conf/.retort  (default)");
    }
}
