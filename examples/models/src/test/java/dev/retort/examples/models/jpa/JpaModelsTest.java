package dev.retort.examples.models.jpa;

import dev.retort.MetaData;
import dev.retort.Table;
import org.junit.jupiter.api.Test;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;

class JpaModelsTest {

    /** The same tables written with the DSL, as the README defines them. */
    private static MetaData dsl() {
        MetaData md = new MetaData();
        md.table("test",
                column("id", INTEGER).primaryKey(),
                column("name", varchar(100)).notNull());
        md.table("child",
                column("id", INTEGER).primaryKey(),
                column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE),
                index("test_id"));
        return md;
    }

    @Test
    void theEntitiesGiveTheSameTablesAsTheDsl() {
        assertThat(JpaModels.metadata().tables()).isEqualTo(dsl().tables());
    }

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
