package dev.retort.internal.fanout;

import dev.retort.api.FanOutOptions;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.api.Shard;
import dev.retort.internal.tenants.ShardTenants;
import dev.retort.api.TenantSpec;
import dev.retort.internal.tenants.TenantRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shards on two PostgreSQL servers: the tests' server and a second embedded one started here (the
 * only test class that pays for a second server).
 */
class ShardsTest {
    static EmbeddedServer second;
    static FreshDatabase first;
    static FreshDatabase other;

    @BeforeAll
    static void servers() {
        second = EmbeddedServer.ephemeral();
        first = FreshDatabase.create("shard_a");
        other = FreshDatabase.at(second.jdbcUrl());
        first.createSchemas("tenant_1", "tenant_2", "tenant_3", "tenant_4", "other");
        other.createSchemas("acme", "globex", "initech", "retired");
        other.execute("CREATE TABLE public.tenants (schema_name text NOT NULL, active boolean NOT NULL)",
                "INSERT INTO public.tenants VALUES ('acme', true), ('globex', true), ('initech', true), ('retired', false)");
    }

    @AfterAll
    static void stop() {
        if (second != null) second.close();
    }

    private static List<Shard> shards() {
        return List.of(Shard.of(first.database(), TenantSpec.parse("tenant_*")),
                Shard.of(other.database(), TenantSpec.parse("query:SELECT schema_name FROM public.tenants WHERE active ORDER BY 1")));
    }

    @Test
    void eachShardResolvesItsOwnTenantSet() {
        try (ShardPools pools = ShardPools.open(shards(), 2)) {
            List<ShardTenants> resolved = pools.resolveTenants(TenantRules.strict());
            assertThat(resolved).extracting(r -> r.shard().name()).containsExactly(shards().get(0).name(), shards().get(1).name());
            assertThat(resolved.get(0).tenants()).containsExactlyInAnyOrder("tenant_1", "tenant_2", "tenant_3", "tenant_4");
            assertThat(resolved.get(1).tenants()).containsExactly("acme", "globex", "initech");
        }
    }

    @Test
    void oneRunCoversEveryShardEachBoundedByJobsAndTheShardsSideBySide() {
        int jobs = 2;
        Map<String, FanOutPostgresTest.Concurrency> perShard = new ConcurrentHashMap<>();
        FanOutPostgresTest.Concurrency overall = new FanOutPostgresTest.Concurrency();
        Map<String, Integer> portOfTenant = new ConcurrentHashMap<>();
        List<TenantOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        TenantTask createTable = FreshDatabase.createTable("shard_t", null);
        FanOutReport report = new FanOut(FanOutOptions.defaults().withJobs(jobs), new FanOutListener() {
            @Override
            public void outcome(TenantOutcome outcome) {
                outcomes.add(outcome);
            }
        }).run(shards(), (c, shard, tenant) -> {
            FanOutPostgresTest.Concurrency mine = perShard.computeIfAbsent(shard.name(), k -> new FanOutPostgresTest.Concurrency());
            mine.enter();
            overall.enter();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_setting('port')::int")) {
                rs.next();
                portOfTenant.put(tenant, rs.getInt(1));
                Thread.sleep(50);
                return createTable.run(c, shard, tenant);
            } finally {
                overall.leave();
                mine.leave();
            }
        });

        assertThat(report.shards()).isEqualTo(2);
        assertThat(report.total()).isEqualTo(7);
        assertThat(report.count(TenantStatus.UPGRADED)).isEqualTo(7);
        assertThat(perShard).hasSize(2).allSatisfy((shard, c) -> assertThat(c.max.get()).isBetween(1, jobs));
        assertThat(overall.max.get()).isGreaterThan(jobs).isLessThanOrEqualTo(2 * jobs);
        assertThat(first.schemasWithTable("shard_t")).containsExactly("tenant_1", "tenant_2", "tenant_3", "tenant_4");
        assertThat(other.schemasWithTable("shard_t")).containsExactly("acme", "globex", "initech");
        assertThat(portOfTenant.get("acme")).isEqualTo(second.port()).isNotEqualTo(portOfTenant.get("tenant_1"));
        assertThat(outcomes).filteredOn(o -> o.tenant().startsWith("tenant_"))
                .allSatisfy(o -> assertThat(o.shard()).isEqualTo(shards().get(0).name()));
        assertThat(outcomes).filteredOn(o -> !o.tenant().startsWith("tenant_"))
                .allSatisfy(o -> assertThat(o.shard()).isEqualTo(shards().get(1).name()));
    }

    @Test
    void aFailureOnOneShardDoesNotStopTheOther() {
        AtomicInteger runs = new AtomicInteger();
        FanOutReport report = new FanOut(FanOutOptions.defaults().withJobs(2)).run(shards(), (c, shard, tenant) -> {
            runs.incrementAndGet();
            if (shard.name().equals(shards().get(0).name())) throw new IllegalStateException("shard one is broken");
            return TenantResult.unchanged("r1");
        });
        assertThat(runs).hasValue(7);
        assertThat(report.failed()).isEqualTo(4);
        assertThat(report.count(TenantStatus.UNCHANGED)).isEqualTo(3);
        assertThat(report.failures()).allSatisfy(o -> assertThat(o.error()).isEqualTo("shard one is broken"));
    }
}
