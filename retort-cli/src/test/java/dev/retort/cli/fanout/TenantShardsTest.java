package dev.retort.cli.fanout;

import dev.retort.cli.config.ConfigException;
import dev.retort.cli.config.TenantSet;
import dev.retort.cli.config.TenantSettings;
import dev.retort.api.Database;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantShardsTest {
    static final Database MAIN = new Database("jdbc:postgresql://main/app", "u", "secret");

    static final TenantSettings SECTION = new TenantSettings(new TenantSet.Pattern("tenant_*"), List.of(
            new TenantSettings.Shard("jdbc:postgresql://db2/app?user=x", null, 5),
            new TenantSettings.Shard("jdbc:postgresql://db3/app", new TenantSet.Query("SELECT name FROM public.tenants"), 7)));

    @Test
    void theSectionGivesTheMainDatabaseThenEachShardWithItsOwnSetOrTheSections() {
        List<Shard> shards = TenantShards.of(MAIN, SECTION, null);
        assertThat(shards).extracting(Shard::name)
                .containsExactly("postgresql://main/app", "postgresql://db2/app", "postgresql://db3/app");
        assertThat(shards).extracting(Shard::tenants).containsExactly(TenantSpec.Pattern.of("tenant_*"),
                TenantSpec.Pattern.of("tenant_*"), new TenantSpec.Query("SELECT name FROM public.tenants"));
        assertThat(shards.get(0).database()).isEqualTo(MAIN);
        assertThat(shards.get(1).database()).isEqualTo(Database.of("jdbc:postgresql://db2/app?user=x"));
    }

    @Test
    void aSectionOfShardsOnlyLeavesTheMainDatabaseOut() {
        TenantSettings onlyShards = new TenantSettings(null,
                List.of(new TenantSettings.Shard("jdbc:postgresql://db2/app", new TenantSet.Listed(List.of("a", "b")), 3)));
        assertThat(TenantShards.of(MAIN, onlyShards, null)).singleElement()
                .satisfies(s -> assertThat(s.tenants()).isEqualTo(new TenantSpec.Listed(List.of("a", "b"))));
    }

    @Test
    void tenantsOnTheCommandLineReplaceTheWholeSection() {
        assertThat(TenantShards.of(MAIN, SECTION, TenantSpec.parse("a,b"))).singleElement()
                .isEqualTo(Shard.of(MAIN, new TenantSpec.Listed(List.of("a", "b"))));
    }

    @Test
    void noTenantsAnywhereIsAnErrorThatSaysWhatToGive() {
        assertThatThrownBy(() -> TenantShards.of(MAIN, null, null)).isInstanceOf(ConfigException.class)
                .hasMessage("no tenants: give --tenants SPEC, or a tenants: section in retort.yaml");
    }
}
