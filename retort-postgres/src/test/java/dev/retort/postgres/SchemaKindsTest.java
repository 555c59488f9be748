package dev.retort.postgres;

import dev.retort.CheckConstraint;
import dev.retort.Domain;
import dev.retort.ExclusionConstraint;
import dev.retort.MetaData;
import dev.retort.Table;
import dev.retort.Types;
import dev.retort.api.Retort;
import dev.retort.api.RevisionResult;
import dev.retort.internal.revision.RevisionReader;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Supplier;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.domain;
import static dev.retort.Dsl.exclusion;
import static dev.retort.Dsl.expr;
import static dev.retort.Dsl.index;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIMESTAMPTZ;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds of a schema beyond tables, columns, keys and indexes, each round-tripped: model, revision
 * file (written without the tenant's schema and read back equal), database (two tenants upgraded), reflection, and
 * then nothing left to do; a change to each is found, applied, and undone by the downgrade.
 */
class SchemaKindsTest {
    private final TestDatabase db = TestDatabase.postgres();

    @TempDir
    Path migrations;

    private String tenantA;
    private String tenantB;

    @BeforeEach
    void twoTenants() {
        tenantA = db.createSchema("kinds_a");
        tenantB = db.createSchema("kinds_b");
    }

    private Retort retort(Supplier<MetaData> model) {
        return Retort.configure().dataSource(db.dataSource()).migrations(migrations).model(model::get).load();
    }

    /** Autogenerates a revision on tenant A, checks its file, upgrades both tenants, and checks nothing is left. */
    private Revision roundTrip(Supplier<MetaData> model, String message, String... expected) throws IOException, SQLException {
        Revision revision = retort(model).revision(message, true, tenantA, false).written().orElseThrow();
        String text = Files.readString(revision.path());
        assertThat(text).doesNotContain(tenantA).contains(expected);
        assertThat(RevisionReader.read(revision.path())).isEqualTo(revision);
        retort(model).upgrade("head", tenantA);
        retort(model).upgrade("head", tenantB);
        assertThat(retort(model).revision("again", true, tenantA, false)).isEqualTo(new RevisionResult.NoChanges(tenantA));
        assertThat(retort(model).revision("again", true, tenantB, false)).isEqualTo(new RevisionResult.NoChanges(tenantB));
        return revision;
    }

    static MetaData bookings(boolean partial) {
        MetaData md = new MetaData();
        md.table("booking",
                column("id", INTEGER).primaryKey(),
                column("room", TEXT).notNull(),
                column("starts", TIMESTAMPTZ).notNull(),
                column("ends", TIMESTAMPTZ).notNull(),
                exclusion("gist").with(expr("tstzrange(starts, ends)"), "&&").named("booking_no_overlap"),
                partial ? exclusion("btree").with(expr("lower(room)"), "=").where("room <> ''").deferrable(true)
                        : exclusion("btree").with("room", "="));
        return md;
    }

    @Test
    void exclusionConstraintsRoundTripAndChange() throws IOException, SQLException {
        roundTrip(() -> bookings(false), "bookings", "exclusions:", "operator: '&&'", "using: gist");

        MetaData read = Pg.reflect(db, tenantB);
        Table booking = read.get(tenantB + ".booking");
        assertThat(booking.exclusions()).extracting(ExclusionConstraint::name)
                .containsExactlyInAnyOrder("booking_no_overlap", "booking_room_excl");
        assertThat(booking.indexes()).as("an exclusion constraint's index is not an index of its own").isEmpty();
        assertThat(booking.exclusions()).filteredOn(x -> x.name().equals("booking_no_overlap")).singleElement()
                .satisfies(x -> {
                    assertThat(x.method()).isEqualTo("gist");
                    assertThat(x.operators()).containsExactly("&&");
                    assertThat(x.elements().get(0).expression()).isEqualTo("tstzrange(starts, ends)");
                });

        Revision change = roundTrip(() -> bookings(true), "partial", "drop_constraint:", "add_constraint:", "exclusion:",
                "where: room <> ''", "initially_deferred: true");
        assertThat(Pg.query(db, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'x' AND connamespace = '"
                + tenantB + "'::regnamespace ORDER BY 1")).containsExactly(
                "EXCLUDE USING btree (lower(room) WITH =) WHERE ((room <> ''::text)) DEFERRABLE INITIALLY DEFERRED",
                "EXCLUDE USING gist (tstzrange(starts, ends) WITH &&)");

        retort(() -> bookings(true)).downgrade(change.downRevisions().get(0), tenantB);
        // Compared without the runner's check that the schema is up to date: only its version table is extra.
        assertThat(Tenants.autogenerate(db, bookings(false), tenantB).describe()).as("after the downgrade")
                .containsExactly("! drop table retort_version");
    }

    static MetaData accounts(boolean changed) {
        MetaData md = new MetaData();
        md.domain(changed ? domain("posint", INTEGER).check("VALUE >= 1").check("VALUE < 1000000")
                : domain("posint", INTEGER).notNull().check("VALUE > 0").comment("a positive count"));
        md.domain(domain("code", varchar(10)).collate("C").defaultExpr(changed ? "'tbd'" : "'none'")
                .check("code_format", "VALUE ~ '^[a-z]+$'"));
        if (changed) md.domain(domain("email", TEXT).check("VALUE LIKE '%@%'"));
        md.table("account",
                column("id", INTEGER).primaryKey(),
                column("seats", Types.domain("posint")),
                column("code", Types.domain("code")),
                column("codes", Types.arrayOf(Types.domain("code"))));
        return md;
    }

    @Test
    void domainsRoundTripAndChange() throws IOException, SQLException {
        roundTrip(() -> accounts(false), "accounts", "- create_domain:", "name: posint", "not_null: true",
                "collation: C", "type: 'native:code'");

        MetaData read = Pg.reflect(db, tenantB);
        assertThat(read.domains()).containsOnlyKeys(tenantB + ".posint", tenantB + ".code");
        Domain posint = read.domains().get(tenantB + ".posint");
        assertThat(posint.notNull()).isTrue();
        assertThat(posint.checks()).extracting(CheckConstraint::name, CheckConstraint::expression)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("posint_check", "VALUE > 0"));
        assertThat(posint.comment()).isEqualTo("a positive count");
        Domain code = read.domains().get(tenantB + ".code");
        assertThat(code.collation()).isEqualTo("C");
        assertThat(code.defaultExpr()).isEqualTo("'none'::character varying");
        assertThat(read.get(tenantB + ".account").column("seats").orElseThrow().type()).isEqualTo(Types.domain("posint"));

        Revision change = roundTrip(() -> accounts(true), "changed", "- alter_domain:", "- create_domain:");
        assertThat(Pg.query(db, "SELECT typname || ' ' || typnotnull || ' ' || coalesce(pg_get_expr(typdefaultbin, 0), '-') "
                + "FROM pg_type WHERE typtype = 'd' AND typnamespace = '" + tenantB + "'::regnamespace ORDER BY 1"))
                .containsExactly("code false 'tbd'::character varying", "email false -", "posint false -");

        retort(() -> accounts(true)).downgrade(change.downRevisions().get(0), tenantB);
        assertThat(Tenants.autogenerate(db, accounts(false), tenantB).describe()).as("after the downgrade")
                .containsExactly("! drop table retort_version");
    }

    @Test
    void aDomainNoLongerInTheModelIsDroppedAsDestructive() throws SQLException {
        String schema = db.createSchema("kinds_drop");
        Tenants.create(db, accounts(true), schema);
        MetaData without = accounts(false);
        assertThat(Tenants.autogenerate(db, without, schema).describe()).contains("! drop domain email", "  alter domain posint");
    }

    @Test
    void typesOfASharedSchemaStayQualifiedAndTheTenantsDoNot() throws IOException, SQLException {
        String shared = db.createSchema("shared_types");
        db.execute("CREATE TYPE " + shared + ".mood AS ENUM ('happy', 'sad')",
                "CREATE DOMAIN " + shared + ".email AS text CHECK (VALUE LIKE '%@%')");
        Supplier<MetaData> model = () -> {
            MetaData md = new MetaData();
            md.domain(domain("posint", INTEGER).check("VALUE > 0"));
            md.table("person",
                    column("id", INTEGER).primaryKey(),
                    column("mood", new dev.retort.SqlType.Enum(shared, "mood", java.util.List.of("happy", "sad"))),
                    column("moods", Types.arrayOf(new dev.retort.SqlType.Enum(shared, "mood", java.util.List.of("happy", "sad")))),
                    column("email", Types.nativeType(shared + ".email")),
                    column("age", Types.domain("posint")));
            return md;
        };
        Revision revision = roundTrip(model, "shared types", "schema: " + shared, "type: 'native:" + shared + ".email'",
                "type: 'native:posint'");
        assertThat(Files.readString(revision.path())).doesNotContain("create_enum", "drop_enum");
        Table person = Pg.reflect(db, tenantB).get(tenantB + ".person");
        assertThat(person.column("mood").orElseThrow().type())
                .isEqualTo(new dev.retort.SqlType.Enum(shared, "mood", java.util.List.of("happy", "sad")));
        assertThat(person.column("email").orElseThrow().type()).isEqualTo(Types.nativeType(shared + ".email"));
        assertThat(Pg.query(db, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
                + tenantB + ".person'::regclass AND attname = 'age'")).containsExactly(tenantB + ".posint");
    }

    static MetaData indexed(String comment) {
        MetaData md = new MetaData();
        md.table("note",
                column("id", INTEGER).primaryKey(),
                column("body", TEXT),
                index("body").comment(comment),
                index("id", "body").named("ix_note_plain"));
        return md;
    }

    @Test
    void indexCommentsRoundTripAndChange() throws IOException, SQLException {
        roundTrip(() -> indexed("for search"), "notes", "comment: for search");
        assertThat(Pg.reflect(db, tenantB).get(tenantB + ".note").indexes())
                .extracting(dev.retort.Index::name, dev.retort.Index::comment)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ix_note_body", "for search"),
                        org.assertj.core.groups.Tuple.tuple("ix_note_plain", null));

        Revision change = roundTrip(() -> indexed("full-text search"), "comment", "- set_index_comment:", "index: ix_note_body");
        assertThat(Files.readString(change.path())).doesNotContain("create_index", "drop_index");
        assertThat(Pg.query(db, "SELECT obj_description('" + tenantB + ".ix_note_body'::regclass, 'pg_class')"))
                .containsExactly("full-text search");

        retort(() -> indexed("full-text search")).downgrade(change.downRevisions().get(0), tenantB);
        assertThat(Pg.query(db, "SELECT obj_description('" + tenantB + ".ix_note_body'::regclass, 'pg_class')"))
                .containsExactly("for search");
    }
}
