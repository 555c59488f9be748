package dev.retort;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.foreignKey;
import static dev.retort.Dsl.index;
import static dev.retort.Dsl.primaryKey;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input is refused with a message that names the offending object. */
class ValidationTest {
    private static final String LONG = "x".repeat(64);

    @Test
    void emptyIdentifiers() {
        MetaData md = new MetaData();
        assertThatThrownBy(() -> md.table("", column("id", INTEGER))).hasMessage("table name is empty");
        assertThatThrownBy(() -> md.table("   ", column("id", INTEGER))).hasMessage("table name is blank: '   '");
        assertThatThrownBy(() -> md.table("t", column("", INTEGER))).hasMessage("table t: column name is empty");
        assertThatThrownBy(() -> new MetaData("")).hasMessage("schema name is empty");
        assertThatThrownBy(() -> md.withSchema("")).hasMessage("schema name is empty");
        assertThatThrownBy(() -> md.setSchema("")).hasMessage("schema name is empty");
        assertThatThrownBy(() -> md.tableIn("", "t", column("id", INTEGER))).hasMessage("table t: schema name is empty");
        assertThatThrownBy(() -> md.table("t", column("id", INTEGER), index("id").named("")))
                .hasMessage("table t: index name is empty");
        assertThat(md.tables()).isEmpty();
    }

    @Test
    void identifiersLongerThanSixtyThreeBytes() {
        MetaData md = new MetaData();
        assertThatThrownBy(() -> md.table(LONG, column("id", INTEGER)))
                .hasMessage("table name '" + LONG + "' is 64 bytes long; the limit is 63");
        assertThatThrownBy(() -> md.table("t", column(LONG, INTEGER)))
                .hasMessage("table t: column name '" + LONG + "' is 64 bytes long; the limit is 63");
        String accented = "é".repeat(32); // 32 characters, 64 bytes
        assertThatThrownBy(() -> md.tableIn(accented, "t", column("id", INTEGER)))
                .hasMessage("table t: schema name '" + accented + "' is 64 bytes long; the limit is 63");
        assertThatCode(() -> md.table("x".repeat(63), column("y".repeat(63), INTEGER))).doesNotThrowAnyException();
    }

    @Test
    void duplicateTable() {
        MetaData md = Fixtures.seed();
        assertThatThrownBy(() -> md.table("test", column("id", INTEGER)))
                .hasMessage("table test is already defined in this MetaData");
        MetaData inSchema = new MetaData("tenant_a");
        inSchema.table("test", column("id", INTEGER));
        assertThatThrownBy(() -> inSchema.tableIn("tenant_a", "test", column("id", INTEGER)))
                .hasMessage("table tenant_a.test is already defined in this MetaData");
    }

    @Test
    void duplicateColumn() {
        assertThatThrownBy(() -> new MetaData("s").table("test", column("id", INTEGER), column("id", varchar(3))))
                .hasMessage("table s.test defines column id twice");
    }

    @Test
    void foreignKeyToAMissingColumnOfATableDefinedBefore() {
        MetaData md = new MetaData();
        md.table("test", column("id", INTEGER).primaryKey());
        assertThatThrownBy(() -> md.table("child", column("test_id", INTEGER).references("test.idx")))
                .hasMessage("table child: foreign key fk_child_test_id_test(test_id) -> test(idx) refers to column"
                        + " test.idx, which does not exist");
        assertThat(md.tables()).containsOnlyKeys("test");
    }

    @Test
    void foreignKeyToAMissingColumnOfATableDefinedAfter() {
        MetaData md = new MetaData();
        md.table("child", column("test_id", INTEGER).references("test.idx"));
        assertThatThrownBy(() -> md.table("test", column("id", INTEGER).primaryKey()))
                .hasMessage("table child: foreign key fk_child_test_id_test(test_id) -> test(idx) refers to column"
                        + " test.idx, which does not exist");
        assertThat(md.tables()).containsOnlyKeys("child");
    }

    @Test
    void foreignKeyToItsOwnTable() {
        MetaData md = new MetaData();
        assertThatThrownBy(() -> md.table("node", column("id", INTEGER).primaryKey(), column("parent", INTEGER).references("node.ident")))
                .hasMessageStartingWith("table node: foreign key fk_node_parent_node(parent) -> node(ident) refers to column node.ident");
    }

    @Test
    void foreignKeyOnAMissingLocalColumnOrMalformed() {
        MetaData md = Fixtures.seed();
        assertThatThrownBy(() -> md.table("other", column("id", INTEGER), foreignKey("nope").references("test.id")))
                .hasMessage("table other: foreign key fk_other_nope_test(nope) -> test(id) names column nope, which the table does not have");
        assertThatThrownBy(() -> md.table("other", column("test_id", INTEGER).references("test")))
                .hasMessage("table other: foreign key on [test_id]: a reference is 'table.column' or 'schema.table.column', not 'test'");
        assertThatThrownBy(() -> md.table("other", column("id", INTEGER), foreignKey("id")))
                .hasMessage("table other: foreign key on [id] refers to nothing");
    }

    @Test
    void primaryKeyOnANullableColumn() {
        MetaData md = new MetaData();
        assertThatThrownBy(() -> md.table("t", column("id", INTEGER).nullable().primaryKey()))
                .hasMessage("table t: primary key column id is declared nullable");
        assertThatThrownBy(() -> md.table("t", column("id", INTEGER).nullable(), primaryKey("id")))
                .hasMessage("table t: primary key column id is declared nullable");
        assertThatThrownBy(() -> new Table("s", "t", List.of(Column.of("id", INTEGER)), new PrimaryKey("pk_t", List.of("id")),
                List.of(), List.of(), List.of(), List.of(), null, null))
                .hasMessage("table s.t: primary key pk_t(id) is on nullable column id");
        assertThatThrownBy(() -> md.table("t", column("id", INTEGER), primaryKey("ident")))
                .hasMessage("table t: primary key pk_t(ident) names column ident, which the table does not have");
    }

    @Test
    void aKeyNamingAColumnTwice() {
        MetaData md = new MetaData();
        assertThatThrownBy(() -> md.table("t", column("id", INTEGER), primaryKey("id", "id")))
                .hasMessage("table t: primary key pk_t names a column twice: [id, id]");
        assertThatThrownBy(() -> md.table("t", column("id", INTEGER), Dsl.unique("id", "id")))
                .hasMessage("table t: unique constraint uq_t_id_id names a column twice: [id, id]");
    }

    @Test
    void namingConventionCollisionInOneTable() {
        MetaData md = new MetaData();
        assertThatThrownBy(() -> md.table("t", column("a_b", INTEGER), column("a", INTEGER), column("b", INTEGER),
                index("a_b"), index("a", "b")))
                .hasMessage("table t: two constraints or indexes are named ix_t_a_b (a naming-convention collision, or a name given twice)");
        MetaData coarse = new MetaData(null, new NamingConvention("pk_{table}", "fk_{table}", "uq_{table}", "ix_{table}", "ck_{table}"));
        assertThatThrownBy(() -> coarse.table("t", column("a", INTEGER).index(), column("b", INTEGER).index()))
                .hasMessageContaining("two constraints or indexes are named ix_t");
    }

    @Test
    void namingConventionCollisionAcrossTablesOfOneSchema() {
        MetaData md = new MetaData();
        md.table("t", column("x_y", INTEGER).index());
        assertThatThrownBy(() -> md.table("t_x", column("y", INTEGER).index()))
                .hasMessage("table t_x: the name ix_t_x_y is already used by table t in the same schema (a naming-convention collision?)");
        assertThatThrownBy(() -> md.table("ix_t_x_y", column("id", INTEGER)))
                .hasMessageContaining("the name ix_t_x_y is already used by table t");
        // In another schema the same names are free.
        assertThatCode(() -> md.tableIn("other", "t_x", column("y", INTEGER).index())).doesNotThrowAnyException();
    }

    @Test
    void columnMistakesNameTheirTable() {
        MetaData md = new MetaData("s");
        assertThatThrownBy(() -> md.table("t", column("id", INTEGER).identity().autoIncrement()))
                .hasMessage("table s.t: column id cannot be both identity and auto-increment");
        assertThatThrownBy(() -> md.table("t", column("id", null)))
                .hasMessage("table s.t: column id has no type");
        assertThatThrownBy(() -> md.table("t", column("id", INTEGER).computed("1").defaultExpr("2")))
                .hasMessage("table s.t: generated column id cannot also have a default");
    }

    @Test
    void enumTypesOfOneNameMustAgree() {
        MetaData md = new MetaData();
        md.table("a", column("m", Types.enumType("mood", "happy", "sad")));
        assertThatThrownBy(() -> md.table("b", column("m", Types.enumType("mood", "sad", "happy"))))
                .hasMessage("table b: enum type mood has labels [sad, happy] but table a defines it as [happy, sad]");
        assertThatThrownBy(() -> Types.enumType("mood")).hasMessage("enum type mood has no labels");
        assertThatThrownBy(() -> Types.enumType("mood", "a", "a")).hasMessage("enum type mood repeats a label: [a, a]");
    }
}
