package dev.retort.postgres;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.Sequence;
import dev.retort.Table;
import dev.retort.compare.Diff;
import dev.retort.operations.Operation;
import dev.retort.testkit.DialectMatrix;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.charType;
import static dev.retort.Types.enumType;
import static dev.retort.Types.varchar;
import static dev.retort.postgres.Everything.addColumn;
import static dev.retort.postgres.Everything.editColumn;
import static dev.retort.postgres.Everything.editTable;
import static dev.retort.postgres.Everything.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autogenerate on a real server: a schema created from a model has no differences; every kind of
 * change to the model is found, applies, and leaves nothing behind; one diff made schema-agnostic
 * applies to every tenant.
 */
class AutogenerateTest {

    /** A change to the model and the operations it must produce, as {@code Diff.describe()} prints them. */
    record Change(String name, UnaryOperator<MetaData> edit, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @MatrixTest
    void aSchemaCreatedFromTheModelHasNoDifferences(TestDatabase db) throws SQLException {
        String shared = db.createSchema("shared");
        Tenants.apply(db, shared, Pg.creation(Everything.shared(shared)));
        String tenant = db.createSchema("everything");
        MetaData model = Everything.model(shared);

        Diff creation = Tenants.autogenerate(db, model, tenant);
        assertThat(creation.operations()).as("nothing is created in the shared schema")
                .allMatch(op -> tenant.equals(op.schema()) || op.schema() == null);
        assertThat(creation.describe()).noneMatch(d -> d.contains("country")).doesNotHaveDuplicates();
        Tenants.apply(db, tenant, creation.operations());

        assertThat(Tenants.autogenerate(db, model, tenant).describe()).isEmpty();
        Tenants.assertMatches(db, tenant, model);
    }

    static Stream<Arguments> changes() {
        List<Arguments> out = new ArrayList<>();
        for (TestDatabase db : DialectMatrix.targets()) {
            for (Change c : CHANGES) out.add(Arguments.of(db, c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("changes")
    void everyChangeIsFoundAppliedAndThenGone(TestDatabase db, Change change) throws SQLException {
        String shared = db.createSchema("shared");
        Tenants.apply(db, shared, Pg.creation(Everything.shared(shared)));
        String tenant = db.createSchema("change");
        MetaData before = Everything.model(shared);
        Tenants.create(db, before, tenant);

        MetaData after = change.edit().apply(before);
        Diff diff = Tenants.autogenerate(db, after, tenant);
        assertThat(diff.describe()).as(change.name()).containsExactlyElementsOf(change.expected());
        Tenants.apply(db, tenant, diff.operations());

        assertThat(Tenants.autogenerate(db, after, tenant).describe()).as("after applying: " + change.name()).isEmpty();
        Tenants.assertMatches(db, tenant, after);
    }

    @MatrixTest
    void oneSchemaAgnosticDiffAppliesToEveryTenant(TestDatabase db) throws SQLException {
        String shared = db.createSchema("shared");
        Tenants.apply(db, shared, Pg.creation(Everything.shared(shared)));
        String a = db.createSchema("tenant_a");
        String b = db.createSchema("tenant_b");
        MetaData before = Everything.model(shared);
        Tenants.create(db, before, a);
        Tenants.create(db, before, b);

        MetaData after = before;
        for (Change c : CHANGES) {
            if (!c.name().startsWith("rename")) after = c.edit().apply(after);
        }
        List<Operation> agnostic = Tenants.autogenerate(db, after, a).rebind(a, null).operations();
        assertThat(agnostic).allMatch(op -> op.schema() == null || op.schema().equals(shared));
        assertThat(agnostic.toString()).doesNotContain(a);

        for (String tenant : List.of(a, b)) {
            Tenants.apply(db, tenant, agnostic);
            assertThat(Tenants.autogenerate(db, after, tenant).describe()).as(tenant).isEmpty();
            Tenants.assertMatches(db, tenant, after);
        }
    }

    // ---- the changes

    private static final List<Change> CHANGES = List.of(
            new Change("add column",
                    md -> editTable(md, "parent", t -> addColumn(t,
                            Column.of("extra", TEXT).withNullable(false).withServerDefault("'x'").withComment("new"))),
                    List.of("  add column parent.extra")),
            new Change("widen a column under keys, checks and indexes",
                    md -> editTable(md, "parent", t -> editColumn(t, "code", c -> c.withType(varchar(40)))),
                    List.of("  drop constraint uq_parent_code on parent",
                            "  drop constraint ck_parent_code_length on parent",
                            "  drop index ix_parent_expr_created_at on parent",
                            "  alter column parent.code: type varchar(20) -> varchar(40)",
                            "  add constraint uq_parent_code on parent",
                            "  add constraint ck_parent_code_length on parent",
                            "  create index ix_parent_expr_created_at on parent")),
            new Change("change a column type",
                    md -> editTable(md, "parent", t -> editColumn(t, "counter", c -> c.withType(BIGINT))),
                    List.of("  alter column parent.counter: type integer -> bigint")),
            new Change("change defaults",
                    md -> editTable(md, "parent", t -> editColumn(editColumn(editColumn(t,
                                    "price", c -> c.withServerDefault("1")),
                            "updated_at", c -> c.withServerDefault(null)),
                            "label", c -> c.withServerDefault("'y'"))),
                    List.of("  alter column parent.price: default 0 -> 1",
                            "! alter column parent.updated_at: default now() -> null",
                            "  alter column parent.label: default 'x'::character varying -> 'y'")),
            new Change("change nullability",
                    md -> editTable(editTable(md,
                                    "parent", t -> editColumn(t, "weight", c -> c.withNullable(false))),
                            "child", t -> editColumn(t, "kind", c -> c.withNullable(true))),
                    List.of("  alter column parent.weight: set not null",
                            "  alter column child.kind: drop not null")),
            new Change("change a check",
                    md -> editTable(md, "parent", t -> with(t, t.uniques(), t.foreignKeys(),
                            t.checks().stream().map(ck -> ck.name().equals("ck_parent_price_range")
                                    ? new CheckConstraint(ck.name(), "price >= 0 AND price < 2000000") : ck).toList(),
                            t.indexes())),
                    List.of("  drop constraint ck_parent_price_range on parent",
                            "  add constraint ck_parent_price_range on parent")),
            new Change("change indexes",
                    md -> editTable(md, "child", t -> with(t, t.uniques(), t.foreignKeys(), t.checks(),
                            t.indexes().stream().map(ix -> ix.name().equals("ix_child_note")
                                    ? new Index(ix.name(), List.of(new Index.Element("note", null, true)), false,
                                    "note IS NOT NULL", null, List.of("kind"))
                                    : ix).toList())),
                    List.of("  drop index ix_child_note on child",
                            "  create index ix_child_note on child")),
            new Change("change a foreign key's actions",
                    md -> editTable(md, "child", t -> with(t, t.uniques(),
                            t.foreignKeys().stream().map(fk -> fk.columns().equals(List.of("parent_id"))
                                    ? new ForeignKey(fk.name(), fk.columns(), fk.referredSchema(), fk.referredTable(),
                                    fk.referredColumns(), ForeignKey.Action.RESTRICT, ForeignKey.Action.CASCADE, true, false)
                                    : fk).toList(),
                            t.checks(), t.indexes())),
                    List.of("  drop constraint fk_child_parent_id_parent on child",
                            "  add constraint fk_child_parent_id_parent on child")),
            new Change("add enum labels",
                    md -> Everything.relabel(md, "status", List.of("draft", "review", "published", "it's \"archived\"", "gone")),
                    List.of("  add value 'review' to enum type status",
                            "  add value 'gone' to enum type status")),
            new Change("change identities",
                    md -> editTable(editTable(md,
                                    "child", t -> editColumn(t, "seq_no", c -> c.withIdentity(new Identity(false, 100L, 5L)))),
                            "parent", t -> editColumn(t, "id", c -> c.withIdentity(new Identity(true, 10L, null)))),
                    List.of("  alter column parent.id: identity identity by default -> identity always start 10",
                            "  alter column child.seq_no: identity identity always start 100 increment 5 -> identity by default start 100 increment 5")),
            new Change("change comments",
                    md -> editTable(editTable(editTable(md,
                                            "parent", t -> editColumn(t.withComment("all the parents"), "name", c -> c.withComment(null))),
                                    "child", t -> editColumn(t.withComment(null), "note", c -> c.withComment("a note"))),
                            "audit", t -> t.withComment("what happened")),
                    List.of("  alter column parent.name: comment",
                            "  comment on table parent",
                            "  alter column child.note: comment",
                            "  comment on table child",
                            "  comment on table audit")),
            new Change("drop a table",
                    md -> editTable(md, "audit", t -> null),
                    List.of("! drop table audit")),
            new Change("rename a column",
                    md -> editTable(md, "parent", t -> editColumn(t, "free", c -> c.withName("free_text").withRenamedFrom("free"))),
                    List.of("  rename column parent.free to free_text")),
            new Change("rename a table",
                    AutogenerateTest::renameChild,
                    List.of("  rename table child to kid")),
            new Change("change a collation",
                    md -> editTable(md, "parent", t -> editColumn(editColumn(t,
                            "name", c -> c.withCollation("POSIX")),
                            "label", c -> c.withCollation("C"))),
                    // ALTER ... TYPE ... COLLATE: what stands on the columns is dropped and re-added
                    List.of("  drop constraint uq_parent_name_status on parent",
                            "  drop index ix_parent_expr_created_at on parent",
                            "  drop index ix_parent_updated_at_label on parent",
                            "  alter column parent.name: collation C -> POSIX",
                            "  alter column parent.label: collation null -> C",
                            "  add constraint uq_parent_name_status on parent",
                            "  create index ix_parent_expr_created_at on parent",
                            "  create index ix_parent_updated_at_label on parent")),
            new Change("serial to identity",
                    md -> editTable(md, "child", t -> editColumn(t, "big", c -> c.withAutoIncrement(false).withIdentity(Identity.byDefault()))),
                    List.of("! alter column child.big: identity null -> identity by default, drop auto-increment")),
            new Change("plain to serial",
                    md -> editTable(md, "parent", t -> editColumn(t, "counter", c -> c.withServerDefault(null).withAutoIncrement(true))),
                    List.of("! alter column parent.counter: default 0 -> null, add auto-increment")),
            new Change("remove an enum label",
                    md -> Everything.relabel(md, "status", List.of("draft", "published")),
                    List.of("! remove value 'it's \"archived\"' from enum type status")),
            new Change("identity to plain",
                    md -> editTable(md, "child", t -> editColumn(t, "seq_no", c -> c.withIdentity(null))),
                    List.of("! alter column child.seq_no: identity identity always start 100 increment 5 -> null")),
            new Change("change a generated column",
                    md -> editTable(md, "parent", t -> editColumn(t, "doubled", c -> c.withComputed("price * 3"))),
                    List.of("! drop column parent.doubled",
                            "  add column parent.doubled")),
            new Change("change a sequence",
                    md -> withSequence(md, new Sequence(null, "invoice_no", INTEGER, 1000L, 20L, null, 99999L, null, false)),
                    List.of("  alter sequence invoice_no")),
            new Change("drop a column",
                    md -> editTable(md, "parent", t -> t.withColumns(t.columns().stream().filter(c -> !c.name().equals("blob")).toList())),
                    List.of("! drop column parent.blob")),
            new Change("add a table with keys into the tenant and the shared schema",
                    AutogenerateTest::addAddress,
                    List.of("  create table address")),
            new Change("use a new enum type and a registered one",
                    md -> editTable(md, "child", t -> addColumn(addColumn(t,
                            Column.of("mood", enumType("mood", "happy", "sad")).withServerDefault("'happy'")),
                            Column.of("prio", Everything.PRIORITY))),
                    List.of("  create enum type mood",
                            "  add column child.mood",
                            "  add column child.prio")),
            new Change("change a foreign key's deferrability",
                    md -> editTable(md, "child", t -> with(t, t.uniques(),
                            t.foreignKeys().stream().map(fk -> fk.columns().equals(List.of("sibling_id"))
                                    ? new ForeignKey(fk.name(), fk.columns(), fk.referredSchema(), fk.referredTable(),
                                    fk.referredColumns(), fk.onDelete(), fk.onUpdate(), false, false)
                                    : fk).toList(),
                            t.checks(), t.indexes())),
                    List.of("  drop constraint fk_child_sibling_id_child on child",
                            "  add constraint fk_child_sibling_id_child on child")));

    private static MetaData withSequence(MetaData md, Sequence replacement) {
        MetaData out = new MetaData(md.schema(), md.namingConvention());
        md.sequences().values().forEach(s -> out.addSequence(s.key().equals(replacement.key()) ? replacement : s));
        md.tables().values().forEach(out::add);
        md.enums().forEach(e -> {
            if (out.enums().stream().noneMatch(o -> o.key().equals(e.key()))) out.addEnum(e);
        });
        return out;
    }

    /** child becomes kid: the model says so, and every key into it follows. */
    private static MetaData renameChild(MetaData md) {
        return Everything.rebuild(md, t -> {
            List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> fk.referredTable().equals("child") && fk.referredSchema() == null
                    ? new ForeignKey(fk.name(), fk.columns(), null, "kid", fk.referredColumns(), fk.onDelete(), fk.onUpdate(),
                    fk.deferrable(), fk.initiallyDeferred())
                    : fk).toList();
            Table out = with(t, t.uniques(), fks, t.checks(), t.indexes());
            if (t.name().equals("child")) {
                out = new Table(out.schema(), "kid", out.columns(), out.primaryKey(), out.uniques(), out.foreignKeys(),
                        out.checks(), out.indexes(), out.comment(), "child");
            }
            return out;
        });
    }

    private static MetaData addAddress(MetaData md) {
        String shared = md.tables().values().stream().map(Table::schema).filter(Objects::nonNull).findFirst().orElseThrow();
        MetaData out = Everything.rebuild(md, t -> t);
        out.table("address",
                dev.retort.Dsl.column("id", INTEGER).identity().primaryKey(),
                dev.retort.Dsl.column("parent_id", BIGINT).notNull().references("parent.id").onDelete(ForeignKey.Action.CASCADE),
                dev.retort.Dsl.column("country", charType(2)).notNull().references(shared + ".country.code"),
                dev.retort.Dsl.column("line", TEXT).notNull().defaultExpr("''"),
                dev.retort.Dsl.index("parent_id", "line").unique());
        return out;
    }
}
