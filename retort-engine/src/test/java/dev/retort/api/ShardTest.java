package dev.retort.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShardTest {

    @Test
    void aShardIsNamedAfterItsUrlWithoutCredentialsOrParameters() {
        TenantSpec spec = TenantSpec.parse("a");
        assertThat(Shard.of(Database.of("jdbc:postgresql://db1:5432/app?user=u&password=hunter22"), spec).name())
                .isEqualTo("postgresql://db1:5432/app");
        assertThat(Shard.of(Database.of("jdbc:postgresql://u:hunter22@db2/app"), spec).name())
                .isEqualTo("postgresql://db2/app");
    }

    @Test
    void aGivenNameLosesAnyPasswordAndToStringShowsNone() {
        Shard shard = new Shard("x?password=hunter22", new Database("jdbc:postgresql://h/db", "u", "hunter22"),
                TenantSpec.parse("a"));
        assertThat(shard.name()).doesNotContain("hunter22");
        assertThat(shard.toString()).doesNotContain("hunter22");
    }
}
