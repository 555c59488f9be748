package dev.retort.cli.config;

import dev.retort.loader.ModelSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RetortYamlTest {

    private static RetortYaml parse(String text) {
        return RetortYaml.parse(new StringReader(text), "conf/retort.yaml");
    }

    private static void failsWith(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    static final String EVERY_KEY = """
            url: jdbc:postgresql://db:5432/app
            user: app
            password: s3cret-pw
            migrations: db/migrations
            model: com.example.db.TenantModel
            classpath:
              - target/classes
              - lib/*
            version_table: schema_history
            schema: tenant_x
            tenant_name_pattern: 'tenant_[a-z0-9]+'
            tenants:
              pattern: tenant_*
              shards:
                - url: jdbc:postgresql://db2:5432/app
                  tenants: [t1, t2]
                - url: jdbc:postgresql://db3:5432/app
            ddl_lock_timeout: 2s
            statement_timeout: 10m
            ddl_attempts: 5
            """;

    @Test
    void readsEveryKeyWithItsLine() {
        RetortYaml yaml = parse(EVERY_KEY);
        assertThat(yaml.url()).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(yaml.user()).isEqualTo("app");
        assertThat(yaml.password().reveal()).isEqualTo("s3cret-pw");
        assertThat(yaml.migrations()).isEqualTo("db/migrations");
        assertThat(yaml.model()).isEqualTo(new ModelSource.ModelClass("com.example.db.TenantModel"));
        assertThat(yaml.classpath()).containsExactly("target/classes", "lib/*");
        assertThat(yaml.versionTable()).isEqualTo("schema_history");
        assertThat(yaml.schema()).isEqualTo("tenant_x");
        assertThat(yaml.tenantNamePattern()).isEqualTo("tenant_[a-z0-9]+");
        assertThat(yaml.tenants().tenants()).isEqualTo(new TenantSet.Pattern("tenant_*"));
        assertThat(yaml.tenants().shards()).containsExactly(
                new TenantSettings.Shard("jdbc:postgresql://db2:5432/app", new TenantSet.Listed(List.of("t1", "t2")), 15),
                new TenantSettings.Shard("jdbc:postgresql://db3:5432/app", null, 17));
        assertThat(yaml.ddlTimeouts()).isEqualTo(dev.retort.api.DdlTimeouts.DEFAULTS.withLockTimeout(java.time.Duration.ofSeconds(2))
                .withStatementTimeout(java.time.Duration.ofMinutes(10)).withAttempts(5));
        assertThat(yaml.lines()).hasSize(Key.values().length);
        assertThat(yaml.source(Key.DDL_ATTEMPTS).describe()).isEqualTo("conf/retort.yaml:20");
        assertThat(yaml.source(Key.URL)).isEqualTo(Source.file("conf/retort.yaml", 1));
        assertThat(yaml.source(Key.CLASSPATH).describe()).isEqualTo("conf/retort.yaml:6");
        assertThat(yaml.source(Key.TENANT_NAME_PATTERN).describe()).isEqualTo("conf/retort.yaml:11");
        assertThat(yaml.source(Key.TENANTS).describe()).isEqualTo("conf/retort.yaml:12");
    }

    @Test
    void anEmptyFileOrAKeyWithoutAValueSetsNothing() {
        assertThat(parse("").lines()).isEmpty();
        assertThat(parse("# only a comment\n").lines()).isEmpty();
        RetortYaml yaml = parse("url:\nschema: ~\nmodel: null\nmigrations: m\n");
        assertThat(yaml.url()).isNull();
        assertThat(yaml.schema()).isNull();
        assertThat(yaml.model()).isNull();
        assertThat(yaml.has(Key.URL)).isFalse();
        assertThat(yaml.has(Key.MIGRATIONS)).isTrue();
    }

    @Test
    void anyScalarIsText() {
        RetortYaml yaml = parse("password: 1234\nuser: 'yes'\nclasspath: build/classes\n");
        assertThat(yaml.password().reveal()).isEqualTo("1234");
        assertThat(yaml.user()).isEqualTo("yes");
        assertThat(yaml.classpath()).containsExactly("build/classes");
    }

    @Test
    void tenantSetsComeAsListPatternOrQuery() {
        assertThat(parse("tenants: [a, b]").tenants().tenants()).isEqualTo(new TenantSet.Listed(List.of("a", "b")));
        assertThat(parse("tenants:\n  list: [a]").tenants().tenants()).isEqualTo(new TenantSet.Listed(List.of("a")));
        assertThat(parse("tenants:\n  query: select 1").tenants().tenants()).isEqualTo(new TenantSet.Query("select 1"));
        TenantSettings shardsOnly = parse("tenants:\n  shards:\n    - url: jdbc:postgresql://h/d\n      tenants: {pattern: 't_*'}\n").tenants();
        assertThat(shardsOnly.tenants()).isNull();
        assertThat(shardsOnly.shards().get(0).tenants()).isEqualTo(new TenantSet.Pattern("t_*"));
    }

    @Test
    void anUnknownKeySuggestsTheKnownOneItResembles() {
        failsWith("url: jdbc:postgresql://h/d\nmigration: m\n",
                "conf/retort.yaml:2: unknown key 'migration' (did you mean 'migrations'?)");
        failsWith("version-table: v\n", "conf/retort.yaml:1: unknown key 'version-table' (did you mean 'version_table'?)");
        failsWith("Schema: s\n", "conf/retort.yaml:1: unknown key 'Schema' (did you mean 'schema'?)");
    }

    @Test
    void anUnknownKeyUnlikeAnyListsTheKnownKeys() {
        failsWith("\n\ndatabase: x\n", "conf/retort.yaml:3: unknown key 'database' (known keys: url, user, password,"
                + " migrations, model, classpath, version_table, schema, tenant_name_pattern, tenants, ddl_lock_timeout, statement_timeout, ddl_attempts)");
    }

    @Test
    void aTenantNamePatternThatIsNoRegularExpressionIsRefusedWithItsLine() {
        assertThatThrownBy(() -> parse("schema: a\ntenant_name_pattern: '[a-z'\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("conf/retort.yaml:2: tenant_name_pattern is not a regular expression: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        failsWith("url: jdbc:postgresql://a/b\nuser: u\nurl: jdbc:postgresql://c/d\n",
                "conf/retort.yaml:3: duplicate key 'url' (first given at line 1)");
    }

    static Stream<Arguments> wrongShapes() {
        return Stream.of(
                arguments("url: [a, b]",
                        "conf/retort.yaml:1: url must be a string, not a list"),
                arguments("user: {name: x}",
                        "conf/retort.yaml:1: user must be a string, not a mapping"),
                arguments("\nmodel:\n  - a.B",
                        "conf/retort.yaml:3: model must be a class name, or a mapping with class (a class name) or jpa (a package of JPA entities), not a list"),
                arguments("classpath: {a: b}",
                        "conf/retort.yaml:1: classpath must be a list of directories and jars, not a mapping"),
                arguments("classpath: [a, [b]]",
                        "conf/retort.yaml:1: classpath entry must be a string, not a list"),
                arguments("classpath: ['']",
                        "conf/retort.yaml:1: classpath entry is empty"),
                arguments("tenants: tenant_*",
                        "conf/retort.yaml:1: tenants must be a list of schemas, or a mapping with list, pattern, query or shards, not 'tenant_*'"),
                arguments("tenants: []",
                        "conf/retort.yaml:1: tenants is empty"),
                arguments("tenants: {}",
                        "conf/retort.yaml:1: tenants names no tenants: give list, pattern, query or shards"),
                arguments("tenants:\n  pattern: a\n  query: b",
                        "conf/retort.yaml:3: tenants may give only one of list, pattern and query"),
                arguments("tenants:\n  patern: a",
                        "conf/retort.yaml:2: unknown key 'patern' (did you mean 'pattern'?)"),
                arguments("tenants:\n  list: a",
                        "conf/retort.yaml:2: tenants list must be a list of schema names, not 'a'"),
                arguments("tenants:\n  shards: {url: x}",
                        "conf/retort.yaml:2: shards must be a list of {url, tenants}, not a mapping"),
                arguments("tenants:\n  pattern: a\n  shards:\n    - tenants: [b]",
                        "conf/retort.yaml:4: shard has no url"),
                arguments("tenants:\n  pattern: a\n  shards:\n    - url: postgres://h/d",
                        "conf/retort.yaml:4: shard url is not a JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE): 'postgres://h/d'"),
                arguments("tenants:\n  shards:\n    - url: jdbc:postgresql://h/d",
                        "conf/retort.yaml:3: shard jdbc:postgresql://h/d names no tenants, and the tenants section gives none for it"),
                arguments("tenants:\n  pattern: a\n  shards:\n    - url: jdbc:postgresql://h/d\n      host: h",
                        "conf/retort.yaml:5: unknown key 'host' (known keys: url, tenants)"),
                arguments("ddl_lock_timeout: soon",
                        "conf/retort.yaml:1: ddl_lock_timeout: 'soon' is not a duration (500ms, 30s, 2m)"),
                arguments("\nstatement_timeout: PT-5S",
                        "conf/retort.yaml:2: statement_timeout: 'PT-5S' is negative"),
                arguments("ddl_attempts: 0",
                        "conf/retort.yaml:1: ddl_attempts must be a whole number of tries, 1 or more, not '0'"),
                arguments("- url: x",
                        "conf/retort.yaml:1: retort.yaml must be a mapping of settings (key: value), not a list"),
                arguments("just text",
                        "conf/retort.yaml:1: retort.yaml must be a mapping of settings (key: value), not 'just text'")
        );
    }

    @ParameterizedTest
    @MethodSource("wrongShapes")
    void aValueOfTheWrongShapeIsReportedWithItsLine(String text, String message) {
        failsWith(text, message);
    }

    @Test
    void aSyntaxErrorNamesLineAndColumn() {
        assertThatThrownBy(() -> parse("url: jdbc:postgresql://h/d\nuser: app\n  password: x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("conf/retort.yaml:3:")
                .hasMessageContaining("mapping values are not allowed here");
        assertThatThrownBy(() -> parse("model: \"unterminated\n"))
                .hasMessageStartingWith("conf/retort.yaml:2:")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theModelIsAClassNameOrAMappingWithClassOrJpa() {
        ModelSource.ModelClass model = new ModelSource.ModelClass("com.example.db.TenantModel");
        assertThat(parse("model: com.example.db.TenantModel\n").model()).isEqualTo(model);
        assertThat(parse("model: {class: com.example.db.TenantModel}\n").model()).isEqualTo(model);
        assertThat(parse("model: {jpa: com.example.entities}\n").model())
                .isEqualTo(new ModelSource.JpaPackage("com.example.entities", ModelSource.Naming.JPA));
        RetortYaml block = parse("migrations: m\nmodel:\n  jpa: com.example.entities\n  naming: snake_case\n");
        assertThat(block.model()).isEqualTo(new ModelSource.JpaPackage("com.example.entities", ModelSource.Naming.SNAKE_CASE));
        assertThat(block.source(Key.MODEL).describe()).isEqualTo("conf/retort.yaml:2");
        assertThat(parse("model: {jpa: com.example.entities, naming: jpa}\n").model())
                .isEqualTo(new ModelSource.JpaPackage("com.example.entities", ModelSource.Naming.JPA));
        assertThat(parse("model: {jpa: com.example.entities, naming: snake_case, validation: none}\n").model())
                .isEqualTo(new ModelSource.JpaPackage("com.example.entities", ModelSource.Naming.SNAKE_CASE, ModelSource.Validation.NONE));
        assertThat(parse("model: {jpa: com.example.entities, validation: hibernate}\n").model())
                .isEqualTo(new ModelSource.JpaPackage("com.example.entities", ModelSource.Naming.JPA, ModelSource.Validation.HIBERNATE));
        assertThat(ModelSource.Validation.NONE.mode()).isEqualTo(dev.retort.jpa.BeanValidation.NONE);
        assertThat(ModelSource.Validation.HIBERNATE.mode()).isEqualTo(dev.retort.jpa.BeanValidation.HIBERNATE);
        assertThat(ModelSource.Naming.SNAKE_CASE.strategy()).isEqualTo(dev.retort.jpa.NamingStrategy.SNAKE_CASE);
        assertThat(ModelSource.Naming.JPA.strategy()).isEqualTo(dev.retort.jpa.NamingStrategy.JPA_DEFAULT);
    }

    static Stream<Arguments> wrongModels() {
        return Stream.of(
                arguments("model: com.example.db/TenantModel.java",
                        "conf/retort.yaml:1: model must be a Java class name such as com.example.db.TenantModel, not 'com.example.db/TenantModel.java'"),
                arguments("model: {class: 'a b'}",
                        "conf/retort.yaml:1: model class must be a Java class name such as com.example.db.TenantModel, not 'a b'"),
                arguments("model:\n  jpa: com/example/entities",
                        "conf/retort.yaml:2: model jpa must be a Java package name such as com.example.db.entities, not 'com/example/entities'"),
                arguments("model:\n  jpa: [a, b]",
                        "conf/retort.yaml:2: model jpa must be a string, not a list"),
                arguments("model:\n  class: a.B\n  jpa: c.d",
                        "conf/retort.yaml:3: model may give only one of class and jpa"),
                arguments("model: {}",
                        "conf/retort.yaml:1: model names no model: give class (a class name) or jpa (a package of JPA entities)"),
                arguments("model:\n  naming: jpa",
                        "conf/retort.yaml:2: model names no model: give class (a class name) or jpa (a package of JPA entities)"),
                arguments("model:\n  class: a.B\n  naming: jpa",
                        "conf/retort.yaml:3: model naming applies to jpa, not to a class"),
                arguments("model:\n  jpa: a.b\n  naming: snake-case",
                        "conf/retort.yaml:3: model naming must be one of jpa, snake_case, not 'snake-case' (did you mean 'snake_case'?)"),
                arguments("model:\n  jpa: a.b\n  naming: spring",
                        "conf/retort.yaml:3: model naming must be one of jpa, snake_case, not 'spring'"),
                arguments("model:\n  jpa: a.b\n  naming: {x: y}",
                        "conf/retort.yaml:3: model naming must be a string, not a mapping"),
                arguments("model:\n  class: a.B\n  validation: none",
                        "conf/retort.yaml:3: model validation applies to jpa, not to a class"),
                arguments("model:\n  jpa: a.b\n  validation: strict",
                        "conf/retort.yaml:3: model validation must be one of hibernate, none, not 'strict'"),
                arguments("model:\n  jpa: a.b\n  validation: hibernat",
                        "conf/retort.yaml:3: model validation must be one of hibernate, none, not 'hibernat' (did you mean 'hibernate'?)"),
                arguments("model:\n  package: a.b",
                        "conf/retort.yaml:2: unknown key 'package' (known keys: class, jpa, naming, validation)"),
                arguments("model:\n  jap: a.b",
                        "conf/retort.yaml:2: unknown key 'jap' (did you mean 'jpa'?)"),
                arguments("model:\n  jpa: a.b\n  jpa: c.d",
                        "conf/retort.yaml:3: duplicate key 'jpa' (first given at line 2)")
        );
    }

    @ParameterizedTest
    @MethodSource("wrongModels")
    void aModelOfTheWrongShapeOrAnUnknownNamingIsReportedWithItsLine(String text, String message) {
        failsWith(text, message);
    }

    @Test
    void printingNeverShowsAPassword() {
        RetortYaml yaml = parse("url: jdbc:postgresql://h/d?user=a&password=urlpw\npassword: filepw\n"
                + "tenants:\n  pattern: t\n  shards:\n    - url: jdbc:postgresql://h2/d?password=shardpw\n");
        assertThat(yaml.toString()).doesNotContain("urlpw", "filepw", "shardpw").contains(Secret.MASK);
        assertThat(yaml.tenants().toString()).doesNotContain("shardpw");
        assertThat(yaml.tenants().describe()).doesNotContain("shardpw");
    }
}
