package dev.retort.internal.runner;

import dev.retort.api.ConfigurationException;
import dev.retort.api.CreateMethod;
import dev.retort.api.MigrationException;
import dev.retort.api.Database;
import dev.retort.api.DatabaseException;
import dev.retort.postgres.PostgresDialect;
import dev.retort.revision.Revision;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant names and URLs an attacker or a careless operator might give the runner. */
class HostileInputTest {
    private final TestDatabase db = TestDatabase.postgres();

    @Test
    void theDefaultTenantNamePatternRefusesHostileNamesBeforeAnythingRuns(@TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        for (String name : List.of("x'); DROP TABLE public.retort_sentinel; --", "semi;colon", "quo\"te", "back\\slash", "new\nline")) {
            assertThatThrownBy(() -> p.retort().upgrade("head", name))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("tenant_name_pattern")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(p.schemaExists(name)).isFalse();
        }
        for (String name : List.of("information_schema", "pg_catalog", "pg_toast", "pg_temp_7")) {
            assertThatThrownBy(() -> p.retort().upgrade("head", name)).hasMessageContaining(name + " is a system schema");
            assertThatThrownBy(() -> p.retort().createTenant(name, null)).hasMessageContaining("is a system schema");
        }
        assertThat(p.tables("information_schema")).doesNotContain("test", "retort_version");
    }

    @Test
    void hostileSchemaNamesTouchNothingOutsideTheirSchema(@TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        String bystander = db.createSchema("bystander");
        db.execute("CREATE TABLE \"" + bystander + "\".kept (id int)", "INSERT INTO \"" + bystander + "\".kept VALUES (1)");
        db.execute("CREATE TABLE IF NOT EXISTS public.retort_sentinel (id int)");
        List<String> names = List.of("\"; DROP SCHEMA public CASCADE; --", "quo\"te", "semi;colon", "it's", "ünïcødé 租户 ☃",
                "x'); DROP TABLE public.retort_sentinel; --");
        for (String name : names) {
            assertThat(p.retortForAnyName().upgrade("head", name).headsAfter()).hasSize(1);
            assertThat(p.strings("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + name.replace("'", "''") + "' ORDER BY 1")).containsExactly("child", "retort_version", "test");
            assertThat(p.retortForAnyName().check(name).clean()).isTrue();
            assertThat(p.retortForAnyName().downgrade("base", name).headsAfter()).isEmpty();
            assertThat(p.strings("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + name.replace("'", "''") + "' ORDER BY 1")).containsExactly("retort_version");
            db.execute("DROP SCHEMA \"" + name.replace("\"", "\"\"") + "\" CASCADE");
        }
        // A failure recorded in a hostile schema, with a hostile error text, and read back in bulk.
        Revision broken = p.create("broken", List.of(Project.sql("SELECT 1/0 AS \"'); DROP TABLE public.retort_sentinel; --\"")));
        for (String name : names) {
            assertThatThrownBy(() -> p.retortForAnyName().upgrade("head", name)).isInstanceOf(MigrationException.class);
        }
        Shard all = Shard.of(Database.of(db.jdbcUrl()), new TenantSpec.Listed(names));
        assertThat(p.retortForAnyName().currentTenants(List.of(all)).values().iterator().next())
                .allSatisfy(v -> assertThat(v.lastFailure().revision()).isEqualTo(broken.id()))
                .allSatisfy(v -> assertThat(v.lastFailure().error()).contains("division by zero", "DROP TABLE public.retort_sentinel"));
        for (String name : names) db.execute("DROP SCHEMA \"" + name.replace("\"", "\"\"") + "\" CASCADE");
        assertThat(p.schemaExists("public")).isTrue();
        assertThat(p.tables("public")).contains("retort_sentinel");
        assertThat(p.strings("SELECT count(*) FROM \"" + bystander + "\".kept")).containsExactly("1");
    }

    @Test
    void namesLongerThan63BytesAreRefusedBeforeAnyConnection(@TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        String ascii = "t".repeat(64);
        String multibyte = "é".repeat(32); // 64 bytes in UTF-8
        for (String name : List.of(ascii, multibyte)) {
            assertThatThrownBy(() -> p.retortForAnyName().upgrade("head", name))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("63")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(p.schemaExists(name)).isFalse();
            assertThat(p.schemaExists(name.substring(0, name.length() / 2))).isFalse();
        }
    }

    @Test
    void aPasswordNeverAppearsInTheRunnersErrors(@TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        String url = "jdbc:postgresql://127.0.0.1:1/x?user=u&password=Sup3rS3cret&connectTimeout=2";
        Runner runner = new Runner(new PostgresDialect(), TestDatabase.dataSource(url), "retort_version", Duration.ofSeconds(5));
        var graph = dev.retort.internal.revision.MigrationsDirectory.load(dir).graph();
        List<Runnable> calls = List.of(
                () -> runner.upgrade(graph, "head", "t", false),
                () -> runner.current(graph, "t"),
                () -> runner.stamp(graph, "head", "t"),
                () -> runner.create(graph, "t", CreateMethod.REPLAY, null));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(DatabaseException.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).doesNotContain("Sup3rS3cret").doesNotContain("\n");
                        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage())).doesNotContain("Sup3rS3cret");
                        }
                    });
        }
    }
}
