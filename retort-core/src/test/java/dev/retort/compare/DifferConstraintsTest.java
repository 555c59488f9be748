package dev.retort.compare;

import dev.retort.CheckConstraint;
import dev.retort.ForeignKey;
import dev.retort.MetaData;
import dev.retort.PrimaryKey;
import dev.retort.Table;
import dev.retort.UniqueConstraint;
import dev.retort.operations.ConstraintOps.AddConstraint;
import dev.retort.operations.ConstraintOps.AlterConstraint;
import dev.retort.operations.ConstraintOps.DropConstraint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.SET_NULL;
import static dev.retort.Dsl.check;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.foreignKey;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

class DifferConstraintsTest {

    /** parent(id, code unique) and child(id, parent_id -> parent.id, qty check). */
    private static MetaData model() {
        MetaData md = new MetaData("app");
        md.table("parent", column("id", INTEGER).primaryKey(), column("code", TEXT).notNull(), unique("code"));
        md.table("child", column("id", INTEGER).primaryKey(), column("parent_id", INTEGER).references("parent.id"),
                column("parent_code", TEXT), column("qty", INTEGER), check("qty > 0").label("qty"));
        return md;
    }

    private static MetaData edit(MetaData md, String table, UnaryOperator<Table> change) {
        MetaData out = new MetaData("app");
        md.tables().values().forEach(t -> out.add(t.key().equals("app." + table) ? change.apply(t) : t));
        return out;
    }

    private static Table with(Table t, PrimaryKey pk, List<UniqueConstraint> uniques, List<ForeignKey> fks, List<CheckConstraint> checks) {
        return new Table(t.schema(), t.name(), t.columns(), pk, uniques, fks, checks, t.indexes(), t.comment(), t.renamedFrom());
    }

    private static Diff roundTrip(MetaData model, MetaData database) {
        return RoundTrip.check(model, database, CompareOptions.managing("app"), "app");
    }

    private static ForeignKey fk(MetaData md) {
        return md.get("app.child").foreignKeys().get(0);
    }

    @Test
    void aCheckOrForeignKeyThatBecomesValidIsValidatedInPlaceAndOneThatStopsBeingValidIsMadeAgain() {
        MetaData model = model();
        CheckConstraint ck = model.get("app.child").checks().get(0);
        ForeignKey key = fk(model);
        MetaData notValid = edit(model, "child", t -> with(t, t.primaryKey(), t.uniques(), List.of(key.withNotValid(true)),
                List.of(ck.withNotValid(true))));
        assertThat(RoundTrip.described(roundTrip(model, notValid))).containsExactly(
                "validate constraint " + ck.name() + " on child",
                "validate constraint " + key.name() + " on child");
        assertThat(roundTrip(model, notValid).operations()).allMatch(op -> op instanceof AlterConstraint a && a.validates());
        assertThat(RoundTrip.described(roundTrip(notValid, model))).containsExactly(
                "drop constraint " + key.name() + " on child",
                "drop constraint " + ck.name() + " on child",
                "add constraint " + ck.name() + " on child",
                "add constraint " + key.name() + " on child");
    }

    @Test
    void aPrimaryKeyThatBecomesDeferrableIsMadeAgain() {
        MetaData model = edit(model(), "child", t -> with(t, new PrimaryKey("pk_child", List.of("id"), true, true), t.uniques(),
                t.foreignKeys(), t.checks()));
        assertThat(RoundTrip.described(roundTrip(model, model()))).containsExactly(
                "drop constraint pk_child on child", "add constraint pk_child on child");
    }

    @Test
    void aMissingOrExtraUniqueConstraintIsAddedOrDropped() {
        MetaData model = model();
        MetaData without = edit(model, "parent", t -> with(t, t.primaryKey(), List.of(), t.foreignKeys(), t.checks()));
        UniqueConstraint uq = model.get("app.parent").uniques().get(0);
        assertThat(roundTrip(model, without).operations()).containsExactly(new AddConstraint("app", "parent", uq));
        assertThat(roundTrip(without, model).operations()).containsExactly(new DropConstraint("app", "parent", uq));
    }

    @Test
    void aChangedPrimaryKeyIsDroppedAndAddedWithTheForeignKeysRelyingOnIt() {
        MetaData model = model();
        MetaData database = edit(model, "parent", t -> with(t, new PrimaryKey("pk_parent", List.of("id", "code")),
                t.uniques(), t.foreignKeys(), t.checks()));
        // The database's child key refers to parent(id), which only the model's key covers; the database
        // cannot have it, so this database holds none.
        database = edit(database, "child", t -> with(t, t.primaryKey(), t.uniques(), List.of(), t.checks()));
        assertThat(RoundTrip.described(roundTrip(model, database))).containsExactly(
                "drop constraint pk_parent on parent",
                "add constraint pk_parent on parent",
                "add constraint fk_child_parent_id_parent on child");

        // The other way round the key of child relies on the primary key being dropped: it goes first.
        MetaData widened = edit(model, "parent", t -> with(t, new PrimaryKey("pk_parent", List.of("id", "code")),
                t.uniques(), t.foreignKeys(), t.checks()));
        widened = edit(widened, "child", t -> with(t, t.primaryKey(), t.uniques(), List.of(), t.checks()));
        assertThat(RoundTrip.described(roundTrip(widened, model))).containsExactly(
                "drop constraint fk_child_parent_id_parent on child",
                "drop constraint pk_parent on parent",
                "add constraint pk_parent on parent");
    }

    @Test
    void aChangedCheckExpressionIsDroppedAndAdded() {
        MetaData model = model();
        MetaData database = edit(model, "child", t -> with(t, t.primaryKey(), t.uniques(), t.foreignKeys(),
                List.of(new CheckConstraint("ck_child_qty", "qty >= 0"))));
        Diff diff = roundTrip(model, database);
        assertThat(diff.operations()).containsExactly(
                new DropConstraint("app", "child", new CheckConstraint("ck_child_qty", "qty >= 0")),
                new AddConstraint("app", "child", new CheckConstraint("ck_child_qty", "qty > 0")));
    }

    @Test
    void checkExpressionsAreComparedAfterTheNormaliser() {
        MetaData model = model();
        MetaData database = edit(model, "child", t -> with(t, t.primaryKey(), t.uniques(), t.foreignKeys(),
                List.of(new CheckConstraint("ck_child_qty", "(QTY > 0)"))));
        CompareOptions options = CompareOptions.managing("app");
        assertThat(Differ.compare(model, database, options).operations()).hasSize(2);
        assertThat(Differ.compare(model, database, options.withNormaliser(TestNormaliser.INSTANCE)).operations()).isEmpty();
    }

    @Test
    void foreignKeyChangesInActionsDeferrabilityAndTargetAreDropAndAdd() {
        MetaData model = model();
        ForeignKey base = fk(model);
        List<ForeignKey> variants = List.of(
                new ForeignKey(base.name(), base.columns(), "app", "parent", base.referredColumns(), CASCADE, null, false, false),
                new ForeignKey(base.name(), base.columns(), "app", "parent", base.referredColumns(), null, SET_NULL, false, false),
                new ForeignKey(base.name(), base.columns(), "app", "parent", base.referredColumns(), null, null, true, false),
                new ForeignKey(base.name(), base.columns(), "app", "parent", base.referredColumns(), null, null, true, true),
                new ForeignKey(base.name(), List.of("parent_code"), "app", "parent", List.of("code"), null, null, false, false));
        for (ForeignKey other : variants) {
            MetaData database = edit(model, "child", t -> with(t, t.primaryKey(), t.uniques(), List.of(other), t.checks()));
            assertThat(roundTrip(model, database).operations()).as(other.toString())
                    .containsExactly(new DropConstraint("app", "child", other), new AddConstraint("app", "child", base));
        }
    }

    @Test
    void aForeignKeyIntoAnotherSchemaIsComparedWithItsSchema() {
        MetaData model = model();
        ForeignKey base = fk(model);
        ForeignKey elsewhere = base.withReferredSchema("other");
        MetaData database = edit(model, "child", t -> with(t, t.primaryKey(), t.uniques(), List.of(elsewhere), t.checks()));
        assertThat(Differ.compare(model, database, CompareOptions.managing("app")).operations())
                .containsExactly(new DropConstraint("app", "child", elsewhere), new AddConstraint("app", "child", base));
    }

    @Test
    void constraintsNamedOtherwiseButDefinedAlikeAreTheSameObject() {
        MetaData model = model();
        MetaData database = edit(model, "child", t -> with(t, new PrimaryKey("child_pkey", List.of("id")), t.uniques(),
                List.of(rename(fk(model), "child_parent_id_fkey")), List.of(new CheckConstraint("child_qty_check", "qty > 0"))));
        database = edit(database, "parent", t -> with(t, t.primaryKey(), List.of(new UniqueConstraint("parent_code_key", List.of("code"))),
                t.foreignKeys(), t.checks()));
        assertThat(Differ.compare(model, database, CompareOptions.managing("app")).operations()).isEmpty();
    }

    @Test
    void aDatabaseNameTheModelUsesElsewhereIsNotKeptByDefinition() {
        MetaData model = model();
        // The database calls child's check what the model calls parent's code key: keeping that name
        // would collide with the key the model creates, so the check is replaced.
        MetaData database = edit(model, "child", t -> with(t, t.primaryKey(), t.uniques(), t.foreignKeys(),
                List.of(new CheckConstraint("uq_parent_code", "qty > 0"))));
        assertThat(RoundTrip.described(Differ.compare(model, database, CompareOptions.managing("app"))))
                .containsExactly("drop constraint uq_parent_code on child", "add constraint ck_child_qty on child");
    }

    @Test
    void aTypeChangeOfAReferredColumnDropsAndReAddsWhatStandsOnIt() {
        MetaData model = edit(model(), "parent", t -> t.withColumns(t.columns().stream()
                .map(c -> c.name().equals("id") ? c.withType(BIGINT) : c).toList()));
        model = edit(model, "child", t -> t.withColumns(t.columns().stream()
                .map(c -> c.name().equals("parent_id") ? c.withType(BIGINT) : c).toList()));
        Diff diff = roundTrip(model, model());
        assertThat(RoundTrip.described(diff)).containsExactly(
                "drop constraint fk_child_parent_id_parent on child",
                "drop constraint pk_parent on parent",
                "alter column parent.id: type integer -> bigint",
                "add constraint pk_parent on parent",
                "alter column child.parent_id: type integer -> bigint",
                "add constraint fk_child_parent_id_parent on child");
    }

    @Test
    void aTypeChangeDropsAndReAddsChecksThatMentionTheColumn() {
        MetaData model = edit(model(), "child", t -> t.withColumns(t.columns().stream()
                .map(c -> c.name().equals("qty") ? c.withType(BIGINT) : c).toList()));
        assertThat(RoundTrip.described(roundTrip(model, model()))).containsExactly(
                "drop constraint ck_child_qty on child",
                "alter column child.qty: type integer -> bigint",
                "add constraint ck_child_qty on child");
        assertThat(Definitions.mentions("\"Qty\" > 0", "qty")).isTrue();
        assertThat(Definitions.mentions("qty_total > 0", "qty")).isFalse();
    }

    @Test
    void withoutDropsExtraConstraintsStayButChangedOnesAreStillReplaced() {
        MetaData model = model();
        MetaData database = edit(model, "child", t -> with(t, t.primaryKey(), List.of(new UniqueConstraint("uq_extra", List.of("qty"))),
                t.foreignKeys(), List.of(new CheckConstraint("ck_child_qty", "qty >= 0"))));
        CompareOptions noDrops = CompareOptions.managing("app").withDrops(false);
        assertThat(RoundTrip.described(Differ.compare(model, database, noDrops)))
                .containsExactly("drop constraint ck_child_qty on child", "add constraint ck_child_qty on child");
    }

    private static ForeignKey rename(ForeignKey f, String name) {
        return new ForeignKey(name, f.columns(), f.referredSchema(), f.referredTable(), f.referredColumns(), f.onDelete(),
                f.onUpdate(), f.deferrable(), f.initiallyDeferred());
    }
}
