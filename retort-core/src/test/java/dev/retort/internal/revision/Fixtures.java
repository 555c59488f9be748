package dev.retort.internal.revision;

import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.PrimaryKey;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.Types;
import dev.retort.UniqueConstraint;
import dev.retort.CheckConstraint;
import dev.retort.Domain;
import dev.retort.ExclusionConstraint;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.ConstraintOps;
import dev.retort.operations.DomainOps;
import dev.retort.operations.EnumOps;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.operations.SequenceOps;
import dev.retort.operations.Sql;
import dev.retort.operations.TableOps;

import java.time.Instant;
import java.util.List;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;

/** Models and operations shared by the revision tests. */
final class Fixtures {
    static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");

    private Fixtures() {
    }

    /** The seed's two tables, schema-agnostic. */
    static MetaData seedModel() {
        MetaData md = new MetaData();
        md.table("test", column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull());
        md.table("child", column("id", INTEGER).primaryKey(),
                column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE), index("test_id"));
        return md;
    }

    static List<Operation> createSeedTables() {
        MetaData md = seedModel();
        return List.of(new TableOps.CreateTable(md.get("test")), new TableOps.CreateTable(md.get("child")));
    }

    static final SqlType.Enum MOOD = Types.enumType("mood", "happy", "sad", "it's complicated");

    /** One operation of every kind, with most optional attributes set somewhere. */
    static List<Operation> everyKind() {
        Table child = seedModel().get("child");
        Table rich = new Table("shared", "rich",
                List.of(new Column("id", Types.BIGINT, false, null, "the key", Identity.generatedAlways(), false, null, null, null),
                        new Column("serial_no", INTEGER, false, null, null, null, true, null, null, null),
                        new Column("price", Types.numeric(10, 2), true, "0", null, null, false, null, null, null),
                        new Column("price_x2", Types.numeric(12, 2), true, null, null, null, false, "price * 2", null, null),
                        new Column("title", Types.TEXT, true, "'untitled'", null, null, false, null, "C", null),
                        new Column("moods", Types.arrayOf(MOOD.withSchema("shared")), true, null, null, null, false, null, null, null),
                        new Column("tags", Types.arrayOf(Types.TEXT), true, null, null, null, false, null, null, null),
                        Column.of("vector", Types.nativeType("tsvector"))),
                new PrimaryKey("pk_rich", List.of("id")),
                List.of(new UniqueConstraint("uq_rich_title", List.of("title", "serial_no"))),
                List.of(new ForeignKey("fk_rich_serial_no_other", List.of("serial_no"), "elsewhere", "other", List.of("no"),
                        ForeignKey.Action.SET_NULL, ForeignKey.Action.CASCADE, true, true)),
                List.of(new CheckConstraint("ck_rich_price", "price >= 0")),
                List.of(new Index("ix_rich_lower_title", List.of(Index.Element.expression("lower(title)"),
                        new Index.Element("price", null, true)), true, "price > 0", "btree", List.of("serial_no"))),
                "rich table: with \"everything\"", null,
                List.of(new ExclusionConstraint("ex_rich_title", "gist", List.of(Index.Element.column("title"),
                        new Index.Element(null, "int4range(serial_no, serial_no + 1)", true, false, "range_ops", null)),
                        List.of("=", "&&"), List.of("price"), "price > 0", true, false)));
        Column note = Column.of("note", Types.TEXT).withComment("free text");
        Sequence seq = new Sequence(null, "order_no", INTEGER, 100L, 5L, 1L, 1_000_000L, 10L, true);
        List<Operation> all = new java.util.ArrayList<>(List.of(
                new SchemaOps.CreateSchema("shared"),
                new SchemaOps.CreateSchema(null),
                new EnumOps.CreateEnum(MOOD),
                new EnumOps.AddEnumValue(null, "mood", "angry", "sad"),
                new EnumOps.RemoveEnumValue(null, "mood", "angry", null),
                new TableOps.CreateTable(rich),
                new TableOps.DropTable(child),
                new TableOps.RenameTable(null, "test", "tests"),
                new TableOps.SetTableComment(null, "tests", new Change<>(null, "the tests")),
                new ColumnOps.AddColumn(null, "tests", note),
                new ColumnOps.AddColumn(null, "tests", Column.of("ring", Types.INTEGER).withNullable(false)
                        .withIdentity(new dev.retort.Identity(true, 5L, 2L, 1L, 1000L, 10L, true))),
                new ColumnOps.DropColumn(null, "tests", Column.of("mood", MOOD).withNullable(false)),
                new ColumnOps.RenameColumn(null, "tests", "name", "title"),
                new ColumnOps.AlterColumn(null, "tests", "title", new Change<>(varchar(100), Types.TEXT),
                        new Change<>(false, true), new Change<>(null, "'x'"), null, new Change<>("a", null),
                        new Change<>(null, "C"), null),
                new ColumnOps.AlterColumn(null, "tests", "id", new Change<>(Types.TEXT, INTEGER), null, null,
                        new Change<>(null, Identity.byDefault()), null, null, "id::integer"),
                new ColumnOps.AlterColumn(null, "tests", "serial_no", null, null, null, null, null, null, null,
                        new Change<>(false, true)),
                new IndexOps.CreateIndex(null, "tests", new Index("ix_tests_title", List.of(Index.Element.column("title")),
                        false, null, null, List.of(), false, List.of(), "by title")),
                new IndexOps.SetIndexComment(null, "tests", "ix_tests_title", new Change<>("by title", null)),
                new IndexOps.DropIndex(null, "tests", new Index("ix_tests_old", List.of(Index.Element.column("id")),
                        true, null, "hash", List.of())),
                new ConstraintOps.AddConstraint(null, "tests", new UniqueConstraint("uq_tests_title", List.of("title"))),
                new ConstraintOps.AddConstraint(null, "tests", new CheckConstraint("ck_tests_id", "id > 0")),
                new ConstraintOps.AddConstraint(null, "tests", new ExclusionConstraint("ex_tests_title", null,
                        List.of(Index.Element.column("title")), List.of("="), List.of(), null, false, false)),
                new ConstraintOps.DropConstraint(null, "tests", new ForeignKey("fk_a", List.of("a"), null, "b", List.of("id"),
                        null, null, false, false)),
                new ConstraintOps.DropConstraint(null, "tests", new PrimaryKey("pk_tests", List.of("id"))),
                new ConstraintOps.AddConstraint(null, "tests", new PrimaryKey("pk_tests", List.of("id"), true, true)),
                new ConstraintOps.AddConstraint(null, "tests", new UniqueConstraint("uq_tests_slot", List.of("slot"), true, false, true)),
                new ConstraintOps.AddConstraint(null, "tests", new CheckConstraint("ck_tests_a", "a > 0", true, true)),
                new ConstraintOps.AlterConstraint(null, "tests", new Change<>(
                        new ForeignKey("fk_b", List.of("b"), null, "b", List.of("id"), null, null, false, false, true, true),
                        new ForeignKey("fk_b", List.of("b"), null, "b", List.of("id"), null, null, false, false, true, false))),
                new SequenceOps.CreateSequence(seq),
                new SequenceOps.AlterSequence(new Change<>(seq, new Sequence(null, "order_no", Types.BIGINT, 100L, 10L, 1L, null, 10L, false))),
                new SequenceOps.DropSequence(Sequence.of("old_seq")),
                new SequenceOps.SetSequenceOwner(null, "order_no", new Change<>(null, new Sequence.Owner("tests", "id"))),
                new SequenceOps.SetSequenceOwner(null, "order_no", new Change<>(new Sequence.Owner("tests", "id"), null)),
                new EnumOps.DropEnum(Types.enumType("old_mood", "a")),
                new Sql("UPDATE ${schema}.tests\nSET title = 'x'\nWHERE id = 1;\n", "UPDATE ${schema}.tests SET title = NULL"),
                new Sql("ANALYZE", null),
                new SchemaOps.DropSchema("legacy")));
        all.addAll(ProgramFixtures.everyKind());
        Domain posint = new Domain(null, "posint", INTEGER, "1", true,
                List.of(new CheckConstraint("posint_check", "VALUE > 0"), new CheckConstraint("small", "VALUE < 1000")), null, "a count");
        Domain code = new Domain("shared", "code", Types.arrayOf(MOOD.withSchema("shared")), null, false, List.of(), "C", null);
        all.add(new DomainOps.CreateDomain(posint, false));
        all.add(new DomainOps.DropDomain(code, true));
        all.add(new DomainOps.AlterDomain(new Change<>(posint, new Domain(null, "posint", INTEGER, null, false, List.of(), null, null))));
        return all;
    }
}
