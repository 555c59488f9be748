package dev.retort.postgres;

import dev.retort.MetaData;
import dev.retort.compare.Diff;
import dev.retort.api.DatabaseException;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.retort.postgres.Tenants.AUTOGENERATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schema against schema: B's objects retargeted onto A, in one database or across two. */
class DatabaseDiffTest {

    @MatrixTest
    void anEmptySchemaIsBroughtToAnotherReferringToTheSharedSchemaWithoutCreatingIt(TestDatabase db) throws SQLException {
        String shared = db.createSchema("shared");
        Tenants.apply(db, shared, Pg.creation(Everything.shared(shared)));
        String a = db.createSchema("empty_a");
        String b = db.createSchema("full_b");
        Tenants.create(db, Everything.model(shared), b);

        Diff diff = diff(db, a, b);
        assertThat(diff.operations()).allMatch(op -> a.equals(op.schema()), "every operation acts in " + a);
        assertThat(diff.describe()).noneMatch(d -> d.contains("country"));
        assertThat(diff.toString()).doesNotContain(b);
        Tenants.apply(db, a, diff.operations());

        assertThat(diff(db, a, b).describe()).isEmpty();
        assertThat(diff(db, b, a).describe()).isEmpty();
        assertSameTables(db, a, b);
    }

    @MatrixTest
    void aSchemaIsBroughtToAChangedOne(TestDatabase db) throws SQLException {
        String shared = db.createSchema("shared");
        Tenants.apply(db, shared, Pg.creation(Everything.shared(shared)));
        String a = db.createSchema("old_a");
        String b = db.createSchema("new_b");
        MetaData before = Everything.model(shared);
        MetaData after = Everything.relabel(Everything.editTable(before, "parent",
                t -> Everything.editColumn(t, "code", c -> c.withType(dev.retort.Types.varchar(50)))), "status",
                List.of("draft", "published"));
        after = Everything.editTable(after, "audit", t -> null);
        Tenants.create(db, before, a);
        Tenants.create(db, after, b);

        Diff diff = diff(db, a, b);
        assertThat(diff.describe()).contains("! drop table audit", "  alter column parent.code: type varchar(20) -> varchar(50)",
                "! remove value 'it's \"archived\"' from enum type status");
        Tenants.apply(db, a, diff.operations());
        assertThat(diff(db, a, b).describe()).isEmpty();
        assertSameTables(db, a, b);
        Tenants.assertMatches(db, a, after);
    }

    @MatrixTest
    void twoDatabasesAreComparedSchemaToSchema(TestDatabase db) throws SQLException {
        String fromUrl = db.createDatabase("from_db");
        String toUrl = db.createDatabase("to_db");
        String shared = "shared";
        MetaData model = Everything.model(shared);
        try (Connection from = TestDatabase.dataSource(fromUrl).getConnection();
             Connection to = TestDatabase.dataSource(toUrl).getConnection()) {
            for (Connection c : List.of(from, to)) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE SCHEMA shared; CREATE SCHEMA app");
                }
                Tenants.apply(c, shared, Pg.creation(Everything.shared(shared)));
            }
            Tenants.apply(to, "app", AUTOGENERATE.autogenerate(to, model.withSchema("app"), "app").operations());

            Diff diff = AUTOGENERATE.diff(from, "app", to, "app");
            assertThat(diff.describe()).contains("  create table parent", "  create enum type status", "  create sequence invoice_no");
            Tenants.apply(from, "app", diff.operations());
            assertThat(AUTOGENERATE.diff(from, "app", to, "app").describe()).isEmpty();
            assertThat(AUTOGENERATE.autogenerate(from, model.withSchema("app"), "app").describe()).isEmpty();
        }
    }

    @MatrixTest
    void withoutDropsOnlyAdditionsAndChangesAreMade(TestDatabase db) throws SQLException {
        String shared = db.createSchema("shared");
        Tenants.apply(db, shared, Pg.creation(Everything.shared(shared)));
        String a = db.createSchema("full_a");
        String b = db.createSchema("small_b");
        MetaData model = Everything.model(shared);
        Tenants.create(db, model, a);
        Tenants.create(db, Everything.editTable(model, "audit", t -> null), b);
        try (Connection c = db.connect()) {
            assertThat(AUTOGENERATE.diff(c, a, c, b).describe()).containsExactly("! drop table audit");
            assertThat(AUTOGENERATE.withDrops(false).diff(c, a, c, b).describe()).isEmpty();
        }
    }

    @MatrixTest
    void aMissingSchemaIsNamed(TestDatabase db) throws SQLException {
        String a = db.createSchema("present");
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> AUTOGENERATE.diff(c, a, c, "no_such_schema"))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessage("schema no_such_schema does not exist in database " + c.getCatalog());
            assertThatThrownBy(() -> AUTOGENERATE.autogenerate(c, new MetaData("gone"), "gone"))
                    .hasMessage("schema gone does not exist in database " + c.getCatalog());
            assertThatThrownBy(() -> AUTOGENERATE.autogenerateEach(c, new MetaData(), List.of(a, "x1", "x2")))
                    .hasMessage("schemas x1, x2 do not exist in database " + c.getCatalog());
        }
    }

    @MatrixTest
    void anObjectTheModelCannotHoldIsNamed(TestDatabase db) throws SQLException {
        // (A table without columns is an object Retort holds: PostgreSQL allows it and so does the model.)
        String e = db.createSchema("odd_enum");
        db.execute("CREATE TYPE " + PostgresSql.quote(e) + ".nothing AS ENUM ()");
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> AUTOGENERATE.autogenerate(c, new MetaData(e), e))
                    .hasMessage("schema " + e + " holds an object Retort does not support: enum type nothing has no labels");
        }
    }

    @MatrixTest
    void theModelMustBeBoundToTheSchemaItIsComparedWith(TestDatabase db) throws SQLException {
        String a = db.createSchema("bound");
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> AUTOGENERATE.autogenerate(c, new MetaData(), a))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the model is bound to no schema, not to " + a + ": compare model.withSchema(\"" + a + "\")");
        }
    }

    /** The drift check of many tenants: one reflection, whatever their number. */
    @MatrixTest
    void manyTenantsAreComparedWithOneReflection(TestDatabase db) throws SQLException {
        String shared = db.createSchema("shared");
        Tenants.apply(db, shared, Pg.creation(Everything.shared(shared)));
        MetaData model = Everything.model(shared);
        List<String> tenants = List.of(db.createSchema("t1"), db.createSchema("t2"), db.createSchema("t3"));
        for (String t : tenants) Tenants.create(db, model, t);
        db.execute("ALTER TABLE " + PostgresSql.quote(tenants.get(1)) + ".parent DROP COLUMN blob");

        try (Connection real = db.connect()) {
            CountingConnection counting = new CountingConnection(real);
            Map<String, Diff> diffs = AUTOGENERATE.autogenerateEach(counting.connection, model, tenants);
            assertThat(diffs.keySet()).containsExactlyElementsOf(tenants);
            assertThat(diffs.get(tenants.get(0)).isEmpty()).isTrue();
            assertThat(diffs.get(tenants.get(1)).describe()).containsExactly("  add column parent.blob");
            assertThat(diffs.get(tenants.get(1)).operations()).allMatch(op -> tenants.get(1).equals(op.schema()));
            assertThat(diffs.get(tenants.get(2)).isEmpty()).isTrue();
            assertThat(counting.executions.get()).as("schema check and reflection").isEqualTo(1 + PostgresReflector.QUERIES);
        }
    }

    private static Diff diff(TestDatabase db, String a, String b) throws SQLException {
        try (Connection c = db.connect()) {
            return AUTOGENERATE.diff(c, a, c, b);
        }
    }

    /** The tables of A and of B cloned onto A are equal, column order aside. */
    private static void assertSameTables(TestDatabase db, String a, String b) throws SQLException {
        Map<String, dev.retort.Table> ta = new TreeMap<>();
        Map<String, dev.retort.Table> tb = new TreeMap<>();
        Canon.tables(Pg.reflect(db, a)).forEach((k, t) -> ta.put(k, sorted(t)));
        Canon.tables(Pg.reflect(db, b).withSchema(a)).forEach((k, t) -> tb.put(k, sorted(t)));
        assertThat(ta).isEqualTo(tb);
    }

    private static dev.retort.Table sorted(dev.retort.Table t) {
        return t.withColumns(t.columns().stream().sorted(java.util.Comparator.comparing(dev.retort.Column::name)).toList());
    }
}
