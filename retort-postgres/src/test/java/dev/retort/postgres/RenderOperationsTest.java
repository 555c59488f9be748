package dev.retort.postgres;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.PrimaryKey;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.UniqueConstraint;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps.AddColumn;
import dev.retort.operations.ColumnOps.AlterColumn;
import dev.retort.operations.ColumnOps.DropColumn;
import dev.retort.operations.ColumnOps.RenameColumn;
import dev.retort.operations.ConstraintOps.AddConstraint;
import dev.retort.operations.ConstraintOps.DropConstraint;
import dev.retort.operations.EnumOps.AddEnumValue;
import dev.retort.operations.EnumOps.CreateEnum;
import dev.retort.operations.EnumOps.DropEnum;
import dev.retort.operations.EnumOps.RemoveEnumValue;
import dev.retort.operations.IndexOps.CreateIndex;
import dev.retort.operations.IndexOps.DropIndex;
import dev.retort.operations.SequenceOps.AlterSequence;
import dev.retort.operations.SequenceOps.CreateSequence;
import dev.retort.operations.SequenceOps.DropSequence;
import dev.retort.operations.Sql;
import dev.retort.operations.TableOps.CreateTable;
import dev.retort.operations.TableOps.DropTable;
import dev.retort.operations.TableOps.RenameTable;
import dev.retort.operations.TableOps.SetTableComment;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.arrayOf;
import static dev.retort.Types.enumType;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every kind of operation, rendered unbound and bound to a fresh schema, executed on PostgreSQL, and
 * checked against what the catalog then says (read back through reflection).
 */
class RenderOperationsTest {
    private static final SqlType.Enum MOOD = enumType("mood", "sad", "ok", "happy");

    private static Table base() {
        MetaData md = new MetaData();
        md.table("item", column("id", INTEGER).primaryKey(), column("name", TEXT), column("qty", INTEGER),
                column("mood", MOOD), column("moods", arrayOf(MOOD)));
        return md.get("item");
    }

    @MatrixTest
    void columnsAreAddedAlteredRenamedAndDropped(TestDatabase db) throws SQLException {
        String s = db.createSchema("columns");
        Pg.apply(db, s, new CreateEnum(MOOD), new CreateTable(base()));

        Pg.apply(db, s, new AddColumn(null, "item", Column.of("note", varchar(10)).withNullable(false)
                .withServerDefault("'x'").withComment("a note")));
        assertThat(Pg.table(db, s, "item").column("note")).hasValueSatisfying(c -> {
            assertThat(c.type()).isEqualTo(varchar(10));
            assertThat(c.nullable()).isFalse();
            assertThat(c.comment()).isEqualTo("a note");
        });

        Pg.apply(db, s, new AlterColumn(null, "item", "note", new Change<>(varchar(10), TEXT), new Change<>(false, true),
                new Change<>("'x'", "'y'"), null, new Change<>("a note", null), null, null));
        Column note = Pg.table(db, s, "item").column("note").orElseThrow();
        assertThat(note.type()).isEqualTo(TEXT);
        assertThat(note.nullable()).isTrue();
        assertThat(new PostgresNormaliser().normaliseDefault(note.serverDefault(), TEXT)).isEqualTo("'y'");
        assertThat(note.comment()).isNull();

        Pg.apply(db, s, new AlterColumn(null, "item", "note", null, null, new Change<>("'y'", null), null, null, null, null),
                new AlterColumn(null, "item", "note", new Change<>(TEXT, TEXT), null, null, null, null, new Change<>(null, "C"), null));
        note = Pg.table(db, s, "item").column("note").orElseThrow();
        assertThat(note.serverDefault()).isNull();
        assertThat(note.collation()).isEqualTo("C");

        Pg.apply(db, s, new AlterColumn(null, "item", "qty", new Change<>(INTEGER, TEXT), null, null, null, null, null, null),
                new AlterColumn(null, "item", "qty", new Change<>(TEXT, BIGINT), null, null, null, null, null, "qty::bigint"),
                new AlterColumn(null, "item", "name", new Change<>(TEXT, MOOD), null, null, null, null, null, null));
        Table item = Pg.table(db, s, "item");
        assertThat(item.column("qty").orElseThrow().type()).isEqualTo(BIGINT);
        assertThat(item.column("name").orElseThrow().type()).isEqualTo(MOOD.withSchema(s));

        Pg.apply(db, s, new AlterColumn(null, "item", "qty", null, new Change<>(true, false), null,
                new Change<>(null, new Identity(false, 10L, null)), null, null, null));
        assertThat(Pg.table(db, s, "item").column("qty").orElseThrow().identity()).isEqualTo(new Identity(false, 10L, null));
        Pg.apply(db, s, new AlterColumn(null, "item", "qty", null, null, null,
                new Change<>(new Identity(false, 10L, null), new Identity(true, 10L, 3L)), null, null, null));
        assertThat(Pg.table(db, s, "item").column("qty").orElseThrow().identity()).isEqualTo(new Identity(true, 10L, 3L));
        Pg.apply(db, s, new AlterColumn(null, "item", "qty", null, null, null,
                new Change<>(new Identity(true, 10L, 3L), null), null, null, null));
        assertThat(Pg.table(db, s, "item").column("qty").orElseThrow().identity()).isNull();

        Pg.apply(db, s, new RenameColumn(null, "item", "qty", "quantity"), new DropColumn(null, "item", note));
        assertThat(Pg.table(db, s, "item").columns()).extracting(Column::name)
                .containsExactly("id", "name", "quantity", "mood", "moods");
    }

    @MatrixTest
    void tablesAreCommentedRenamedAndDropped(TestDatabase db) throws SQLException {
        String s = db.createSchema("tables");
        Pg.apply(db, s, new CreateEnum(MOOD), new CreateTable(base()), new SetTableComment(null, "item", new Change<>(null, "it's")));
        assertThat(Pg.table(db, s, "item").comment()).isEqualTo("it's");
        Pg.apply(db, s, new SetTableComment(null, "item", new Change<>("it's", null)), new RenameTable(null, "item", "thing"));
        MetaData md = Pg.reflect(db, s);
        assertThat(md.tables()).containsOnlyKeys(s + ".thing");
        assertThat(md.get(s + ".thing").comment()).isNull();
        Pg.apply(db, s, new DropTable(md.get(s + ".thing").withName("thing")), new DropEnum(MOOD));
        assertThat(Pg.reflect(db, s).tables()).isEmpty();
        assertThat(Pg.reflect(db, s).enums()).isEmpty();
    }

    @MatrixTest
    void constraintsAndIndexesAreAddedAndDropped(TestDatabase db) throws SQLException {
        String s = db.createSchema("constraints");
        MetaData md = new MetaData();
        md.table("a", column("id", INTEGER).notNull(), column("code", TEXT), column("b_id", INTEGER));
        md.table("b", column("id", INTEGER).notNull(), column("a_id", INTEGER));
        Pg.apply(db, s, Pg.creation(md));
        PrimaryKey pkA = new PrimaryKey("pk_a", List.of("id"));
        PrimaryKey pkB = new PrimaryKey("pk_b", List.of("id"));
        UniqueConstraint uq = new UniqueConstraint("uq_a_code", List.of("code"));
        CheckConstraint ck = new CheckConstraint("ck_a_code", "length(code) > 1");
        ForeignKey ab = new ForeignKey("fk_a_b", List.of("b_id"), null, "b", List.of("id"), ForeignKey.Action.SET_NULL,
                ForeignKey.Action.CASCADE, true, true);
        ForeignKey ba = new ForeignKey("fk_b_a", List.of("a_id"), null, "a", List.of("id"), ForeignKey.Action.RESTRICT,
                null, true, false);
        Index ix = new Index("ix_a_code", List.of(new Index.Element("code", null, true), Index.Element.expression("upper(code)")),
                true, "b_id IS NOT NULL", null, List.of("id"));
        Index gin = new Index("ix_a_trgm", List.of(Index.Element.expression("to_tsvector('simple', code)")), false, null, "GIN", List.of());

        Pg.apply(db, s, new AddConstraint(null, "a", pkA), new AddConstraint(null, "b", pkB), new AddConstraint(null, "a", uq),
                new AddConstraint(null, "a", ck), new AddConstraint(null, "a", ab), new AddConstraint(null, "b", ba),
                new CreateIndex(null, "a", ix), new CreateIndex(null, "a", gin));
        Table a = Pg.table(db, s, "a");
        assertThat(a.primaryKey()).isEqualTo(pkA);
        assertThat(a.uniques()).containsExactly(uq);
        assertThat(Canon.table(a).checks()).containsExactly(new CheckConstraint("ck_a_code", "length(code) > 1"));
        assertThat(a.foreignKeys()).containsExactly(ab.withReferredSchema(s));
        assertThat(Pg.table(db, s, "b").foreignKeys()).containsExactly(ba.withReferredSchema(s));
        assertThat(Canon.table(a).indexes()).containsExactly(Canon.index(ix), Canon.index(gin));

        Pg.apply(db, s, new DropIndex(null, "a", ix), new DropIndex(null, "a", gin), new DropConstraint(null, "b", ba),
                new DropConstraint(null, "a", ab), new DropConstraint(null, "a", ck), new DropConstraint(null, "a", uq),
                new DropConstraint(null, "a", pkA));
        a = Pg.table(db, s, "a");
        assertThat(a.primaryKey()).isNull();
        assertThat(a.constraints()).isEmpty();
        assertThat(a.indexes()).isEmpty();
    }

    @MatrixTest
    void enumValuesAreAddedAndRemovedWithTheColumnsThatUseThem(TestDatabase db) throws SQLException {
        String s = db.createSchema("enums");
        String other = db.createSchema("enums_other");
        Table item = base();
        Pg.apply(db, s, new CreateEnum(MOOD), new CreateTable(item));
        // A column in another schema uses the type too, with a default.
        Pg.apply(db, null, new CreateTable(new Table(other, "elsewhere",
                List.of(Column.of("m", MOOD.withSchema(s)).withServerDefault("'ok'")), null, List.of(), List.of(), List.of(),
                List.of(), null, null)));
        Pg.apply(db, s, new Sql("INSERT INTO ${schema}.item (id, mood, moods) VALUES (1, 'happy', '{sad,happy}')", null));

        Pg.apply(db, s, new AddEnumValue(null, "mood", "meh", "ok"), new AddEnumValue(null, "mood", "joy", null));
        assertThat(Pg.reflect(db, s).enums()).singleElement()
                .satisfies(e -> assertThat(e.labels()).containsExactly("sad", "meh", "ok", "happy", "joy"));

        Pg.apply(db, s, new RemoveEnumValue(null, "mood", "meh", "ok"));
        SqlType.Enum after = new SqlType.Enum(s, "mood", List.of("sad", "ok", "happy", "joy"));
        assertThat(Pg.reflect(db, s).enums()).containsExactly(after);
        Table reread = Pg.table(db, s, "item");
        assertThat(reread.column("mood").orElseThrow().type()).isEqualTo(after);
        assertThat(reread.column("moods").orElseThrow().type()).isEqualTo(arrayOf(after));
        Column m = Pg.table(db, other, "elsewhere").column("m").orElseThrow();
        assertThat(m.type()).isEqualTo(after);
        assertThat(new PostgresNormaliser().normaliseDefault(m.serverDefault(), m.type())).isEqualTo("'ok'");
        assertThat(Pg.query(db, "SELECT moods::text FROM \"" + s + "\".item")).containsExactly("{sad,happy}");

        // A row holding the label makes the removal fail rather than lose it.
        assertThatThrownBy(() -> Pg.apply(db, s, new RemoveEnumValue(null, "mood", "happy", null)))
                .isInstanceOf(SQLException.class).hasMessageContaining("happy");
        assertThat(Pg.reflect(db, s).enums()).containsExactly(after);
    }

    @MatrixTest
    void sequencesAreCreatedAlteredAndDropped(TestDatabase db) throws SQLException {
        String s = db.createSchema("sequences");
        Sequence plain = Sequence.of("plain");
        Sequence custom = new Sequence(null, "custom", INTEGER, 10L, -2L, -1000L, 100L, 5L, true);
        Pg.apply(db, s, new CreateSequence(plain), new CreateSequence(custom));
        assertThat(Pg.reflect(db, s).sequences().values()).containsExactly(custom.withSchema(s), plain.withSchema(s));

        Sequence changed = new Sequence(null, "plain", BIGINT, 5L, 3L, null, 1000L, null, false);
        Pg.apply(db, s, new AlterSequence(new Change<>(plain, changed)), new AlterSequence(new Change<>(custom, custom)));
        assertThat(Pg.reflect(db, s).sequences().get(s + ".plain")).isEqualTo(changed.withSchema(s));
        Pg.apply(db, s, new AlterSequence(new Change<>(changed, plain)));
        assertThat(Pg.reflect(db, s).sequences().get(s + ".plain")).isEqualTo(plain.withSchema(s));

        Pg.apply(db, s, new DropSequence(plain), new DropSequence(custom));
        assertThat(Pg.reflect(db, s).sequences()).isEmpty();
    }

    @Test
    void handWrittenSqlGetsTheQuotedTargetSchema() {
        assertThat(Pg.DIALECT.render(new Sql("SELECT * FROM ${schema}.t", null), "My \"S\""))
                .containsExactly("SELECT * FROM \"My \"\"S\"\"\".t");
        assertThat(Pg.DIALECT.render(new Sql("", "x"), "s")).isEmpty();
        assertThatThrownBy(() -> Pg.DIALECT.render(new Sql("SELECT ${schema}", null), null))
                .hasMessageContaining("no target schema");
    }

    @Test
    void everyNameIsQualifiedWithTheTargetSchema() {
        Table t = base();
        List<String> sql = Pg.DIALECT.render(new CreateTable(t), "tenant_a");
        assertThat(sql.get(0)).startsWith("CREATE TABLE \"tenant_a\".\"item\" (")
                .contains("\"mood\" \"tenant_a\".\"mood\"", "\"moods\" \"tenant_a\".\"mood\"[]");
        assertThat(Pg.DIALECT.render(new DropIndex(null, "item", new Index("ix", List.of(Index.Element.column("id")), false,
                null, null, List.of())), "tenant_a")).containsExactly("DROP INDEX \"tenant_a\".\"ix\"");
    }

    @Test
    void serialColumnsRenderAsSerialTypes() {
        MetaData md = new MetaData();
        md.table("t", column("a", dev.retort.Types.SMALLINT).autoIncrement(), column("b", INTEGER).autoIncrement(),
                column("c", BIGINT).autoIncrement());
        assertThat(Pg.DIALECT.render(new CreateTable(md.get("t")), "s").get(0))
                .contains("\"a\" smallserial", "\"b\" serial", "\"c\" bigserial");
        md.table("u", column("x", TEXT).autoIncrement());
        assertThatThrownBy(() -> Pg.DIALECT.render(new CreateTable(md.get("u")), "s"))
                .hasMessage("column x: auto-increment needs smallint, integer or bigint, not text");
    }

    @Test
    void anIndexMethodIsANameNotSql() {
        Index bad = new Index("ix", List.of(Index.Element.column("id")), false, null, "btree; DROP TABLE x", List.of());
        assertThatThrownBy(() -> Pg.DIALECT.render(new CreateIndex(null, "t", bad), "s"))
                .hasMessageContaining("is not an index method name");
    }

    @Test
    void aCollationChangeWithoutTheTypeIsRefused() {
        assertThatThrownBy(() -> Pg.DIALECT.render(new AlterColumn(null, "t", "c", null, null, null, null, null,
                new Change<>(null, "C"), null), "s")).hasMessageContaining("needs the column's type");
    }
}
