package dev.retort.compare;

import dev.retort.ForeignKey;
import dev.retort.MetaData;
import dev.retort.Table;
import dev.retort.operations.ConstraintOps.AddConstraint;
import dev.retort.operations.ConstraintOps.DropConstraint;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps.CreateTable;
import dev.retort.operations.TableOps.DropTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.foreignKey;
import static dev.retort.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

class DifferOrderingTest {

    private static Diff roundTrip(MetaData model, MetaData database) {
        return RoundTrip.check(model, database, CompareOptions.managing("app"), "app");
    }

    /** t0 <- t1 <- t2, defined referencing-first so that model order alone would be wrong. */
    private static MetaData chain() {
        MetaData md = new MetaData("app");
        md.table("t2", column("id", INTEGER).primaryKey(), column("t1_id", INTEGER).references("t1.id"));
        md.table("t1", column("id", INTEGER).primaryKey(), column("t0_id", INTEGER).references("t0.id"));
        md.table("t0", column("id", INTEGER).primaryKey());
        return md;
    }

    @Test
    void aChainIsCreatedReferencedFirstAndDroppedReferencingFirst() {
        assertThat(RoundTrip.described(roundTrip(chain(), new MetaData("app"))))
                .containsExactly("create table t0", "create table t1", "create table t2");
        assertThat(RoundTrip.described(roundTrip(new MetaData("app"), chain())))
                .containsExactly("drop table t2", "drop table t1", "drop table t0");
    }

    /** a.b_id -> b and b.a_id -> a. */
    private static MetaData cycle() {
        MetaData md = new MetaData("app");
        md.table("a", column("id", INTEGER).primaryKey(), column("b_id", INTEGER).references("b.id"));
        md.table("b", column("id", INTEGER).primaryKey(), column("a_id", INTEGER).references("a.id"));
        return md;
    }

    @Test
    void aCycleIsBrokenByAddingOneForeignKeyAfterBothTables() {
        MetaData model = cycle();
        Diff diff = roundTrip(model, new MetaData("app"));
        Table a = model.get("app.a");
        ForeignKey aToB = a.foreignKeys().get(0);
        assertThat(diff.operations()).containsExactly(
                new CreateTable(new Table("app", "a", a.columns(), a.primaryKey(), a.uniques(), List.of(), a.checks(),
                        a.indexes(), a.comment(), null)),
                new CreateTable(model.get("app.b")),
                new AddConstraint("app", "a", aToB));

        Table b = model.get("app.b");
        ForeignKey bToA = b.foreignKeys().get(0);
        Diff drop = roundTrip(new MetaData("app"), model);
        assertThat(drop.operations()).containsExactly(
                new DropConstraint("app", "b", bToA),
                new DropTable(model.get("app.a")),
                new DropTable(new Table("app", "b", b.columns(), b.primaryKey(), b.uniques(), List.of(), b.checks(),
                        b.indexes(), b.comment(), null)));
    }

    @Test
    void aSelfReferenceStaysInline() {
        MetaData model = new MetaData("app");
        model.table("node", column("id", INTEGER).primaryKey(), column("parent_id", INTEGER).references("node.id"));
        assertThat(roundTrip(model, new MetaData("app")).operations()).containsExactly(new CreateTable(model.get("app.node")));
        assertThat(roundTrip(new MetaData("app"), model).operations()).containsExactly(new DropTable(model.get("app.node")));
    }

    @Test
    void aNewTableReferringToAnExistingOneIsCreatedAfterTheKeyItNeeds() {
        MetaData database = new MetaData("app");
        database.table("parent", column("id", INTEGER).primaryKey(), column("code", INTEGER));
        MetaData model = new MetaData("app");
        model.table("child", column("id", INTEGER).primaryKey(),
                column("code", INTEGER), foreignKey("code").references("parent.code"));
        model.table("parent", column("id", INTEGER).primaryKey(), column("code", INTEGER).unique());
        assertThat(RoundTrip.described(roundTrip(model, database)))
                .containsExactly("add constraint uq_parent_code on parent", "create table child");
    }

    @Test
    void aForeignKeyIntoADroppedTableIsDroppedFirst() {
        MetaData database = new MetaData("app");
        database.table("old", column("id", INTEGER).primaryKey());
        database.table("user", column("id", INTEGER).primaryKey(), column("old_id", INTEGER).references("old.id"));
        MetaData model = new MetaData("app");
        model.table("user", column("id", INTEGER).primaryKey());
        assertThat(RoundTrip.described(roundTrip(model, database))).containsExactly(
                "drop constraint fk_user_old_id_old on user", "drop table old", "drop column user.old_id");
    }

    @Test
    void aForeignKeyBetweenExistingAndNewTablesComesAfterBoth() {
        MetaData database = new MetaData("app");
        database.table("user", column("id", INTEGER).primaryKey(), column("team_id", INTEGER));
        MetaData model = new MetaData("app");
        model.table("user", column("id", INTEGER).primaryKey(), column("team_id", INTEGER).references("team.id"));
        model.table("team", column("id", INTEGER).primaryKey(), column("lead_id", INTEGER).references("user.id"));
        assertThat(RoundTrip.described(roundTrip(model, database)))
                .containsExactly("create table team", "add constraint fk_user_team_id_team on user");
    }

    @Test
    void theOrderIsDeterministicAndFollowsTheModel() {
        MetaData model = new MetaData("app");
        model.table("zeta", column("id", INTEGER).primaryKey());
        model.table("alpha", column("id", INTEGER).primaryKey());
        model.table("mid", column("id", INTEGER).primaryKey());
        List<Operation> first = Differ.compare(model, new MetaData("app")).operations();
        assertThat(first).extracting(Operation::describe).containsExactly("create table zeta", "create table alpha", "create table mid");
        for (int i = 0; i < 5; i++) assertThat(Differ.compare(model, new MetaData("app")).operations()).isEqualTo(first);
        // Drops follow names, whatever order the database was read in.
        assertThat(RoundTrip.described(Differ.compare(new MetaData("app"), model)))
                .containsExactly("drop table alpha", "drop table mid", "drop table zeta");
    }

    @Test
    void aLongCycleBreaksOnlyWhereItMust() {
        MetaData md = new MetaData("app");
        md.table("a", column("id", INTEGER).primaryKey(), column("c_id", INTEGER).references("c.id"));
        md.table("b", column("id", INTEGER).primaryKey(), column("a_id", INTEGER).references("a.id"));
        md.table("c", column("id", INTEGER).primaryKey(), column("b_id", INTEGER).references("b.id"));
        md.table("d", column("id", INTEGER).primaryKey(), column("c_id", INTEGER).references("c.id"));
        assertThat(RoundTrip.described(roundTrip(md, new MetaData("app")))).containsExactly(
                "create table a", "create table b", "create table c", "create table d", "add constraint fk_a_c_id_c on a");
        assertThat(RoundTrip.described(roundTrip(new MetaData("app"), md))).containsExactly(
                "drop constraint fk_c_b_id_b on c", "drop table b", "drop table a", "drop table d", "drop table c");
        // d waits on the cycle without being part of it: breaking the cycle never defers its key.
        MetaData dFirst = new MetaData("app");
        for (String k : List.of("app.d", "app.a", "app.b", "app.c")) dFirst.add(md.get(k));
        assertThat(RoundTrip.described(roundTrip(dFirst, new MetaData("app")))).containsExactly(
                "create table a", "create table b", "create table c", "create table d", "add constraint fk_a_c_id_c on a");
    }
}
