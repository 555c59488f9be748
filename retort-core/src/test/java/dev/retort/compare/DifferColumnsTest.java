package dev.retort.compare;

import dev.retort.Column;
import dev.retort.Dsl;
import dev.retort.Identity;
import dev.retort.MetaData;
import dev.retort.Table;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps.AddColumn;
import dev.retort.operations.ColumnOps.AlterColumn;
import dev.retort.operations.ColumnOps.DropColumn;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps.CreateTable;
import dev.retort.operations.TableOps.DropTable;
import dev.retort.operations.TableOps.SetTableComment;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.comment;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIMESTAMPTZ;
import static dev.retort.Types.VARCHAR;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;

class DifferColumnsTest {

    private static MetaData model(Dsl.TableElement... extra) {
        MetaData md = new MetaData("app");
        Dsl.TableElement[] base = {column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull()};
        Dsl.TableElement[] all = new Dsl.TableElement[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        md.table("item", all);
        return md;
    }

    /** The model with one column of table app.item rewritten: what a database that differs in one thing holds. */
    private static MetaData withColumn(MetaData md, String name, UnaryOperator<Column> change) {
        MetaData out = new MetaData("app");
        for (Table t : md.tables().values()) {
            out.add(t.withColumns(t.columns().stream().map(c -> c.name().equals(name) ? change.apply(c) : c).toList()));
        }
        return out;
    }

    private static Diff check(MetaData model, MetaData database) {
        return RoundTrip.check(model, database, CompareOptions.managing("app"), "app");
    }

    private static AlterColumn onlyAlter(Diff diff) {
        assertThat(diff.operations()).hasSize(1);
        assertThat(diff.operations().get(0)).isInstanceOf(AlterColumn.class);
        return (AlterColumn) diff.operations().get(0);
    }

    @Test
    void aModelComparedWithItselfOrItsCloneInAnotherSchemaIsEmpty() {
        MetaData plain = new MetaData();
        plain.table("item", column("id", INTEGER).primaryKey(), column("at", TIMESTAMPTZ).defaultExpr("now()"),
                Dsl.index("at"), Dsl.check("id > 0"));
        plain.table("child", column("id", INTEGER).primaryKey(), column("item_id", INTEGER).references("item.id"));
        MetaData a = plain.withSchema("tenant_a");
        MetaData bAsA = plain.withSchema("tenant_b").withSchema("tenant_a");
        assertThat(Differ.compare(a, a).operations()).isEmpty();
        assertThat(Differ.compare(a, bAsA).operations()).isEmpty();
        assertThat(Differ.compare(plain, plain, CompareOptions.everySchema()).operations()).isEmpty();
    }

    @Test
    void aMissingTableIsCreatedAndAnExtraOneDropped() {
        MetaData model = model();
        MetaData empty = new MetaData("app");
        Diff create = check(model, empty);
        assertThat(create.operations()).containsExactly(new CreateTable(model.get("app.item")));
        assertThat(create.hasDestructive()).isFalse();

        Diff drop = check(empty, model);
        assertThat(drop.operations()).containsExactly(new DropTable(model.get("app.item")));
        assertThat(drop.destructive()).hasSize(1);
    }

    @Test
    void columnsAddedAndDropped() {
        MetaData wide = model(column("note", TEXT));
        MetaData narrow = model();
        Diff add = check(wide, narrow);
        assertThat(add.operations()).containsExactly(new AddColumn("app", "item", wide.get("app.item").column("note").orElseThrow()));
        Diff drop = check(narrow, wide);
        assertThat(drop.operations()).containsExactly(new DropColumn("app", "item", wide.get("app.item").column("note").orElseThrow()));
        assertThat(drop.hasDestructive()).isTrue();
    }

    @Test
    void typeChangesAreFlaggedDestructiveOnlyWhenTheyNarrow() {
        MetaData model = model();
        AlterColumn widen = onlyAlter(check(model, withColumn(model, "name", c -> c.withType(varchar(50)))));
        assertThat(widen.type()).isEqualTo(new Change<>(varchar(50), varchar(100)));
        assertThat(widen.destructive()).isFalse();
        AlterColumn narrow = onlyAlter(check(model, withColumn(model, "name", c -> c.withType(TEXT))));
        assertThat(narrow.type()).isEqualTo(new Change<>(TEXT, varchar(100)));
        assertThat(narrow.destructive()).isTrue();
    }

    @Test
    void typesAreComparedAfterTheNormaliser() {
        MetaData model = model(column("note", TEXT));
        MetaData database = withColumn(model, "note", c -> c.withType(VARCHAR));
        CompareOptions literal = CompareOptions.managing("app");
        assertThat(Differ.compare(model, database, literal).operations()).hasSize(1);
        assertThat(Differ.compare(model, database, literal.withNormaliser(TestNormaliser.INSTANCE)).operations()).isEmpty();
    }

    @Test
    void nullability() {
        MetaData model = model();
        AlterColumn alter = onlyAlter(check(model, withColumn(model, "name", c -> c.withNullable(true))));
        assertThat(alter.nullable()).isEqualTo(new Change<>(true, false));
        assertThat(alter.describe()).isEqualTo("alter column item.name: set not null");
        assertThat(alter.destructive()).isFalse();
    }

    @Test
    void identityAndSerialColumnsAreNotNullWhateverTheirDefinitionSays() {
        MetaData model = model(column("seq", BIGINT).identity(), column("serial", INTEGER).autoIncrement());
        assertThat(model.get("app.item").column("seq").orElseThrow().nullable()).isTrue();
        MetaData database = withColumn(withColumn(model, "seq", c -> c.withNullable(false)), "serial", c -> c.withNullable(false));
        assertThat(check(model, database).operations()).isEmpty();
    }

    @Test
    void serverDefaultsAddedChangedAndRemoved() {
        MetaData model = model(column("at", TIMESTAMPTZ).defaultExpr("now()"));
        AlterColumn added = onlyAlter(check(model, withColumn(model, "at", c -> c.withServerDefault(null))));
        assertThat(added.serverDefault()).isEqualTo(new Change<>(null, "now()"));
        assertThat(added.destructive()).isFalse();

        AlterColumn changed = onlyAlter(check(model, withColumn(model, "at", c -> c.withServerDefault("'2020-01-01'"))));
        assertThat(changed.serverDefault()).isEqualTo(new Change<>("'2020-01-01'", "now()"));

        MetaData without = withColumn(model, "at", c -> c.withServerDefault(null));
        AlterColumn removed = onlyAlter(check(without, model));
        assertThat(removed.serverDefault()).isEqualTo(new Change<>("now()", null));
        assertThat(removed.destructive()).as("dropping a default an application may rely on").isTrue();
    }

    @Test
    void defaultsEqualAfterNormalisationAreNoChange() {
        MetaData model = model(column("at", TIMESTAMPTZ).defaultExpr("now()"), column("label", TEXT).defaultExpr("'x'"));
        MetaData database = withColumn(withColumn(model, "at", c -> c.withServerDefault("CURRENT_TIMESTAMP")),
                "label", c -> c.withServerDefault("'x'::text"));
        CompareOptions options = CompareOptions.managing("app");
        assertThat(Differ.compare(model, database, options).operations()).hasSize(2);
        assertThat(Differ.compare(model, database, options.withNormaliser(TestNormaliser.INSTANCE)).operations()).isEmpty();
        assertThat(Differ.compare(model, withColumn(model, "at", c -> c.withServerDefault("  now()  ")), options).operations())
                .as("LITERAL trims").isEmpty();
    }

    @Test
    void identityAddedRemovedAndChanged() {
        MetaData model = model(column("n", BIGINT).notNull().identity(Identity.generatedAlways()));
        AlterColumn added = onlyAlter(check(model, withColumn(model, "n", c -> c.withIdentity(null))));
        assertThat(added.identity()).isEqualTo(new Change<>(null, Identity.generatedAlways()));
        assertThat(added.destructive()).isFalse();

        AlterColumn changed = onlyAlter(check(model, withColumn(model, "n", c -> c.withIdentity(Identity.byDefault()))));
        assertThat(changed.identity()).isEqualTo(new Change<>(Identity.byDefault(), Identity.generatedAlways()));

        AlterColumn removed = onlyAlter(check(withColumn(model, "n", c -> c.withIdentity(null)), model));
        assertThat(removed.identity().to()).isNull();
        assertThat(removed.destructive()).isTrue();

        assertThat(check(model, withColumn(model, "n", c -> c.withIdentity(new Identity(true, 1L, 1L)))).operations())
                .as("start and increment 1 are the defaults").isEmpty();
    }

    @Test
    void removingIdentityFromANullableColumnAlsoDropsNotNull() {
        MetaData model = model(column("n", BIGINT));
        AlterColumn alter = onlyAlter(check(model, withColumn(model, "n", c -> c.withIdentity(Identity.byDefault()))));
        assertThat(alter.identity()).isEqualTo(new Change<>(Identity.byDefault(), null));
        assertThat(alter.nullable()).isEqualTo(new Change<>(false, true));
    }

    @Test
    void serialAddedAndRemoved() {
        MetaData model = model(column("n", INTEGER).notNull().autoIncrement());
        AlterColumn added = onlyAlter(check(model, withColumn(model, "n", c -> c.withAutoIncrement(false))));
        assertThat(added.autoIncrement()).isEqualTo(new Change<>(false, true));
        assertThat(added.destructive()).isFalse();
        AlterColumn removed = onlyAlter(check(withColumn(model, "n", c -> c.withAutoIncrement(false)), model));
        assertThat(removed.autoIncrement()).isEqualTo(new Change<>(true, false));
        assertThat(removed.destructive()).isTrue();
    }

    @Test
    void aChangedGenerationExpressionDropsAndAddsTheColumn() {
        MetaData model = model(column("len", INTEGER).computed("length(name)"));
        MetaData database = withColumn(model, "len", c -> c.withComputed("char_length(name)"));
        Diff diff = check(model, database);
        assertThat(diff.operations()).extracting(Operation::getClass).containsExactly(DropColumn.class, AddColumn.class);
        assertThat(diff.hasDestructive()).isTrue();
        MetaData plain = withColumn(model, "len", c -> c.withComputed(null));
        assertThat(RoundTrip.described(check(model, plain))).containsExactly("drop column item.len", "add column item.len");
        MetaData spaced = withColumn(model, "len", c -> c.withComputed("LENGTH(name)::integer"));
        assertThat(Differ.compare(model, spaced, CompareOptions.managing("app").withNormaliser(TestNormaliser.INSTANCE))
                .operations()).as("compared after normaliseExpression").isEmpty();
    }

    @Test
    void aGeneratedColumnReadingARetypedColumnMakesWay() {
        MetaData model = model(column("qty", BIGINT), column("twice", BIGINT).computed("qty * 2"));
        MetaData database = withColumn(model, "qty", c -> c.withType(INTEGER));
        assertThat(RoundTrip.described(check(model, database))).containsExactly(
                "drop column item.twice", "alter column item.qty: type integer -> bigint", "add column item.twice");
    }

    @Test
    void collationAndComments() {
        MetaData model = model(column("note", TEXT).collate("C").comment("free text"), comment("items on sale"));
        AlterColumn collation = onlyAlter(check(model, withColumn(model, "note", c -> c.withCollation(null))));
        assertThat(collation.collation()).isEqualTo(new Change<>(null, "C"));
        assertThat(collation.type()).as("PostgreSQL changes a collation with the type").isEqualTo(new Change<>(TEXT, TEXT));
        assertThat(collation.describe()).isEqualTo("alter column item.note: collation null -> C");
        assertThat(collation.destructive()).isFalse();
        AlterColumn comment = onlyAlter(check(model, withColumn(model, "note", c -> c.withComment("old"))));
        assertThat(comment.comment()).isEqualTo(new Change<>("old", "free text"));

        MetaData uncommented = new MetaData("app");
        uncommented.add(model.get("app.item").withComment(null));
        Diff table = check(model, uncommented);
        assertThat(table.operations()).containsExactly(new SetTableComment("app", "item", new Change<>(null, "items on sale")));
        MetaData emptyComment = new MetaData("app");
        emptyComment.add(model.get("app.item").withComment(""));
        assertThat(Differ.compare(uncommented, emptyComment).operations()).as("an empty comment is none").isEmpty();
    }

    @Test
    void severalChangesToOneColumnMakeOneAlteration() {
        MetaData model = model(column("note", TEXT).notNull().defaultExpr("''").comment("c"));
        AlterColumn alter = onlyAlter(check(model, withColumn(model, "note",
                c -> c.withType(varchar(10)).withNullable(true).withServerDefault(null).withComment(null))));
        assertThat(alter.type()).isNotNull();
        assertThat(alter.nullable()).isNotNull();
        assertThat(alter.serverDefault()).isNotNull();
        assertThat(alter.comment()).isNotNull();
        assertThat(alter.identity()).isNull();
        assertThat(alter.collation()).isNull();
    }
}
