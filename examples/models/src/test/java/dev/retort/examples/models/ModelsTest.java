package dev.retort.examples.models;

import dev.retort.ForeignKey;
import dev.retort.MetaData;
import dev.retort.Table;
import dev.retort.Types;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsTest {

    @Test
    void theSharedModelHasNoSchema() {
        MetaData md = Models.metadata();
        assertThat(md.schema()).isNull();
        assertThat(md.tables()).containsOnlyKeys("test", "child");
        assertThat(md.tables().values()).allSatisfy(t -> assertThat(t.schema()).isNull());
    }

    @Test
    void testHasAnIntegerKeyAndARequiredName() {
        Table test = Models.metadata().get("test");
        assertThat(test.primaryKey().columns()).containsExactly("id");
        assertThat(test.column("id").orElseThrow().type()).isEqualTo(Types.INTEGER);
        assertThat(test.column("name").orElseThrow().type()).isEqualTo(Types.varchar(100));
        assertThat(test.column("name").orElseThrow().nullable()).isFalse();
    }

    @Test
    void childRefersToTestWithCascadeAndIsIndexed() {
        Table child = Models.metadata().get("child");
        ForeignKey fk = child.foreignKeys().get(0);
        assertThat(fk.referredKey()).isEqualTo("test");
        assertThat(fk.referredColumns()).containsExactly("id");
        assertThat(fk.onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
        assertThat(child.indexes()).extracting(i -> i.name()).containsExactly("ix_child_test_id");
    }

    @Test
    void everyCallGivesAFreshModel() {
        MetaData first = Models.metadata();
        first.rebindInPlace("tenant_a");
        assertThat(Models.metadata().tables()).containsOnlyKeys("test", "child");
        assertThat(new SharedModel().metadata()).isNotSameAs(new SharedModel().metadata());
        assertThat(new SharedModel().metadata().tables()).isEqualTo(Models.metadata().tables());
    }

    @Test
    void theDefinitionFollowsTheTargetsDefaultOrAnExplicitSchema() {
        assertThat(Models.define(new MetaData("tenant_a")).tables()).containsOnlyKeys("tenant_a.test", "tenant_a.child");
        MetaData explicit = Models.define(new MetaData(), "tenant_b");
        assertThat(explicit.schema()).isNull();
        assertThat(explicit.tables()).containsOnlyKeys("tenant_b.test", "tenant_b.child");
        assertThat(explicit.get("tenant_b.child").foreignKeys().get(0).referredKey()).isEqualTo("tenant_b.test");
    }
}
