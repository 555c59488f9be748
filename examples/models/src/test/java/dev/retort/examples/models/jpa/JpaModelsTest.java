package dev.retort.examples.models.jpa;

import dev.retort.MetaData;
import dev.retort.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JpaModelsTest {

    @Test
    void theModelBindsToATenantWithoutChangingItself() {
        MetaData shared = JpaModels.metadata();
        MetaData tenantA = shared.withSchema("tenant_a");
        assertThat(tenantA.tables()).containsOnlyKeys("tenant_a.test", "tenant_a.child");
        Table child = tenantA.get("tenant_a.child");
        assertThat(child.foreignKeys().get(0).referredKey()).isEqualTo("tenant_a.test");
        assertThat(child.indexes().get(0).name()).isEqualTo("ix_child_test_id");
        assertThat(shared.tables()).containsOnlyKeys("test", "child");
    }
}
