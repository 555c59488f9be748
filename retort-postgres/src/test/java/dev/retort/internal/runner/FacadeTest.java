package dev.retort.internal.runner;

import dev.retort.api.SchemaDiff;
import dev.retort.api.ConfigurationException;
import dev.retort.api.Retort;
import dev.retort.api.DatabaseException;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the facade checks on load and on each call. */
class FacadeTest {

    @Test
    void theDialectComesFromTheDataSource(@TempDir Path dir) {
        Retort retort = Retort.configure().dataSource(TestDatabase.postgres().dataSource()).migrations(dir).load();
        assertThat(retort.configuration().dialect().name()).isEqualTo("postgresql");
    }

    @Test
    void anUnreachableDataSourceFailsOnLoadInOneLine(@TempDir Path dir) {
        assertThatThrownBy(() -> Retort.configure()
                .dataSource(TestDatabase.dataSource("jdbc:postgresql://127.0.0.1:1/x?user=u&password=s3cret&connectTimeout=2"))
                .migrations(dir).load())
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to the database: ")
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void whatACallNeedsAndLacksIsNamed(@TempDir Path dir) {
        Retort offline = Retort.configure().migrations(dir).load();
        assertThatThrownBy(() -> offline.upgrade("head", "t")).isInstanceOf(ConfigurationException.class)
                .hasMessage("no database: configure a data source (dataSource(...))");
        assertThatThrownBy(() -> offline.upgradeSql("head", "t")).isInstanceOf(ConfigurationException.class)
                .hasMessage("no database dialect: configure a data source (dataSource(...)) or a dialect (dialect(...))");
        Retort online = Retort.configure().dataSource(TestDatabase.postgres().dataSource()).migrations(dir).load();
        assertThatThrownBy(() -> online.upgrade("head", null)).isInstanceOf(ConfigurationException.class)
                .hasMessage("no schema given, and no default schema configured");
        assertThatThrownBy(() -> online.check("t")).isInstanceOf(ConfigurationException.class)
                .hasMessage("no model configured: give one with model(...)");
        assertThatThrownBy(() -> Retort.configure().dataSource(TestDatabase.postgres().dataSource())
                .migrations(dir.resolve("missing")).load().upgrade("head", "t"))
                .hasMessage("migrations directory " + dir.resolve("missing") + " does not exist (`retort init` creates it)");
    }

    @Test
    void theDefaultSchemaIsUsedWhenACallNamesNone(@TempDir Path dir) {
        Project p = new Project(TestDatabase.postgres(), dir);
        p.initial();
        String tenant = p.newSchemaName("default");
        Retort retort = Retort.configure().dataSource(p.db.dataSource()).migrations(dir).defaultSchema(tenant).load();
        assertThat(retort.upgrade(null, null).schema()).isEqualTo(tenant);
        assertThat(retort.current(null).heads()).hasSize(1);
    }

    @Test
    void diffSaysWhatMakesOneSchemaMatchAnotherAndTheSqlForIt(@TempDir Path dir) {
        TestDatabase db = TestDatabase.postgres();
        String a = db.createSchema("diff_a");
        String b = db.createSchema("diff_b");
        db.execute("CREATE TABLE \"" + a + "\".t (id integer PRIMARY KEY)",
                "CREATE TABLE \"" + a + "\".legacy (id integer)",
                "CREATE TABLE \"" + b + "\".t (id integer PRIMARY KEY, note text)");
        Retort retort = Retort.configure().dataSource(db.dataSource()).migrations(dir).load();

        SchemaDiff diff = retort.diff(a, b);
        assertThat(diff.describe()).containsExactlyInAnyOrder("! drop table legacy", "  add column t.note");
        assertThat(diff.sql().blocks().get(0).statements()).containsExactly("SET search_path TO \"" + a + "\"");
        assertThat(diff.sql().statements()).contains("ALTER TABLE \"" + a + "\".\"t\" ADD COLUMN \"note\" text");

        SchemaDiff noDrops = retort.diff(a, db.dataSource(), b, false);
        assertThat(noDrops.describe()).containsExactly("  add column t.note");
        assertThat(retort.diff(b, b).isEmpty()).isTrue();
        assertThatThrownBy(() -> retort.diff(a, "missing_" + b)).isInstanceOf(DatabaseException.class).hasMessageContaining("missing_" + b);
    }
}
