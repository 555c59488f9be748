package dev.retort;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MetaData#withSchema}, {@link Table#toMetaData} and {@link MetaData#rebindInPlace}. */
class CloningTest {

    @Test
    void everyTableOfTheDefaultSchemaMovesAndPinnedOnesStay() {
        MetaData bound = Fixtures.rich().withSchema("tenant_a");
        assertThat(bound.schema()).isEqualTo("tenant_a");
        assertThat(bound.tables()).containsOnlyKeys("public.tenants", "tenant_a.test", "tenant_a.child", "tenant_a.grandchild");
        assertThat(bound.tables().values()).allSatisfy(t -> assertThat(t.key()).isEqualTo(t.schema() + "." + t.name()));
        assertThat(bound.sequences()).containsOnlyKeys("tenant_a.ticket_seq");
        assertThat(bound.schemas()).containsExactly("public", "tenant_a");
    }

    @Test
    void foreignKeysIntoTheSameSchemaMoveAndOthersKeepTheirs() {
        MetaData bound = Fixtures.rich().withSchema("tenant_a");
        Table child = bound.get("tenant_a.child");
        assertThat(child.foreignKeys()).extracting(ForeignKey::referredKey).containsExactly("tenant_a.test", "public.tenants");
        assertThat(bound.get("tenant_a.grandchild").foreignKeys()).extracting(ForeignKey::referredKey)
                .containsExactly("tenant_a.child", "tenant_a.grandchild");
    }

    @Test
    void aForeignKeyFromAPinnedTableStaysWhereItWas() {
        MetaData md = new MetaData();
        md.table("test", column("id", INTEGER).primaryKey());
        md.tableIn("public", "audit", column("test_id", INTEGER).references("test.id"));
        MetaData bound = md.withSchema("tenant_a");
        // audit was defined in public, so its unqualified reference meant public.test, and stays so.
        assertThat(bound.get("public.audit").foreignKeys().get(0).referredKey()).isEqualTo("public.test");
    }

    @Test
    void referredSchemaFnDecides() {
        ReferredSchemaFn toShared = (source, toSchema, fk, chosen) ->
                fk.referredTable().equals("tenants") ? "shared" : chosen;
        MetaData bound = Fixtures.rich().withSchema("tenant_a", toShared);
        assertThat(bound.get("tenant_a.child").foreignKeys()).extracting(ForeignKey::referredKey)
                .containsExactly("tenant_a.test", "shared.tenants");

        List<String> seen = new java.util.ArrayList<>();
        ReferredSchemaFn recorder = (source, toSchema, fk, chosen) -> {
            seen.add(source.key() + "->" + toSchema + ":" + fk.referredKey() + "=" + chosen);
            return null;
        };
        MetaData target = new MetaData();
        Table copy = Fixtures.rich().get("child").toMetaData(target, "tenant_b", recorder);
        assertThat(seen).containsExactly("child->tenant_b:test=tenant_b", "child->tenant_b:public.tenants=public");
        assertThat(copy.foreignKeys()).extracting(ForeignKey::referredSchema).containsOnlyNulls();
        assertThat(target.tables()).containsOnlyKeys("tenant_b.child");
        assertThat(target.get("tenant_b.child")).isSameAs(copy);
    }

    @Test
    void enumTypesFollowTheForeignKeyRule() {
        MetaData bound = Fixtures.rich().withSchema("tenant_a");
        assertThat(bound.enums()).extracting(SqlType.Enum::key).containsExactly("public.region", "tenant_a.mood");
        Table child = bound.get("tenant_a.child");
        assertThat(child.column("moods").orElseThrow().type())
                .isEqualTo(new SqlType.Array(Fixtures.MOOD.withSchema("tenant_a")));
        assertThat(child.column("region").orElseThrow().type()).isEqualTo(Fixtures.REGION);
        assertThat(bound.get("tenant_a.test").column("mood").orElseThrow().type().toString()).isEqualTo("enum:tenant_a.mood");
    }

    @Test
    void namesDoNotChangeWithTheSchema() {
        MetaData source = Fixtures.rich();
        MetaData bound = source.withSchema("tenant_a");
        assertThat(Fixtures.names(bound)).isEqualTo(Fixtures.names(source)).noneMatch(n -> n.contains("tenant_a"))
                .contains("child:ix_child_test_id", "child:fk_child_test_id_test", "child:fk_child_tenant_id_tenants",
                        "test:uq_test_name", "test:ck_test_name_not_empty", "grandchild:uq_grandchild_tag");
    }

    @Test
    void theSourceIsUntouched() {
        MetaData source = Fixtures.rich();
        source.withSchema("tenant_a");
        source.withSchema("tenant_b", (t, to, fk, chosen) -> "elsewhere");
        source.get("test").toMetaData(new MetaData(), "tenant_c");
        MetaData pristine = Fixtures.rich();
        assertThat(source.schema()).isNull();
        assertThat(source.tables()).isEqualTo(pristine.tables());
        assertThat(List.copyOf(source.tables().keySet())).isEqualTo(List.copyOf(pristine.tables().keySet()));
        assertThat(source.sequences()).isEqualTo(pristine.sequences());
        assertThat(source.toString()).isEqualTo(pristine.toString());
    }

    @Test
    void bindingToNoSchemaUndoesTheBinding() {
        MetaData source = Fixtures.rich();
        MetaData back = source.withSchema("tenant_a").withSchema(null);
        assertThat(back.tables()).isEqualTo(source.tables());
        assertThat(back.sequences()).isEqualTo(source.sequences());
    }

    @Test
    void toMetaDataRetainsOrDropsTheSchemaOnRequest() {
        Table pinned = Fixtures.rich().get("public.tenants");
        assertThat(pinned.toMetaData(new MetaData()).key()).isEqualTo("public.tenants");
        assertThat(pinned.toMetaData(new MetaData(), Table.RETAIN_SCHEMA).key()).isEqualTo("public.tenants");
        assertThat(pinned.toMetaData(new MetaData(), null).key()).isEqualTo("tenants");
        assertThat(pinned.toMetaData(new MetaData(), null).column("region").orElseThrow().type())
                .as("an enum type in the table's own schema moves with it").isEqualTo(Fixtures.REGION.withSchema(null));
    }

    @Test
    void toMetaDataIntoAMetaDataThatHasTheTableFails() {
        MetaData target = new MetaData();
        Table test = Fixtures.seed().get("test");
        test.toMetaData(target, "tenant_a");
        assertThatThrownBy(() -> test.toMetaData(target, "tenant_a"))
                .hasMessage("table tenant_a.test is already defined in this MetaData");
    }

    @Test
    void rebindInPlaceBindsLikeWithSchemaButEveryHolderSeesIt() {
        MetaData shared = Fixtures.rich();
        MetaData secondConsumer = shared;
        MetaData expected = Fixtures.rich().withSchema("tenant_a");
        shared.rebindInPlace("tenant_a");
        assertThat(secondConsumer.schema()).isEqualTo("tenant_a");
        assertThat(secondConsumer.tables()).isEqualTo(expected.tables());
        assertThat(secondConsumer.sequences()).isEqualTo(expected.sequences());
    }

    @Test
    void rebindInPlaceRefusesToMergeTwoTablesAndChangesNothing() {
        MetaData md = new MetaData();
        md.table("test", column("id", INTEGER).primaryKey());
        md.tableIn("tenant_a", "test", column("id", INTEGER).primaryKey());
        var before = md.tables();
        assertThatThrownBy(() -> md.rebindInPlace("tenant_a")).hasMessageContaining("tenant_a.test is already defined");
        assertThat(md.tables()).isEqualTo(before);
        assertThat(md.schema()).isNull();
    }
}
