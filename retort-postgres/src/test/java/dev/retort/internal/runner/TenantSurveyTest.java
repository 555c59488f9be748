package dev.retort.internal.runner;

import dev.retort.api.TenantVersion;
import dev.retort.api.FanOutOptions;
import dev.retort.api.CheckResult;
import dev.retort.api.Database;
import dev.retort.internal.autogenerate.Autogenerate;
import dev.retort.api.FanOutListener;
import dev.retort.postgres.CountingConnection;
import dev.retort.postgres.PostgresDialect;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.revision.Revision;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** current and check over many tenants, read in bulk. */
class TenantSurveyTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    private static List<String> tenants(String prefix, int n) {
        List<String> names = IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
        DB.execute(names.stream().map(s -> "CREATE SCHEMA \"" + s + "\"").toArray(String[]::new));
        return names;
    }

    private static String prefix() {
        return "ts_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_";
    }

    private static Shard byPattern(String prefix) {
        return Shard.of(Database.of(DB.jdbcUrl()), TenantSpec.Pattern.of(prefix + "*"));
    }

    /** Tenants at head but for one drifted (a column added by hand) and one a revision behind. */
    private static List<String> tenantsAtHead(Project p, Revision initial, String prefix, int n) {
        List<String> names = tenants(prefix, n);
        p.retort().upgradeTenants("head", false, List.of(byPattern(prefix)), FanOutOptions.defaults().withJobs(2), FanOutListener.none());
        DB.execute("ALTER TABLE \"" + names.get(0) + "\".test ADD COLUMN extra text");
        p.retort().downgrade(initial.id(), names.get(1));
        return names;
    }

    @Test
    void checkFindsTheDriftedAndTheBehindTenantWithAQueryCountThatDoesNotGrowWithTheTenants(@TempDir Path dir) throws Exception {
        Project p = new Project(DB, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        p.model(Project.modelWithNote());
        List<String> few = tenantsAtHead(p, initial, prefix(), 3);
        List<String> many = tenantsAtHead(p, initial, prefix(), 40);
        RevisionGraph graph = MigrationsDirectory.load(dir).graph();
        PostgresDialect dialect = new PostgresDialect();
        TenantSurvey survey = new TenantSurvey(dialect, "retort_version", graph);
        Autogenerate autogenerate = Autogenerate.with(dialect).ignoringTables(List.of("retort_version"));

        int[] queries = new int[2];
        List<CheckResult> manyResults = null;
        for (int i = 0; i < 2; i++) {
            try (Connection real = DB.connect()) {
                CountingConnection counting = new CountingConnection(real);
                List<CheckResult> results = survey.check(counting.connection, i == 0 ? few : many, Project.modelWithNote(), autogenerate);
                queries[i] = counting.executions.get();
                if (i == 1) manyResults = results;
            }
        }

        assertThat(queries[1]).as("40 tenants cost the queries of 3").isEqualTo(queries[0]);
        Map<String, CheckResult> byTenant = manyResults.stream().collect(Collectors.toMap(CheckResult::schema, Function.identity()));
        assertThat(byTenant).hasSize(40);
        assertThat(byTenant.get(many.get(0)).problems()).containsExactly("drift: ! drop column test.extra");
        assertThat(byTenant.get(many.get(1)).problems()).containsExactly("pending: " + note);
        assertThat(many.subList(2, 40)).allSatisfy(t -> assertThat(byTenant.get(t).clean()).as(t).isTrue());
    }

    @Test
    void currentReadsEveryTenantsHeadsThroughTheFacade(@TempDir Path dir) {
        Project p = new Project(DB, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        String prefix = prefix();
        List<String> names = tenantsAtHead(p, initial, prefix, 5);
        String bare = prefix + "bare";
        DB.execute("CREATE SCHEMA \"" + bare + "\"");

        Map<String, List<TenantVersion>> current = p.retort().currentTenants(List.of(byPattern(prefix)));

        assertThat(current).hasSize(1);
        Map<String, TenantVersion> byTenant = current.values().iterator().next().stream()
                .collect(Collectors.toMap(TenantVersion::tenant, Function.identity()));
        assertThat(byTenant).hasSize(6);
        assertThat(byTenant.get(names.get(0)).heads()).containsExactly(note.id());
        assertThat(byTenant.get(names.get(0)).atHead()).isTrue();
        assertThat(byTenant.get(names.get(1)).heads()).containsExactly(initial.id());
        assertThat(byTenant.get(names.get(1)).atHead()).isFalse();
        assertThat(byTenant.get(bare).tracked()).isFalse();
        assertThat(byTenant.get(bare).schemaExists()).isTrue();

        p.model(Project.modelWithNote());
        Map<String, List<CheckResult>> check = p.retort().checkTenants(List.of(byPattern(prefix)));
        List<CheckResult> results = check.values().iterator().next();
        assertThat(results.stream().filter(r -> !r.clean()).map(CheckResult::schema))
                .containsExactlyInAnyOrder(names.get(0), names.get(1), bare);
    }

    @Test
    void currentReadsTenantsBeyondOneUnionOfVersionTables(@TempDir Path dir) {
        Project p = new Project(DB, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        String prefix = prefix();
        List<String> names = tenants(prefix, 2 * TenantSurvey.UNION_BATCH + 1);
        p.retort().upgradeTenants("head", false, List.of(byPattern(prefix)), FanOutOptions.defaults().withJobs(2), FanOutListener.none());
        String last = names.get(names.size() - 1);
        p.retort().downgrade(initial.id(), last);

        List<TenantVersion> current = p.retort().currentTenants(List.of(byPattern(prefix))).values().iterator().next();

        Map<String, TenantVersion> byTenant = current.stream().collect(Collectors.toMap(TenantVersion::tenant, Function.identity()));
        assertThat(byTenant).hasSize(names.size());
        assertThat(names.subList(0, names.size() - 1)).allSatisfy(t -> assertThat(byTenant.get(t).heads()).as(t).containsExactly(note.id()));
        assertThat(byTenant.get(last).heads()).containsExactly(initial.id());
        assertThat(byTenant.get(last).atHead()).isFalse();
    }

    @Test
    void hostileTenantNamesAreUpgradedAndReadAsNamesOnly(@TempDir Path dir) {
        Project p = new Project(DB, dir);
        Revision initial = p.initial();
        String prefix = prefix();
        String hostile = prefix + "\"; DROP SCHEMA public CASCADE; --";
        String quote = prefix + "it's";
        Shard shard = Shard.of(Database.of(DB.jdbcUrl()), new TenantSpec.Listed(List.of(hostile, quote)));

        var report = p.retortForAnyName().upgradeTenants("head", false, List.of(shard), FanOutOptions.defaults().withJobs(2), FanOutListener.none());
        Map<String, List<TenantVersion>> current = p.retortForAnyName().currentTenants(List.of(shard));
        Map<String, List<CheckResult>> check = p.retortForAnyName().checkTenants(List.of(shard));

        assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
        assertThat(p.tables(hostile)).containsExactly("child", "retort_version", "test");
        assertThat(current.values().iterator().next()).extracting(TenantVersion::tenant, TenantVersion::heads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hostile, List.of(initial.id())),
                        org.assertj.core.groups.Tuple.tuple(quote, List.of(initial.id())));
        assertThat(check.values().iterator().next()).allSatisfy(r -> assertThat(r.clean()).as(r.schema()).isTrue());
        assertThat(p.schemaExists("public")).isTrue();
    }
}
