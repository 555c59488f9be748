package dev.retort;

import org.junit.jupiter.api.Test;

import static dev.retort.Dsl.column;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.enumType;
import static org.assertj.core.api.Assertions.assertThat;

/** The schema rules written on {@link MetaData}: SQLAlchemy's, and the seed's problem. */
class SchemaRulesTest {

    @Test
    void aTableWithoutASchemaIsKeyedByItsName() {
        MetaData md = Fixtures.seed();
        assertThat(md.schema()).isNull();
        assertThat(md.tables()).containsOnlyKeys("test", "child");
        assertThat(md.get("test").schema()).isNull();
        assertThat(md.get("test").key()).isEqualTo("test");
    }

    @Test
    void aTableTakesTheDefaultSchemaAtDefinitionTime() {
        MetaData md = new MetaData("tenant_a");
        md.table("test", column("id", INTEGER).primaryKey(), column("mood", enumType("mood", "a", "b")));
        md.table("child", column("test_id", INTEGER).references("test.id"));
        assertThat(md.tables()).containsOnlyKeys("tenant_a.test", "tenant_a.child");
        assertThat(md.get("tenant_a.test").schema()).isEqualTo("tenant_a");
        assertThat(md.get("tenant_a.child").foreignKeys().get(0).referredKey()).isEqualTo("tenant_a.test");
        assertThat(md.get("tenant_a.test").enumTypes()).extracting(SqlType.Enum::key).containsExactly("tenant_a.mood");
    }

    @Test
    void settingTheSchemaAfterwardsChangesNoTable() {
        MetaData md = Fixtures.seed();
        var before = md.tables();
        md.setSchema("tenant_a");
        assertThat(md.schema()).isEqualTo("tenant_a");
        assertThat(md.tables()).containsOnlyKeys("test", "child");
        assertThat(md.tables()).isEqualTo(before);
        assertThat(md.get("test").schema()).isNull();
        assertThat(md.get("child").foreignKeys().get(0).referredSchema()).isNull();
        assertThat(md.toString()).isEqualTo("MetaData(schema='tenant_a', tables=[test, child])");
    }

    @Test
    void theNewDefaultAppliesOnlyToTablesDefinedAfterIt() {
        MetaData md = Fixtures.seed();
        md.setSchema("tenant_a");
        md.table("later", column("id", INTEGER).primaryKey());
        assertThat(md.tables()).containsOnlyKeys("test", "child", "tenant_a.later");
        md.setSchema(null);
        md.table("latest", column("id", INTEGER).primaryKey());
        assertThat(md.tables()).containsOnlyKeys("test", "child", "tenant_a.later", "latest");
    }

    @Test
    void anExplicitSchemaWins() {
        MetaData md = new MetaData("tenant_a");
        md.tableIn("public", "tenants", column("id", INTEGER).primaryKey());
        md.tableIn("public", "plans", column("tenant_id", INTEGER).references("tenants.id"),
                column("mood", enumType("mood", "a")));
        md.table("test", column("tenant_id", INTEGER).references("public.tenants.id"));
        assertThat(md.tables()).containsOnlyKeys("public.tenants", "public.plans", "tenant_a.test");
        // Within a table of an explicit schema, unqualified references and enum types follow the table.
        assertThat(md.get("public.plans").foreignKeys().get(0).referredKey()).isEqualTo("public.tenants");
        assertThat(md.get("public.plans").enumTypes().get(0).key()).isEqualTo("public.mood");
        assertThat(md.get("tenant_a.test").foreignKeys().get(0).referredKey()).isEqualTo("public.tenants");
    }

    @Test
    void withSchemaBindsAndSetSchemaOnTheCopyChangesNothingEither() {
        MetaData bound = Fixtures.seed().withSchema("tenant_a");
        assertThat(bound.schema()).isEqualTo("tenant_a");
        assertThat(bound.tables()).containsOnlyKeys("tenant_a.test", "tenant_a.child");
        bound.setSchema("tenant_b");
        assertThat(bound.tables()).containsOnlyKeys("tenant_a.test", "tenant_a.child");
    }

    @Test
    void aSchemaIsOnlyAName() {
        MetaData md = new MetaData();
        md.tableIn("tenant_a", "test", column("id", INTEGER).primaryKey());
        md.table("test", column("id", INTEGER).primaryKey());
        assertThat(md.tables()).containsOnlyKeys("tenant_a.test", "test");
        assertThat(md.schemas()).containsExactly("tenant_a");
    }
}
