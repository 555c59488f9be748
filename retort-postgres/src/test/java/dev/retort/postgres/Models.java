package dev.retort.postgres;

import dev.retort.MetaData;
import dev.retort.SqlType;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.SET_NULL;
import static dev.retort.Dsl.check;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.comment;
import static dev.retort.Dsl.desc;
import static dev.retort.Dsl.expr;
import static dev.retort.Dsl.foreignKey;
import static dev.retort.Dsl.index;
import static dev.retort.Dsl.indexOn;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.BINARY;
import static dev.retort.Types.BOOLEAN;
import static dev.retort.Types.DATE;
import static dev.retort.Types.DOUBLE;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.INTERVAL;
import static dev.retort.Types.JSON;
import static dev.retort.Types.JSONB;
import static dev.retort.Types.NUMERIC;
import static dev.retort.Types.REAL;
import static dev.retort.Types.SMALLINT;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIME;
import static dev.retort.Types.TIMESTAMP;
import static dev.retort.Types.TIMESTAMPTZ;
import static dev.retort.Types.TIMETZ;
import static dev.retort.Types.UUID;
import static dev.retort.Types.VARCHAR;
import static dev.retort.Types.arrayOf;
import static dev.retort.Types.charType;
import static dev.retort.Types.enumType;
import static dev.retort.Types.nativeType;
import static dev.retort.Types.numeric;
import static dev.retort.Types.varchar;

/** Schema-less models that use the whole feature set, shared by the PostgreSQL tests. */
final class Models {
    static final SqlType.Enum STATUS = enumType("status", "draft", "published", "it's \"archived\"");

    private Models() {
    }

    static MetaData rich() {
        MetaData md = new MetaData();
        md.table("parent",
                column("id", BIGINT).identity().primaryKey(),
                column("code", varchar(20)).notNull().unique(),
                column("name", TEXT).notNull().collate("C").comment("display name, it's \\ quoted"),
                column("price", numeric(10, 2)).notNull().defaultExpr("0"),
                column("status", STATUS).notNull().defaultExpr("'draft'"),
                column("tags", arrayOf(TEXT)).defaultExpr("'{}'"),
                column("statuses", arrayOf(STATUS)),
                column("created_at", TIMESTAMPTZ).notNull().defaultExpr("CURRENT_TIMESTAMP"),
                column("updated_at", TIMESTAMP).defaultExpr("now()"),
                column("active", BOOLEAN).notNull().defaultExpr("true"),
                column("doubled", numeric(12, 2)).computed("price * 2"),
                column("small", SMALLINT).defaultExpr("-1"),
                column("ratio", DOUBLE).defaultExpr("0.5"),
                column("weight", REAL),
                column("amount", NUMERIC),
                column("free", VARCHAR),
                column("fixed", charType(3)),
                column("born", DATE),
                column("at", TIME),
                column("at_tz", TIMETZ),
                column("span", INTERVAL).defaultExpr("'1 day'"),
                column("uid", UUID).defaultExpr("gen_random_uuid()"),
                column("doc", JSON),
                column("data", JSONB).defaultExpr("'{}'::jsonb"),
                column("blob", BINARY),
                column("ip", nativeType("inet")),
                column("ips", arrayOf(nativeType("inet"))),
                column("ts3", nativeType("timestamp(3) with time zone")),
                check("price >= 0 AND price < 1000000").label("price_range"),
                check("status IN ('draft', 'published') OR NOT active").label("status"),
                check("length(code) BETWEEN 2 AND 20").label("code_length"),
                unique("name", "status"),
                indexOn(expr("lower(name)"), desc("created_at")).where("active AND price > 10").include("code"),
                indexOn(expr("(data ->> 'kind')")).using("btree").named("ix_parent_kind"),
                index("tags").using("gin"),
                comment("the parents"));
        md.table("child",
                column("id", INTEGER).autoIncrement().primaryKey(),
                column("parent_id", BIGINT).notNull().references("parent.id").onDelete(CASCADE),
                column("sibling_id", INTEGER),
                column("big", BIGINT).autoIncrement().notNull(),
                column("tiny", SMALLINT).autoIncrement().notNull(),
                column("seq_no", INTEGER).identity(new dev.retort.Identity(true, 100L, 5L)).notNull(),
                column("note", TEXT).defaultExpr("'it''s'"),
                foreignKey("sibling_id").references("child.id").onUpdate(SET_NULL).deferrable(true),
                index("parent_id").unique(),
                index("note"));
        return md;
    }
}
