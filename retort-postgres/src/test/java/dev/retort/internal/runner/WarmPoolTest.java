package dev.retort.internal.runner;

import dev.retort.api.CreateMethod;
import dev.retort.api.CreateResult;
import dev.retort.api.Database;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutOptions;
import dev.retort.api.FanOutReport;
import dev.retort.api.PoolStatus;
import dev.retort.api.Retort;
import dev.retort.api.RunnerException;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.api.TenantVersion;
import dev.retort.compare.Diff;
import dev.retort.internal.autogenerate.Autogenerate;
import dev.retort.internal.version.VersionTable;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The warm pool: schemas made at head ahead of time and renamed into tenants. Each test has a
 * database of its own, since a pool belongs to a whole database.
 */
class WarmPoolTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    /** A project whose revisions make a table with a sequence default, a view over it and the seed's tables. */
    private static Revision history(Project p) {
        p.initial();
        return p.create("log", List.of(Project.sql("CREATE SEQUENCE counter"),
                Project.sql("CREATE TABLE log (id bigint PRIMARY KEY DEFAULT nextval('counter'), at text)"),
                Project.sql("CREATE VIEW recent AS SELECT id FROM log WHERE id > 0")));
    }

    private static Retort retort(Project p, String url) {
        return Retort.configure().dataSource(TestDatabase.dataSource(url)).migrations(p.migrations).load();
    }

    @Test
    void aTenantTakenFromThePoolIsTheTenantReplayWouldHaveMade(@TempDir Path dir) throws SQLException {
        Project p = new Project(DB, dir);
        Revision head = history(p);
        String url = DB.createDatabase("pool");
        Retort retort = retort(p, url);

        PoolStatus filled = retort.fillPool(3);
        CreateResult taken = retort.createTenant("acme", CreateMethod.AUTO);
        CreateResult replayed = retort.createTenant("reference", CreateMethod.REPLAY);

        assertThat(filled.ready()).hasSize(3);
        assertThat(filled.behind()).isEmpty();
        assertThat(taken.method()).isEqualTo(CreateMethod.POOL);
        assertThat(taken.heads()).containsExactly(head.id());
        assertThat(retort.pool().ready()).hasSize(2).doesNotContain("acme").isSubsetOf(filled.ready());
        Autogenerate autogenerate = Autogenerate.with(retort.configuration().dialect())
                .ignoringTables(VersionTable.ownTables(retort.configuration().versionTable()));
        DataSource ds = TestDatabase.dataSource(url);
        try (Connection c = ds.getConnection(); Connection d = ds.getConnection()) {
            Diff there = autogenerate.diff(c, "acme", d, "reference");
            Diff back = autogenerate.diff(d, "reference", c, "acme");
            assertThat(there.describe()).isEmpty();
            assertThat(back.describe()).isEmpty();
            // The default and the view follow the rename: they name acme's sequence and table now.
            assertThat(single(c, "INSERT INTO acme.log (at) VALUES ('x') RETURNING id")).isEqualTo("1");
            assertThat(single(c, "SELECT count(*) FROM acme.recent")).isEqualTo("1");
            assertThat(single(c, "SELECT last_value FROM acme.counter")).isEqualTo("1");
            assertThat(single(c, "SELECT count(*) FROM reference.log")).isEqualTo("0");
        }
        assertThat(retort.current("acme").heads()).singleElement().satisfies(h -> assertThat(h.graphHead()).isTrue());
    }

    @Test
    void concurrentCreatesNeverTakeTheSamePoolSchema(@TempDir Path dir) throws Exception {
        Project p = new Project(DB, dir);
        history(p);
        String url = DB.createDatabase("pool");
        List<String> pool = retort(p, url).fillPool(4).ready();

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<CreateResult>> creates = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                String name = "tenant_" + i;
                // A facade each, as separate processes would have: nothing shared but the database.
                creates.add(threads.submit(() -> retort(p, url).createTenant(name, CreateMethod.AUTO)));
            }
            List<CreateResult> results = new ArrayList<>();
            for (Future<CreateResult> f : creates) results.add(f.get());

            assertThat(results).filteredOn(r -> r.method() == CreateMethod.POOL).hasSize(4);
            assertThat(results).filteredOn(r -> r.method() == CreateMethod.REPLAY).hasSize(4);
        } finally {
            threads.shutdownNow();
        }
        Retort retort = retort(p, url);
        assertThat(retort.pool().ready()).isEmpty();
        for (int i = 0; i < 8; i++) {
            assertThat(retort.current("tenant_" + i).heads()).as("tenant_" + i).singleElement().satisfies(h -> assertThat(h.graphHead()).isTrue());
        }
        try (Connection c = TestDatabase.dataSource(url).getConnection()) {
            for (String name : pool) assertThat(single(c, "SELECT count(*) FROM pg_namespace WHERE nspname = '" + name + "'")).isEqualTo("0");
        }
    }

    @Test
    void patternsLeaveThePoolOutAndAnUpgradeFanOutBringsItToHead(@TempDir Path dir) {
        Project p = new Project(DB, dir);
        p.initial();
        String url = DB.createDatabase("pool");
        Retort retort = retort(p, url);
        retort.createTenant("tenant_a", CreateMethod.REPLAY);
        retort.fillPool(2);
        Revision note = p.addNote();
        retort = retort(p, url);
        assertThat(retort.pool().behind()).hasSize(2);

        // Matches tenant_a and the pool's names alike (but not public).
        Shard all = Shard.of(Database.of(url), TenantSpec.Pattern.of("*_*"));
        FanOutReport report = retort.upgradeTenants("head", false, List.of(all), FanOutOptions.defaults(), FanOutListener.none());

        assertThat(report.total()).as("the pool is not among the tenants").isEqualTo(1);
        assertThat(retort.pool().ready()).hasSize(2);
        Shard pool = Shard.of(Database.of(url), TenantSpec.Pattern.of("retort_pool_*"));
        assertThat(retort.currentTenants(List.of(pool)).values().iterator().next())
                .hasSize(2).allSatisfy(v -> assertThat(v.heads()).containsExactly(note.id()));
        assertThat(retort.currentTenants(List.of(all)).values().iterator().next()).extracting(TenantVersion::tenant)
                .containsExactly("tenant_a");
        assertThat(retort.createTenant("tenant_b", null).method()).isEqualTo(CreateMethod.POOL);
    }

    @Test
    void aHeadWhoseObjectsNameTheirOwnSchemaKeepsNoPool(@TempDir Path dir) {
        Project p = new Project(DB, dir);
        p.initial();
        p.create("counting", List.of(Project.sql("CREATE FUNCTION counted() RETURNS bigint LANGUAGE sql AS "
                + "$$ SELECT count(*) FROM ${schema}.test $$")));
        String url = DB.createDatabase("pool");
        Retort retort = retort(p, url);

        assertThatThrownBy(() -> retort.fillPool(2)).isInstanceOf(RunnerException.class)
                .hasMessageContaining("name their own schema (routine counted)");
        assertThat(retort.pool().ready()).isEmpty();
        assertThat(retort.pool().behind()).isEmpty();
        assertThat(retort.createTenant("tenant_a", CreateMethod.AUTO).method()).isEqualTo(CreateMethod.REPLAY);
    }

    @Test
    void drainDropsWhatIsBehindOrEverything(@TempDir Path dir) {
        Project p = new Project(DB, dir);
        p.initial();
        String url = DB.createDatabase("pool");
        retort(p, url).fillPool(2);
        p.addNote();
        Retort retort = retort(p, url);
        retort.fillPool(1);

        assertThat(retort.drainPool(false)).hasSize(2);
        assertThat(retort.pool().ready()).hasSize(1);
        assertThat(retort.drainPool(true)).hasSize(1);
        assertThat(retort.pool().ready()).isEmpty();
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
