package dev.retort;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.enumType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registering many tables at once: the checks of add, table by table, and nothing added on failure. */
class AddAllTest {

    /** Tables defined in a scratch MetaData, each referring to the one before. */
    private static List<Table> chain(int n) {
        MetaData scratch = new MetaData();
        for (int i = 0; i < n; i++) {
            if (i == 0) scratch.table("t0", column("id", INTEGER).primaryKey());
            else scratch.table("t" + i, column("id", INTEGER).primaryKey(), column("prev", INTEGER).references("t" + (i - 1) + ".id"));
        }
        return List.copyOf(scratch.tables().values());
    }

    @Test
    void registersInOrderAsAddDoes() {
        MetaData md = new MetaData();
        md.addAll(chain(5));
        assertThat(md.tables().keySet()).containsExactly("t0", "t1", "t2", "t3", "t4");
        MetaData oneByOne = new MetaData();
        chain(5).forEach(oneByOne::add);
        assertThat(md.tables()).isEqualTo(oneByOne.tables());
    }

    @Test
    void aFailureAddsNothing() {
        MetaData md = new MetaData();
        md.table("kept", column("id", INTEGER));
        List<Table> batch = new ArrayList<>(chain(3));
        batch.add(chain(1).get(0));
        assertThatThrownBy(() -> md.addAll(batch)).hasMessage("table t0 is already defined in this MetaData");
        assertThat(md.tables().keySet()).containsExactly("kept");
    }

    @Test
    void checksRunAgainstTablesRegisteredAndTablesEarlierInTheBatch() {
        List<Table> tables = chain(3);
        MetaData md = new MetaData();
        md.add(tables.get(0));
        Table wrongColumn = new Table(null, "t9", List.of(Column.of("id", INTEGER).withNullable(false)), null, List.of(),
                List.of(new ForeignKey("fk", List.of("id"), null, "t1", List.of("nope"), null, null, false, false)),
                List.of(), List.of(), null, null);
        assertThatThrownBy(() -> md.addAll(List.of(tables.get(1), wrongColumn)))
                .hasMessage("table t9: foreign key fk(id) -> t1(nope) refers to column t1.nope, which does not exist");

        MetaData names = new MetaData();
        names.table("a", column("id", INTEGER), index("id").named("shared_name"));
        MetaData scratch = new MetaData();
        scratch.table("b", column("id", INTEGER), index("id").named("shared_name"));
        assertThatThrownBy(() -> names.addAll(List.of(scratch.get("b"))))
                .hasMessage("table b: the name shared_name is already used by table a in the same schema (a naming-convention collision?)");

        MetaData enums = new MetaData();
        MetaData other = new MetaData();
        other.table("x", column("m", enumType("mood", "a", "b")));
        other.table("y", column("m", enumType("colour", "red")));
        MetaData third = new MetaData();
        third.table("z", column("m", enumType("mood", "a")));
        assertThatThrownBy(() -> enums.addAll(List.of(other.get("x"), other.get("y"), third.get("z"))))
                .hasMessage("table z: enum type mood has labels [a] but table x defines it as [a, b]");
        assertThat(enums.tables()).isEmpty();
    }
}
