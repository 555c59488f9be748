package dev.retort;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model's values: equal by value, immutable, readable. */
class ValuesTest {

    @Test
    void independentlyBuiltModelsAreEqualTableByTable() {
        MetaData a = Fixtures.rich();
        MetaData b = Fixtures.rich();
        assertThat(a).isNotEqualTo(b); // a MetaData is a mutable registry, compared by identity
        assertThat(a.tables()).isEqualTo(b.tables());
        for (String key : a.tables().keySet()) {
            assertThat(a.get(key)).isEqualTo(b.get(key)).hasSameHashCodeAs(b.get(key)).isNotSameAs(b.get(key));
        }
        assertThat(a.get("test")).isNotEqualTo(a.get("test").withComment("changed"));
        assertThat(a.get("test").withComment("changed").withComment(null)).isEqualTo(a.get("test"));
    }

    @Test
    void valuesCannotBeChangedThroughTheirLists() {
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", Types.INTEGER)));
        Table t = new Table(null, "t", columns, null, List.of(), List.of(), List.of(), List.of(), null, null);
        columns.add(Column.of("sneaky", Types.TEXT));
        assertThat(t.columns()).hasSize(1);
        assertThatThrownBy(() -> t.columns().add(Column.of("x", Types.TEXT))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Fixtures.seed().tables().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringIsReadable() {
        MetaData md = Fixtures.seed();
        assertThat(md).hasToString("MetaData(schema=None, tables=[test, child])");
        assertThat(md.withSchema("tenant_a")).hasToString("MetaData(schema='tenant_a', tables=[tenant_a.test, tenant_a.child])");
        assertThat(md.get("test")).hasToString(
                "Table test (id integer not null; name varchar(100) not null; primary key pk_test(id))");
        assertThat(md.withSchema("tenant_a").get("tenant_a.child")).hasToString("Table tenant_a.child (id integer not null; "
                + "test_id integer not null; primary key pk_child(id); "
                + "foreign key fk_child_test_id_test(test_id) -> tenant_a.test(id) on delete cascade; index ix_child_test_id(test_id))");

        Table child = Fixtures.rich().get("child");
        assertThat(child.column("id").orElseThrow()).hasToString("id bigint not null identity by default");
        assertThat(child.column("created_at").orElseThrow()).hasToString("created_at timestamptz not null default now()");
        assertThat(child.column("note").orElseThrow()).hasToString("note text comment 'free text'");
        assertThat(child.indexes().get(1)).hasToString(
                "index ix_child_recent(created_at desc, (lower(note))) include(test_id) where note is not null");
        assertThat(child.checks().get(0)).hasToString("check ck_child_1(test_id > 0)");
        assertThat(Fixtures.rich().get("test").uniques().get(0)).hasToString("unique uq_test_name(name)");
        assertThat(Sequence.of("ticket_seq").withSchema("tenant_a")).hasToString("sequence tenant_a.ticket_seq as bigint");
    }
}
