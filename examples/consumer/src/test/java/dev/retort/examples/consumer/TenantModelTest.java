package dev.retort.examples.consumer;

import dev.retort.MetaData;
import dev.retort.examples.models.Models;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantModelTest {

    @Test
    void bindsToTenantAWhenTargetSchemaIsUnset() {
        TenantModel model = new TenantModel(Map.of());
        assertThat(model.schema()).isEqualTo("tenant_a");
        MetaData md = model.metadata();
        assertThat(md.schema()).isEqualTo("tenant_a");
        assertThat(md.tables()).containsOnlyKeys("tenant_a.test", "tenant_a.child");
        assertThat(md.get("tenant_a.child").foreignKeys().get(0).referredKey()).isEqualTo("tenant_a.test");
    }

    @Test
    void bindsToTheSchemaTargetSchemaNames() {
        MetaData md = new TenantModel(Map.of("TARGET_SCHEMA", " tenant_b ")).metadata();
        assertThat(md.tables()).containsOnlyKeys("tenant_b.test", "tenant_b.child");
        assertThat(md.tables().values()).allSatisfy(t -> assertThat(t.schema()).isEqualTo("tenant_b"));
    }

    @Test
    void aBlankTargetSchemaMeansTheDefault() {
        assertThat(TenantModel.targetSchema(Map.of("TARGET_SCHEMA", "  "))).isEqualTo("tenant_a");
    }

    @Test
    void twoConsumersBindTheSharedModelSideBySide() {
        MetaData a = TenantModel.forSchema("tenant_a").metadata();
        MetaData b = TenantModel.forSchema("tenant_b").metadata();
        assertThat(a.tables()).containsOnlyKeys("tenant_a.test", "tenant_a.child");
        assertThat(b.tables()).containsOnlyKeys("tenant_b.test", "tenant_b.child");
        // Apart from the schema, both are the shared model.
        assertThat(a.withSchema(null).tables()).isEqualTo(Models.metadata().tables());
        assertThat(b.withSchema(null).tables()).isEqualTo(Models.metadata().tables());
    }

    @Test
    void theNoArgumentConstructorReadsTheEnvironment() {
        String expected = TenantModel.targetSchema(System.getenv());
        assertThat(new TenantModel().schema()).isEqualTo(expected);
    }
}
