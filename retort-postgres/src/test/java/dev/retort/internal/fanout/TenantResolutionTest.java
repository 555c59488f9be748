package dev.retort.internal.fanout;

import dev.retort.api.ConfigurationException;
import dev.retort.api.FanOutOptions;
import dev.retort.api.DatabaseException;
import dev.retort.api.Shard;
import dev.retort.internal.tenants.ShardTenants;
import dev.retort.api.TenantSpec;
import dev.retort.api.TenantNames;
import dev.retort.internal.tenants.TenantRules;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant sets resolved on a real PostgreSQL: list, pattern, query; bad names stop everything first. */
class TenantResolutionTest {
    /** Quoting is what these tests check, so the pattern that refuses odd names is opened up. */
    private static final Pattern ANY_NAME = Pattern.compile("(?s).+");
    static FreshDatabase db;

    @BeforeAll
    static void schemas() {
        db = FreshDatabase.create("resolution");
        db.createSchemas("tenant_1", "tenant_2", "tenantX1", "Tenant_3", "other_1", "tenant_it's", "tenant_%");
        db.execute("CREATE TABLE public.tenants (schema_name text NOT NULL, active boolean NOT NULL)",
                "INSERT INTO public.tenants VALUES ('tenant_2', true), ('tenant_1', true), ('other_1', false), ('tenant_it''s', true)");
    }

    private static List<String> resolve(String spec) {
        return resolve(spec, false);
    }

    private static List<String> resolve(String spec, boolean allowEmpty) {
        Shard shard = Shard.of(db.database(), TenantSpec.parse(spec));
        try (ShardPools pools = ShardPools.open(List.of(shard), 1)) {
            List<ShardTenants> resolved = pools.resolveTenants(new TenantRules(ANY_NAME, allowEmpty));
            assertThat(resolved).hasSize(1);
            assertThat(resolved.get(0).shard()).isEqualTo(shard);
            return resolved.get(0).tenants();
        }
    }

    @Test
    void aListIsTakenAsGivenInItsOrder() {
        assertThat(resolve("tenant_2, tenant_1, not_there")).containsExactly("tenant_2", "tenant_1", "not_there");
    }

    @Test
    void aPatternMatchesWholeNamesInTheCatalogCaseIncludedAndUnderscoreLiterally() {
        assertThat(resolve("tenant_*")).containsExactlyInAnyOrder("tenant_1", "tenant_2", "tenant_it's", "tenant_%");
        assertThat(resolve("pattern:tenant_?")).containsExactlyInAnyOrder("tenant_1", "tenant_2", "tenant_%");
        assertThat(resolve("pattern:tenant_%")).containsExactly("tenant_%");
        assertThat(resolve("nothing_*", true)).isEmpty();
    }

    @Test
    void aSpecOrAPatternOfItThatMatchesNothingIsAnErrorNamingItUnlessEmptyIsAllowed() {
        for (String spec : List.of("typo_*", "tenant_1,typo_*", "query:SELECT schema_name FROM public.tenants WHERE false")) {
            assertThatThrownBy(() -> resolve(spec)).as(spec)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("shard postgresql://")
                    .hasMessageContaining("matches no schema", "--allow-empty");
        }
        assertThatThrownBy(() -> resolve("tenant_1,typo_*")).hasMessageContaining("pattern typo_*");
        assertThat(resolve("tenant_1,typo_*", true)).containsExactly("tenant_1");
    }

    @Test
    void aListMixesNamesAndPatternsInItsOrderEachTenantOnce() {
        List<String> resolved = resolve("other_1, tenant_?, tenant_1, not_there");
        assertThat(resolved).hasSize(5);
        assertThat(resolved.get(0)).isEqualTo("other_1");
        assertThat(resolved.subList(1, 4)).containsExactlyInAnyOrder("tenant_1", "tenant_2", "tenant_%");
        assertThat(resolved.get(4)).isEqualTo("not_there");
        assertThat(resolve("list:tenant_?")).containsExactly("tenant_?");
    }

    @Test
    void aQueryOnARegistryTableGivesItsNamesInItsOrder() {
        assertThat(resolve("query:SELECT schema_name FROM public.tenants WHERE active ORDER BY schema_name DESC"))
                .containsExactly("tenant_it's", "tenant_2", "tenant_1");
    }

    @Test
    void aQueryRunsReadOnlySoItCannotChangeAnything() {
        assertThatThrownBy(() -> resolve("query:INSERT INTO public.tenants VALUES ('x', true) RETURNING schema_name"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("shard postgresql://")
                .hasMessageContaining("cannot read its tenants")
                .hasMessageContaining("read-only");
        assertThat(resolve("query:SELECT count(*)::text FROM public.tenants")).containsExactly("4");
    }

    @Test
    void aQueryMustReturnOneColumnOfNonNullNames() {
        assertThatThrownBy(() -> resolve("query:SELECT schema_name, active FROM public.tenants"))
                .hasMessageContaining("must return one column of schema names; it returns 2");
        assertThatThrownBy(() -> resolve("query:SELECT NULL::text"))
                .hasMessageContaining("returned a null schema name");
    }

    @Test
    void aBrokenQueryIsReportedInOneLineNamingTheShard() {
        assertThatThrownBy(() -> resolve("query:SELEKT 1"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("shard postgresql://")
                .hasMessageContaining("syntax error")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anOverLongNameStopsTheRunBeforeAnyTenantIsTouched() {
        String tooLong = "t".repeat(64);
        String unicodeTooLong = "é".repeat(32);
        AtomicInteger calls = new AtomicInteger();
        FanOut fanOut = new FanOut(FanOutOptions.defaults());
        for (String bad : List.of(tooLong, unicodeTooLong)) {
            Shard shard = Shard.of(db.database(), new TenantSpec.Listed(List.of("tenant_1", bad)));
            assertThatThrownBy(() -> fanOut.run(List.of(shard), (c, s, t) -> {
                calls.incrementAndGet();
                return TenantResult.unchanged(null);
            }))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("shard postgresql://")
                    .hasMessageContaining("is 64 bytes long; the limit is 63");
        }
        // The same from a query, whatever the other shards hold.
        Shard fine = Shard.of(db.database(), TenantSpec.parse("tenant_1"));
        Shard fromQuery = new Shard("registry", db.database(), new TenantSpec.Query("SELECT repeat('x', 70)"));
        assertThatThrownBy(() -> fanOut.run(List.of(fine, fromQuery), (c, s, t) -> {
            calls.incrementAndGet();
            return TenantResult.unchanged(null);
        })).hasMessageStartingWith("shard registry: ").hasMessageContaining("70 bytes long");
        assertThat(calls).hasValue(0);
    }

    @Test
    void theDefaultPatternRefusesNamesWithQuotesAndTheSystemSchemasAreRefusedWhateverThePattern() {
        Shard quoted = Shard.of(db.database(), TenantSpec.parse("query:SELECT schema_name FROM public.tenants WHERE active"));
        try (ShardPools pools = ShardPools.open(List.of(quoted), 1)) {
            assertThatThrownBy(() -> pools.resolveTenants(TenantRules.strict()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("shard postgresql://")
                    .hasMessageContaining("tenant_it's", "tenant_name_pattern");
        }
        for (String spec : List.of("tenant_1,information_schema", "query:SELECT 'pg_catalog'", "pg_toast")) {
            Shard shard = Shard.of(db.database(), TenantSpec.parse(spec));
            try (ShardPools pools = ShardPools.open(List.of(shard), 1)) {
                assertThatThrownBy(() -> pools.resolveTenants(new TenantRules(ANY_NAME, false))).as(spec)
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("is a system schema");
            }
        }
    }

    @Test
    void aQueryOfSeveralStatementsIsRefusedBeforeAnyRuns() {
        assertThatThrownBy(() -> resolve("query:SELECT 'zz'; COMMIT; CREATE TABLE public.canary_many (x int); SELECT 'zz'"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("more than one statement");
        assertThat(db.schemasWithTable("canary_many")).isEmpty();
        assertThat(resolve("query:SELECT 'tenant_1';")).containsExactly("tenant_1");
    }
}
