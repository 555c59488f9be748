package dev.retort.compare;

import dev.retort.MetaData;
import dev.retort.operations.ColumnOps.RenameColumn;
import dev.retort.operations.TableOps.RenameTable;
import org.junit.jupiter.api.Test;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.renamedFrom;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DifferRenamesTest {

    private static Diff roundTrip(MetaData model, MetaData database) {
        // Keys and indexes of a renamed table keep the names they had: compared without names.
        return RoundTrip.check(model, database, CompareOptions.managing("app"), false, "app");
    }

    private static MetaData old() {
        MetaData md = new MetaData("app");
        md.table("customer", column("id", INTEGER).primaryKey(), column("name", TEXT));
        md.table("orders", column("id", INTEGER).primaryKey(), column("customer_id", INTEGER).references("customer.id"));
        return md;
    }

    @Test
    void aTableIsRenamedOnlyWhenTheModelSaysSo() {
        MetaData guessed = new MetaData("app");
        guessed.table("client", column("id", INTEGER).primaryKey(), column("name", TEXT));
        guessed.table("orders", column("id", INTEGER).primaryKey(), column("customer_id", INTEGER).references("client.id"));
        assertThat(RoundTrip.described(roundTrip(guessed, old()))).as("same shape, other name: no guess").containsExactly(
                "drop constraint fk_orders_customer_id_customer on orders", "drop table customer", "create table client",
                "add constraint fk_orders_customer_id_client on orders");

        MetaData declared = new MetaData("app");
        declared.table("client", column("id", INTEGER).primaryKey(), column("name", TEXT), renamedFrom("customer"));
        declared.table("orders", column("id", INTEGER).primaryKey(),
                column("customer_id", INTEGER).references("client.id"));
        Diff diff = roundTrip(declared, old());
        // The keys keep the names they had (pk_customer, fk_orders_customer_id_customer): defined alike,
        // they are the same objects, and no portable statement renames them.
        assertThat(diff.operations()).containsExactly(new RenameTable("app", "customer", "client"));
        MetaData after = InMemoryDatabase.of(old()).apply(diff.operations()).toMetaData();
        assertThat(after.get("app.client").primaryKey().name()).isEqualTo("pk_customer");

        // Once the model wants the old name for something else, the kept one makes way, and with it the
        // foreign key relying on it.
        MetaData reused = new MetaData("app");
        declared.tables().values().forEach(reused::add);
        reused.table("customer", column("id", INTEGER).primaryKey());
        assertThat(RoundTrip.described(RoundTrip.check(reused, after, CompareOptions.managing("app"), "app"))).containsExactly(
                "drop constraint fk_orders_customer_id_customer on orders", "drop constraint pk_customer on client",
                "add constraint pk_client on client", "create table customer", "add constraint fk_orders_customer_id_client on orders");
    }

    @Test
    void aRenamedTableIsThenComparedAsUsual() {
        MetaData model = new MetaData("app");
        model.table("client", column("id", INTEGER).primaryKey(), column("name", TEXT), column("vip", INTEGER),
                renamedFrom("customer"));
        MetaData database = new MetaData("app");
        database.table("customer", column("id", INTEGER).primaryKey(), column("name", TEXT));
        assertThat(RoundTrip.described(roundTrip(model, database)))
                .containsExactly("rename table customer to client", "add column client.vip");
    }

    @Test
    void noRenameWhenTheOldNameIsGoneOrTheNewOneAlreadyExists() {
        MetaData model = new MetaData("app");
        model.table("client", column("id", INTEGER).primaryKey(), renamedFrom("customer"));
        assertThat(RoundTrip.described(roundTrip(model, new MetaData("app")))).containsExactly("create table client");
        MetaData both = new MetaData("app");
        both.table("client", column("id", INTEGER).primaryKey());
        both.table("customer", column("id", INTEGER).primaryKey());
        assertThat(RoundTrip.described(roundTrip(model, both))).containsExactly("drop table customer");
        assertThat(roundTrip(model, new MetaData("app")).operations().get(0).toString()).doesNotContain("renamed");
    }

    @Test
    void aColumnIsRenamedOnlyWhenTheModelSaysSoAndKeysFollowIt() {
        MetaData model = new MetaData("app");
        model.table("customer", column("id", INTEGER).primaryKey(), column("full_name", TEXT).renamedFrom("name"));
        model.table("orders", column("id", INTEGER).primaryKey(), column("customer_id", INTEGER).references("customer.id"));
        assertThat(roundTrip(model, old()).operations()).containsExactly(new RenameColumn("app", "customer", "name", "full_name"));

        MetaData guessed = new MetaData("app");
        guessed.table("customer", column("id", INTEGER).primaryKey(), column("full_name", TEXT));
        guessed.table("orders", column("id", INTEGER).primaryKey(), column("customer_id", INTEGER).references("customer.id"));
        assertThat(RoundTrip.described(roundTrip(guessed, old())))
                .containsExactly("drop column customer.name", "add column customer.full_name");
    }

    @Test
    void aRenamedKeyColumnCarriesTheForeignKeysIntoIt() {
        MetaData model = new MetaData("app");
        model.table("customer", column("key", INTEGER).primaryKey().renamedFrom("id"), column("name", TEXT));
        model.table("orders", column("id", INTEGER).primaryKey(),
                column("customer_id", BIGINT).references("customer.key"));
        assertThat(RoundTrip.described(roundTrip(model, old()))).containsExactly(
                "rename column customer.id to key",
                "drop constraint fk_orders_customer_id_customer on orders",
                "alter column orders.customer_id: type integer -> bigint",
                "add constraint fk_orders_customer_id_customer on orders");
    }

    @Test
    void bothTableAndColumnRenamed() {
        MetaData model = new MetaData("app");
        model.table("client", column("id", INTEGER).primaryKey(), column("full_name", TEXT).renamedFrom("name"),
                renamedFrom("customer"));
        model.table("orders", column("id", INTEGER).primaryKey(), column("customer_id", INTEGER).references("client.id")
                );
        assertThat(RoundTrip.described(roundTrip(model, old()))).containsExactly(
                "rename table customer to client", "rename column client.name to full_name");
    }

    @Test
    void twoObjectsRenamedFromOneNameAreAnError() {
        MetaData model = new MetaData("app");
        model.table("a", column("id", INTEGER).primaryKey(), renamedFrom("customer"));
        model.table("b", column("id", INTEGER).primaryKey(), renamedFrom("customer"));
        assertThatThrownBy(() -> Differ.compare(model, old())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tables app.a and app.b are both renamed from app.customer");
        MetaData columns = new MetaData("app");
        columns.table("customer", column("id", INTEGER).primaryKey(), column("a", TEXT).renamedFrom("name"),
                column("b", TEXT).renamedFrom("name"));
        assertThatThrownBy(() -> Differ.compare(columns, old())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table app.customer: columns a and b are both renamed from name");
    }
}
