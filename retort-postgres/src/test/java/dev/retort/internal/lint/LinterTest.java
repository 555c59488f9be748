package dev.retort.internal.lint;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.PrimaryKey;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.Types;
import dev.retort.UniqueConstraint;
import dev.retort.api.LintFinding;
import dev.retort.internal.revision.OperationSource;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.ConstraintOps;
import dev.retort.operations.EnumOps;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.operations.Sql;
import dev.retort.operations.TableOps;
import dev.retort.postgres.PostgresDialect;
import dev.retort.revision.Revision;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule has a revision where it fires and one where it does not, judged with PostgreSQL's dialect. */
class LinterTest {
    private static final Linter LINTER = new Linter(new PostgresDialect());
    private static final Table ORDERS = new Table(null, "orders", List.of(new Column("id", Types.INTEGER, false, null, null, null,
            false, null, null, null), Column.of("note", Types.TEXT)), new PrimaryKey("pk_orders", List.of("id")),
            List.of(), List.of(), List.of(), List.of(), null, null);
    private static final TableOps.CreateTable CREATE_ORDERS = new TableOps.CreateTable(ORDERS);

    private static List<String> rules(Operation... ops) {
        return findings(ops).stream().map(LintFinding::rule).toList();
    }

    private static List<LintFinding> findings(Operation... ops) {
        Revision r = Revision.fromOperations("ab12", List.of(), "x", Instant.parse("2026-01-01T00:00:00Z"), List.of(ops))
                .withPath(Path.of("migrations/ab12_x.yaml"));
        return LINTER.lint(r, List.of());
    }

    /** The same operation after the table was created in the same revision: it has no rows yet. */
    private static List<String> onNewTable(Operation op) {
        return rules(CREATE_ORDERS, op);
    }

    private static Column notNull(String name, SqlType type, String defaultValue) {
        return new Column(name, type, false, defaultValue, null, null, false, null, null, null);
    }

    private static ColumnOps.AlterColumn type(SqlType from, SqlType to, String using) {
        return new ColumnOps.AlterColumn(null, "orders", "note", new Change<>(from, to), null, null, null, null, null, using);
    }

    @Test
    void dataLoss() {
        assertThat(rules(new SchemaOps.DropSchema("archive"))).containsExactly("drop-schema");
        assertThat(rules(new SchemaOps.CreateSchema("archive"))).isEmpty();
        assertThat(rules(new TableOps.DropTable(ORDERS))).containsExactly("drop-table");
        assertThat(onNewTable(new TableOps.DropTable(ORDERS))).isEmpty();
        assertThat(rules(new ColumnOps.DropColumn(null, "orders", Column.of("note", Types.TEXT)))).containsExactly("drop-column");
        assertThat(onNewTable(new ColumnOps.DropColumn(null, "orders", Column.of("note", Types.TEXT)))).isEmpty();
        assertThat(rules(new EnumOps.RemoveEnumValue(null, "mood", "sad", null))).containsExactly("remove-enum-value");
        assertThat(rules(new EnumOps.AddEnumValue(null, "mood", "sad", null))).isEmpty();
    }

    @Test
    void typeChanges() {
        // Narrower, same family: values that do not fit are refused; the table is rewritten.
        assertThat(rules(type(Types.varchar(100), Types.varchar(50), null))).containsExactly("narrowing-type", "table-rewrite");
        // Wider without a rewrite: nothing to say.
        assertThat(rules(type(Types.varchar(50), Types.varchar(100), null))).isEmpty();
        assertThat(rules(type(Types.varchar(50), Types.TEXT, null))).isEmpty();
        assertThat(rules(type(Types.numeric(10, 2), Types.numeric(12, 2), null))).isEmpty();
        // Wider, but every row is rewritten.
        assertThat(rules(type(Types.INTEGER, Types.BIGINT, null))).containsExactly("table-rewrite");
        // A conversion PostgreSQL does not make on its own.
        assertThat(rules(type(Types.TEXT, Types.INTEGER, "note::integer")))
                .containsExactly("narrowing-type", "type-change-cast", "table-rewrite");
        assertThat(rules(type(Types.TEXT, Types.UUID, null))).contains("type-change-cast");
        assertThat(rules(type(Types.INTEGER, Types.TEXT, null))).doesNotContain("type-change-cast");
        assertThat(onNewTable(type(Types.TEXT, Types.INTEGER, "note::integer"))).isEmpty();
    }

    @Test
    void notNull() {
        ColumnOps.AlterColumn setNotNull = new ColumnOps.AlterColumn(null, "orders", "note", null, new Change<>(true, false),
                null, null, null, null, null);
        assertThat(rules(setNotNull)).containsExactly("set-not-null", "set-not-null-scan");
        assertThat(rules(setNotNull.inverse())).isEmpty();
        assertThat(onNewTable(setNotNull)).isEmpty();

        assertThat(rules(new ColumnOps.AddColumn(null, "orders", notNull("total", Types.INTEGER, null))))
                .containsExactly("not-null-without-default");
        assertThat(rules(new ColumnOps.AddColumn(null, "orders", notNull("total", Types.INTEGER, "0")))).isEmpty();
        assertThat(rules(new ColumnOps.AddColumn(null, "orders", Column.of("total", Types.INTEGER)))).isEmpty();
        assertThat(onNewTable(new ColumnOps.AddColumn(null, "orders", notNull("total", Types.INTEGER, null)))).isEmpty();
    }

    @Test
    void volatileDefaults() {
        assertThat(rules(new ColumnOps.AddColumn(null, "orders", notNull("token", Types.UUID, "gen_random_uuid()"))))
                .containsExactly("volatile-default");
        assertThat(rules(new ColumnOps.AddColumn(null, "orders", notNull("at", Types.TIMESTAMPTZ, "now()")))).isEmpty();
        assertThat(rules(new ColumnOps.AddColumn(null, "orders", Column.of("n", Types.BIGINT).withIdentity(Identity.byDefault()))))
                .containsExactly("volatile-default");
        assertThat(onNewTable(new ColumnOps.AddColumn(null, "orders", notNull("token", Types.UUID, "gen_random_uuid()")))).isEmpty();
    }

    @Test
    void constraints() {
        assertThat(rules(new ConstraintOps.AddConstraint(null, "orders", new UniqueConstraint("uq_note", List.of("note")))))
                .containsExactly("unique-on-existing");
        assertThat(rules(new ConstraintOps.AddConstraint(null, "orders", new PrimaryKey("pk", List.of("id")))))
                .containsExactly("unique-on-existing");
        assertThat(rules(new ConstraintOps.AddConstraint(null, "orders", new CheckConstraint("ck", "id > 0"))))
                .containsExactly("check-on-existing", "constraint-not-valid");
        ForeignKey fk = new ForeignKey("fk", List.of("id"), null, "customers", List.of("id"), ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION, false, false);
        assertThat(rules(new ConstraintOps.AddConstraint(null, "orders", fk))).containsExactly("foreign-key-on-existing", "constraint-not-valid");
        assertThat(onNewTable(new ConstraintOps.AddConstraint(null, "orders", fk))).isEmpty();
        assertThat(rules(new ConstraintOps.DropConstraint(null, "orders", fk))).isEmpty();
        // NOT VALID, then VALIDATE: no scan under lock; the validation may still fail on existing rows.
        CheckConstraint check = new CheckConstraint("ck", "id > 0");
        assertThat(rules(new ConstraintOps.AddConstraint(null, "orders", check.withNotValid(true)))).isEmpty();
        assertThat(rules(new ConstraintOps.AddConstraint(null, "orders", fk.withNotValid(true)))).isEmpty();
        assertThat(rules(new ConstraintOps.AlterConstraint(null, "orders", new Change<>(check.withNotValid(true), check))))
                .containsExactly("check-on-existing");
        assertThat(rules(new ConstraintOps.AlterConstraint(null, "orders", new Change<>(fk.withNotValid(true), fk))))
                .containsExactly("foreign-key-on-existing");
        assertThat(onNewTable(new ConstraintOps.AlterConstraint(null, "orders", new Change<>(fk.withNotValid(true), fk)))).isEmpty();
    }

    @Test
    void indexes() {
        Index plain = new Index("ix_note", List.of(Index.Element.column("note")), false, null, null, List.of());
        Index unique = new Index("uq_note", List.of(Index.Element.column("note")), true, null, null, List.of());
        assertThat(rules(new IndexOps.CreateIndex(null, "orders", plain))).containsExactly("index-not-concurrent");
        assertThat(rules(new IndexOps.CreateIndex(null, "orders", unique))).containsExactly("unique-on-existing", "index-not-concurrent");
        assertThat(rules(new IndexOps.DropIndex(null, "orders", plain))).containsExactly("index-not-concurrent");
        assertThat(onNewTable(new IndexOps.CreateIndex(null, "orders", unique))).isEmpty();
        // A table renamed after it was created in the same revision is still new.
        assertThat(rules(CREATE_ORDERS, new TableOps.RenameTable(null, "orders", "purchases"),
                new IndexOps.CreateIndex(null, "purchases", plain))).isEmpty();
        // Another schema's table of the same name is not the one created.
        assertThat(rules(CREATE_ORDERS, new IndexOps.CreateIndex("archive", "orders", plain))).containsExactly("index-not-concurrent");
    }

    @Test
    void handWrittenSqlIsNotJudged() {
        assertThat(rules(new Sql("DROP TABLE orders", null))).isEmpty();
    }

    @Test
    void aFindingNamesFileOperationLineAndWhatToDoInstead() {
        Revision r = Revision.fromOperations("ab12", List.of(), "x", Instant.parse("2026-01-01T00:00:00Z"),
                        List.of(new Sql("SELECT 1", null), new ColumnOps.DropColumn(null, "orders", Column.of("note", Types.TEXT)),
                                new TableOps.DropTable(ORDERS)))
                .withPath(Path.of("migrations/ab12_x.yaml"));
        List<LintFinding> found = LINTER.lint(r, List.of(OperationSource.at(6),
                new OperationSource(7, List.of("drop-column"), "unused since 2025"), OperationSource.at(10)));
        assertThat(found).hasSize(2);
        LintFinding column = found.get(0);
        assertThat(column.where()).isEqualTo(Path.of("migrations/ab12_x.yaml") + ":7");
        assertThat(column.operation()).isEqualTo("drop column orders.note");
        assertThat(column.severity()).isEqualTo(LintFinding.Severity.ERROR);
        assertThat(column.category()).isEqualTo("data loss");
        assertThat(column.ignored()).isEqualTo("unused since 2025");
        assertThat(column.reaches(LintFinding.Severity.WARNING)).isFalse();
        LintFinding table = found.get(1);
        assertThat(table.line()).isEqualTo(10);
        assertThat(table.rule()).isEqualTo("drop-table");
        assertThat(table.alternative()).isNotBlank();
        assertThat(table.reaches(LintFinding.Severity.ERROR)).isTrue();
    }
}
