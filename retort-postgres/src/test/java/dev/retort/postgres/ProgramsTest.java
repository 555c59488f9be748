package dev.retort.postgres;

import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.RowSecurity;
import dev.retort.Table;
import dev.retort.Trigger;
import dev.retort.Types;
import dev.retort.View;
import dev.retort.compare.Diff;
import dev.retort.testkit.DialectMatrix;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.function;
import static dev.retort.Dsl.index;
import static dev.retort.Dsl.materializedView;
import static dev.retort.Dsl.policy;
import static dev.retort.Dsl.procedure;
import static dev.retort.Dsl.trigger;
import static dev.retort.Dsl.view;
import static dev.retort.Types.BOOLEAN;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIMESTAMPTZ;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views, routines, triggers, policies and row-level security on a real server: a model holding every
 * kind is created from its own diff, after which autogenerate finds nothing and reflection reads the
 * model back; every kind of change is found, applies, and leaves nothing to do.
 */
class ProgramsTest {

    /** A model with one of each kind, in the shapes an application uses. */
    static MetaData model() {
        MetaData md = new MetaData();
        md.table("doc",
                column("id", INTEGER).primaryKey(),
                column("owner", TEXT).notNull(),
                column("title", TEXT),
                column("archived", BOOLEAN).notNull().defaultExpr("false"),
                column("updated_at", TIMESTAMPTZ));
        md.table("tag",
                column("id", INTEGER).primaryKey(),
                column("doc_id", INTEGER).notNull().references("doc.id"),
                column("label", TEXT).notNull());
        md.routine(function("touch").returns("trigger").language("plpgsql")
                .body("BEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND"));
        md.routine(function("title_of").argument("d", "int").returns("text").language("sql").stable()
                .body("SELECT title FROM doc WHERE id = d").comment("a doc's title"));
        md.routine(procedure("archive").argument("d", "integer").language("plpgsql")
                .body("BEGIN UPDATE doc SET archived = true WHERE id = d; END"));
        md.view(view("live_doc", "select id, owner, title, title_of(id) as t from doc where not archived")
                .securityBarrier().comment("live docs"));
        md.view(view("tagged", "SELECT d.id, d.title, t.label FROM live_doc d JOIN tag t ON t.doc_id = d.id"));
        md.view(materializedView("doc_count", "SELECT owner, count(*) AS n FROM doc GROUP BY owner").index(index("owner")));
        md.trigger(trigger("doc_touch").on("doc").before(Trigger.Event.UPDATE).forEachRow()
                .when("OLD.title IS DISTINCT FROM NEW.title").execute("touch"));
        md.enableRowLevelSecurity("doc");
        md.policy(policy("own_docs").on("doc").forCommand(Policy.Command.SELECT).using("owner = current_user"));
        return md;
    }

    @MatrixTest
    void aModelWithEveryKindIsCreatedAndThenMatches(TestDatabase db) throws SQLException {
        String schema = db.createSchema("programs");
        MetaData model = model();
        Diff creation = Tenants.autogenerate(db, model, schema);
        assertThat(creation.describe()).containsSubsequence("  create table doc", "  create function title_of(int)",
                "  create view live_doc", "  create view tagged", "  create trigger doc_touch on doc");
        Tenants.apply(db, schema, creation.operations());
        assertThat(Tenants.autogenerate(db, model, schema).describe()).isEmpty();

        MetaData read = Pg.reflect(db, schema);
        assertThat(read.views()).containsOnlyKeys(schema + ".live_doc", schema + ".tagged", schema + ".doc_count");
        assertThat(read.views().get(schema + ".doc_count").indexes()).extracting(Index::name).containsExactly("ix_doc_count_owner");
        assertThat(read.views().get(schema + ".live_doc").options()).containsExactly("security_barrier=true");
        assertThat(read.views().get(schema + ".live_doc").comment()).isEqualTo("live docs");
        assertThat(read.routines()).containsOnlyKeys(schema + ".touch()", schema + ".title_of(integer)", schema + ".archive(integer)");
        assertThat(read.routines().get(schema + ".title_of(integer)").comment()).isEqualTo("a doc's title");
        assertThat(read.triggers().get(schema + ".doc.doc_touch").when()).isEqualTo("old.title IS DISTINCT FROM new.title");
        assertThat(read.policies().get(schema + ".doc.own_docs").using()).isEqualTo("owner = CURRENT_USER");
        assertThat(read.rowSecurity().get(schema + ".doc")).isEqualTo(new RowSecurity(schema, "doc", true, false));
        assertThat(read.views().values()).allSatisfy(v -> assertThat(v.definition()).doesNotContain(schema));
    }

    /** A change to the model and the operations it must produce, as {@code Diff.describe()} prints them. */
    record Change(String name, UnaryOperator<MetaData> edit, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Change> CHANGES = List.of(
            new Change("a view's query", md -> edit(md, Edits.views(v -> v.name().equals("live_doc")
                    ? new View(null, v.name(), "SELECT id, owner, title, title_of(id) AS t FROM doc", false, v.options(), List.of(),
                    v.comment()) : v)),
                    List.of("  drop view tagged (made again below)", "  drop view live_doc (made again below)",
                            "  create view live_doc", "  create view tagged")),
            new Change("a view's option and comment, in place", md -> edit(md, Edits.views(v -> v.name().equals("live_doc")
                    ? new View(null, v.name(), v.definition(), false, List.of("security_invoker=true"), List.of(), "all docs") : v)),
                    List.of("  alter view live_doc")),
            new Change("a materialized view's index", md -> edit(md, Edits.views(v -> v.name().equals("doc_count")
                    ? v.withIndexes(List.of(new Index("ix_doc_count_n", List.of(Index.Element.column("n")), false, null, null, List.of())))
                    : v)),
                    List.of("  drop index ix_doc_count_owner on doc_count", "  create index ix_doc_count_n on doc_count")),
            new Change("a view removed", md -> edit(md, Edits.views(v -> v.name().equals("tagged") ? null : v)),
                    List.of("! drop view tagged")),
            new Change("a function's body, replaced in place", md -> edit(md, Edits.routines(r -> r.name().equals("touch")
                    ? r.withBody("BEGIN\n  NEW.updated_at := clock_timestamp();\n  RETURN NEW;\nEND") : r)),
                    List.of("  replace function touch()")),
            new Change("a function's comment", md -> edit(md, Edits.routines(r -> r.name().equals("title_of") ? r.withComment(null) : r)),
                    List.of("  replace function title_of(int)")),
            new Change("a function's result type: the views calling it make way", md -> edit(md, Edits.routines(r ->
                    r.name().equals("title_of") ? new Routine(null, r.name(), r.kind(), r.arguments(), "varchar", "sql",
                            "SELECT title::varchar FROM doc WHERE id = d", r.volatility(), false, false, false, r.parallel(), null, null,
                            List.of(), r.comment()) : r)),
                    List.of("  drop view tagged (made again below)", "  drop view live_doc (made again below)",
                            "  drop function title_of(integer) (made again below)", "  create function title_of(int)",
                            "  create view live_doc", "  create view tagged")),
            new Change("a procedure removed", md -> edit(md, Edits.routines(r -> r.name().equals("archive") ? null : r)),
                    List.of("! drop procedure archive(integer)")),
            new Change("a trigger's timing", md -> edit(md, Edits.triggers(t -> new Trigger(t.schema(), t.table(), t.name(),
                    Trigger.Timing.BEFORE, List.of(Trigger.Event.UPDATE, Trigger.Event.INSERT), List.of(), true, null, t.functionSchema(),
                    t.function(), List.of(), false, false, false, null, null, null))),
                    List.of("  drop trigger doc_touch on doc (made again below)", "  create trigger doc_touch on doc")),
            new Change("a trigger's comment", md -> edit(md, Edits.triggers(t -> t.withComment("keeps updated_at"))),
                    List.of("  comment on trigger doc_touch on doc")),
            new Change("a trigger removed", md -> edit(md, Edits.triggers(t -> null)),
                    List.of("! drop trigger doc_touch on doc")),
            new Change("a policy's condition and roles, in place", md -> edit(md, Edits.policies(p -> new Policy(p.schema(), p.table(),
                    p.name(), true, p.command(), List.of("postgres"), "owner = session_user", null, "mine"))),
                    List.of("  alter policy own_docs on doc")),
            new Change("a policy made restrictive", md -> edit(md, Edits.policies(p -> new Policy(p.schema(), p.table(), p.name(),
                    false, p.command(), p.roles(), p.using(), p.withCheck(), null))),
                    List.of("  drop policy own_docs on doc (made again below)", "  create policy own_docs on doc")),
            new Change("row-level security forced", md -> edit(md, Edits.rls(r -> new RowSecurity(r.schema(), r.table(), true, true))),
                    List.of("  force row-level security on doc")),
            new Change("row-level security disabled", md -> edit(md, Edits.rls(r -> null).and(Edits.policies(p -> null))),
                    List.of("! drop policy own_docs on doc", "! disable row-level security on doc")),
            new Change("a column's type under views, a policy and a trigger", md -> edit(md, Edits.tables(t -> t.name().equals("doc")
                    ? Everything.editColumn(Everything.editColumn(t, "title", c -> c.withType(Types.varchar(200))), "owner",
                    c -> c.withType(Types.varchar(50))) : t)),
                    List.of("  drop policy own_docs on doc (made again below)", "  drop trigger doc_touch on doc (made again below)",
                            "  drop view tagged (made again below)", "  drop view live_doc (made again below)",
                            "  drop materialized view doc_count (made again below)",
                            "! alter column doc.owner: type text -> varchar(50)", "! alter column doc.title: type text -> varchar(200)",
                            "  create view live_doc", "  create view tagged", "  create materialized view doc_count",
                            "  create policy own_docs on doc", "  create trigger doc_touch on doc")),
            new Change("a column a view reads, dropped with the view", md -> edit(md, Edits.tables(t -> t.name().equals("tag")
                    ? t.withColumns(t.columns().stream().filter(c -> !c.name().equals("label")).toList()) : t)
                    .and(Edits.views(v -> v.name().equals("tagged") ? null : v))),
                    List.of("! drop view tagged", "! drop column tag.label")),
            new Change("a table a view reads, dropped with the view", md -> edit(md, Edits.tables(t -> t.name().equals("tag") ? null : t)
                    .and(Edits.views(v -> v.name().equals("tagged") ? null : v))),
                    List.of("! drop view tagged", "! drop table tag")));

    static Stream<Arguments> changes() {
        List<Arguments> out = new ArrayList<>();
        for (TestDatabase db : DialectMatrix.targets()) {
            for (Change c : CHANGES) out.add(Arguments.of(db, c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("changes")
    void everyChangeIsFoundAndApplies(TestDatabase db, Change change) throws SQLException {
        String schema = db.createSchema("change");
        MetaData before = model();
        Tenants.create(db, before, schema);
        MetaData after = change.edit().apply(before);

        Diff diff = Tenants.autogenerate(db, after, schema);
        assertThat(diff.describe()).as(change.name()).containsExactlyElementsOf(change.expected());
        Tenants.apply(db, schema, diff.operations());
        assertThat(Tenants.autogenerate(db, after, schema).describe()).as("after applying: " + change.name()).isEmpty();

        List<dev.retort.operations.Operation> downgrade = new ArrayList<>(diff.rebind(schema, null).operations());
        java.util.Collections.reverse(downgrade);
        Tenants.apply(db, schema, downgrade.stream().map(dev.retort.operations.Operation::inverse).toList());
        assertThat(Tenants.autogenerate(db, before, schema).describe()).as("after the downgrade: " + change.name()).isEmpty();
    }

    // ---- edits of a model: each returns a new model and leaves its argument alone

    /** What to do with each object of a model: the same, another, or null to leave it out. */
    record Edits(UnaryOperator<Table> tables, UnaryOperator<View> views, UnaryOperator<Routine> routines,
                 UnaryOperator<Trigger> triggers, UnaryOperator<Policy> policies, UnaryOperator<RowSecurity> rls) {
        static final Edits NONE = new Edits(x -> x, x -> x, x -> x, x -> x, x -> x, x -> x);

        static Edits tables(UnaryOperator<Table> f) {
            return new Edits(f, x -> x, x -> x, x -> x, x -> x, x -> x);
        }

        static Edits views(UnaryOperator<View> f) {
            return new Edits(x -> x, f, x -> x, x -> x, x -> x, x -> x);
        }

        static Edits routines(UnaryOperator<Routine> f) {
            return new Edits(x -> x, x -> x, f, x -> x, x -> x, x -> x);
        }

        static Edits triggers(UnaryOperator<Trigger> f) {
            return new Edits(x -> x, x -> x, x -> x, f, x -> x, x -> x);
        }

        static Edits policies(UnaryOperator<Policy> f) {
            return new Edits(x -> x, x -> x, x -> x, x -> x, f, x -> x);
        }

        static Edits rls(UnaryOperator<RowSecurity> f) {
            return new Edits(x -> x, x -> x, x -> x, x -> x, x -> x, f);
        }

        /** Both edits, this one's first. */
        Edits and(Edits other) {
            return new Edits(then(tables, other.tables), then(views, other.views), then(routines, other.routines),
                    then(triggers, other.triggers), then(policies, other.policies), then(rls, other.rls));
        }

        private static <T> UnaryOperator<T> then(UnaryOperator<T> a, UnaryOperator<T> b) {
            return x -> {
                T y = a.apply(x);
                return y == null ? null : b.apply(y);
            };
        }
    }

    static MetaData edit(MetaData md, Edits e) {
        MetaData out = new MetaData(md.schema(), md.namingConvention());
        md.sequences().values().forEach(out::addSequence);
        md.enums().forEach(out::addEnum);
        md.tables().values().stream().map(e.tables()).filter(java.util.Objects::nonNull).forEach(out::add);
        md.routines().values().stream().map(e.routines()).filter(java.util.Objects::nonNull).forEach(out::addRoutine);
        md.views().values().stream().map(e.views()).filter(java.util.Objects::nonNull).forEach(out::addView);
        md.triggers().values().stream().map(e.triggers()).filter(java.util.Objects::nonNull).forEach(out::addTrigger);
        md.policies().values().stream().map(e.policies()).filter(java.util.Objects::nonNull).forEach(out::addPolicy);
        md.rowSecurity().values().stream().map(e.rls()).filter(java.util.Objects::nonNull).forEach(out::addRowSecurity);
        return out;
    }
}
