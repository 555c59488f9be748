package dev.retort.postgres;

import dev.retort.Column;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.operations.SchemaOps;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static dev.retort.Dsl.check;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.comment;
import static dev.retort.Dsl.expr;
import static dev.retort.Dsl.foreignKey;
import static dev.retort.Dsl.indexOn;
import static dev.retort.Dsl.primaryKey;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.enumType;
import static org.assertj.core.api.Assertions.assertThat;

/** Model, rendered and executed, reflected back: equal to the model up to normalisation. */
class RoundTripTest {

    @MatrixTest
    void theRichModelComesBackAsItWasDefined(TestDatabase db) throws SQLException {
        String schema = db.createSchema("round_trip");
        MetaData model = Models.rich().withSchema(schema);
        Pg.apply(db, schema, Pg.creation(model));

        MetaData reflected = Pg.reflect(db, schema);
        assertEqualModels(reflected, model);
        assertThat(reflected.enums()).containsExactly(Models.STATUS.withSchema(schema));
        assertThat(reflected.sequences()).as("serial and identity sequences are not standalone").isEmpty();
    }

    @MatrixTest
    void aModelRenderedForOneTenantIsTheSameModelInAnother(TestDatabase db) throws SQLException {
        String a = db.createSchema("tenant_a");
        String b = db.createSchema("tenant_b");
        MetaData model = Models.rich();
        // Unbound operations, bound only when rendered: the way revisions are applied.
        Pg.apply(db, a, Pg.creation(model));
        Pg.apply(db, b, Pg.creation(model));
        MetaData ra = Pg.reflect(db, a);
        MetaData rb = Pg.reflect(db, b);
        assertEqualModels(ra, model.withSchema(a));
        assertThat(Canon.tables(rb.withSchema(a))).isEqualTo(Canon.tables(ra));
    }

    /** Names that break naive SQL building come back exactly, as names, and nothing else happens. */
    @MatrixTest
    void hostileIdentifiersRoundTripAsIdentifiers(TestDatabase db) throws SQLException {
        String schema = "Tenant \"X\"; DROP SCHEMA public CASCADE; --";
        String evil = "\"; DROP SCHEMA public CASCADE; --";
        MetaData model = new MetaData();
        SqlType.Enum mood = enumType("Mood \"type\"", "it's", "back\\slash", "ünïcödé", "$retort$");
        model.table(evil,
                column("select", INTEGER).primaryKey(),
                column("MixedCase", TEXT).notNull().defaultExpr("'it''s'").comment("it's \"quoted\" \\ and ; semicolon"),
                column("ünïcödé 表", TEXT),
                column("a\"b", mood),
                column("semi;colon", INTEGER),
                unique("MixedCase").named("uq \"quoted\""),
                check("\"semi;colon\" > 0").named("ck;\"x\""),
                indexOn(expr("lower(\"MixedCase\")")).named("ix \"lower\" --"),
                comment("table's comment"));
        model.table("Order",
                column("id", INTEGER).primaryKey(),
                column("ref", INTEGER).references(evil + ".select"),
                foreignKey("id").references(null, evil, "select").named("fk\"self\""));
        MetaData bound = model.withSchema(schema);
        try {
            Pg.apply(db, null, new SchemaOps.CreateSchema(schema));
            Pg.apply(db, schema, Pg.creation(model));
            MetaData reflected = Pg.reflect(db, schema);
            assertEqualModels(reflected, bound);
            assertThat(reflected.enums()).containsExactly(mood.withSchema(schema));
            assertThat(Pg.query(db, "select nspname from pg_namespace where nspname = 'public'")).containsExactly("public");
        } finally {
            Pg.apply(db, null, new SchemaOps.DropSchema(schema));
        }
        assertThat(Pg.query(db, "select nspname from pg_namespace where nspname like 'Tenant%'")).isEmpty();
    }

    @MatrixTest
    void severalSchemasAreReadInOneCall(TestDatabase db) throws SQLException {
        String a = db.createSchema("multi_a");
        String b = db.createSchema("multi_b");
        String missing = "no_such_schema_" + a;
        MetaData model = Models.rich();
        Pg.apply(db, a, Pg.creation(model));
        Pg.apply(db, b, Pg.creation(model));
        Map<String, MetaData> all;
        try (var c = db.connect()) {
            all = Pg.DIALECT.reflect(c, List.of(b, a, missing));
        }
        assertThat(all.keySet()).containsExactly(b, a, missing);
        assertEqualModels(all.get(a), model.withSchema(a));
        assertEqualModels(all.get(b), model.withSchema(b));
        assertThat(all.get(missing).tables()).isEmpty();
    }

    @MatrixTest
    void aForeignKeyIntoASharedSchemaKeepsThatSchema(TestDatabase db) throws SQLException {
        String shared = db.createSchema("shared");
        String tenant = db.createSchema("tenant");
        MetaData sharedModel = new MetaData(shared);
        sharedModel.table("country", column("code", TEXT).primaryKey());
        Pg.apply(db, null, Pg.creation(sharedModel));
        MetaData model = new MetaData();
        model.table("customer", column("id", INTEGER).primaryKey(),
                column("country", TEXT).references(shared + ".country.code"));
        Pg.apply(db, tenant, Pg.creation(model));
        Table customer = Pg.table(db, tenant, "customer");
        assertThat(customer.foreignKeys()).singleElement()
                .satisfies(fk -> assertThat(fk.referredKey()).isEqualTo(shared + ".country"));
    }

    static void assertEqualModels(MetaData reflected, MetaData model) {
        assertThat(reflected.tables().keySet()).containsExactlyInAnyOrderElementsOf(model.tables().keySet());
        for (String key : model.tables().keySet()) {
            Table expected = Canon.table(model.get(key));
            Table actual = Canon.table(reflected.get(key));
            for (int i = 0; i < expected.columns().size(); i++) {
                Column e = expected.columns().get(i);
                assertThat(actual.columns().get(i)).as("column %s.%s", key, e.name()).isEqualTo(e);
            }
            assertThat(actual.checks()).as("checks of %s", key).isEqualTo(expected.checks());
            for (Index ix : expected.indexes()) {
                assertThat(actual.indexes()).as("indexes of %s", key).contains(ix);
            }
            assertThat(actual).as("table %s", key).isEqualTo(expected);
        }
    }
}
