package dev.retort;

import java.util.List;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.check;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.desc;
import static dev.retort.Dsl.expr;
import static dev.retort.Dsl.index;
import static dev.retort.Dsl.indexOn;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIMESTAMPTZ;
import static dev.retort.Types.arrayOf;
import static dev.retort.Types.enumType;
import static dev.retort.Types.varchar;

/** Models the tests bind, each built afresh on every call. */
final class Fixtures {
    /** An enum type pinned to the shared schema. */
    static final SqlType.Enum REGION = new SqlType.Enum("public", "region", List.of("eu", "us"));
    static final SqlType.Enum MOOD = enumType("mood", "happy", "sad");

    private Fixtures() {
    }

    /** The seed's model: test and child, no schema. */
    static MetaData seed() {
        MetaData md = new MetaData();
        md.table("test", column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull());
        md.table("child", column("id", INTEGER).primaryKey(),
                column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE), index("test_id"));
        return md;
    }

    /**
     * A schema-agnostic model with a table pinned to {@code public} (a shared tenants table), keys into
     * both, enum types of both kinds, and every kind of constraint and index.
     */
    static MetaData rich() {
        MetaData md = new MetaData();
        md.tableIn("public", "tenants", column("id", INTEGER).primaryKey(), column("region", REGION).notNull());
        md.table("test",
                column("id", INTEGER).primaryKey(),
                column("name", varchar(100)).notNull(),
                column("mood", MOOD),
                unique("name"),
                check("length(name) > 0").label("name_not_empty"));
        md.table("child",
                column("id", BIGINT).identity().primaryKey(),
                column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE),
                column("tenant_id", INTEGER).references("public.tenants.id"),
                column("moods", arrayOf(MOOD)),
                column("region", REGION),
                column("note", TEXT).comment("free text"),
                column("created_at", TIMESTAMPTZ).notNull().defaultExpr("now()"),
                index("test_id"),
                indexOn(desc("created_at"), expr("lower(note)")).named("ix_child_recent").include("test_id").where("note is not null"),
                check("test_id > 0"));
        md.table("grandchild",
                column("child_id", BIGINT).primaryKey().references("child.id"),
                column("parent_id", BIGINT).references("grandchild.child_id"),
                column("tag", varchar(20)).unique());
        md.addSequence(Sequence.of("ticket_seq"));
        return md;
    }

    /** Every constraint and index name of a model, table by table, in order. */
    static List<String> names(MetaData md) {
        return md.tables().values().stream()
                .flatMap(t -> java.util.stream.Stream.concat(
                        t.constraints().stream().map(c -> t.name() + ":" + c.name()),
                        t.indexes().stream().map(i -> t.name() + ":" + i.name())))
                .toList();
    }
}
