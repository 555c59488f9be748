package dev.retort.postgres;

import dev.retort.Column;
import dev.retort.Identity;
import dev.retort.MetaData;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.RESTRICT;
import static dev.retort.Dsl.SET_DEFAULT;
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

/**
 * A schema-agnostic model using every feature the differ handles, with a foreign key into a shared
 * schema, and the small edits the change tests make to it.
 */
final class Everything {
    static final SqlType.Enum STATUS = enumType("status", "draft", "published", "it's \"archived\"");
    static final SqlType.Enum PRIORITY = enumType("priority", "low", "high");

    private Everything() {
    }

    /** The tables a shared schema holds for the tenants to refer to. */
    static MetaData shared(String sharedSchema) {
        MetaData md = new MetaData(sharedSchema);
        md.table("country", column("code", charType(2)).primaryKey(), column("name", TEXT).notNull());
        return md;
    }

    static MetaData model(String sharedSchema) {
        MetaData md = new MetaData();
        md.tableIn(sharedSchema, "country", column("code", charType(2)).primaryKey(), column("name", TEXT).notNull());
        md.addSequence(new Sequence(null, "invoice_no", INTEGER, 1000L, 10L, null, null, null, false));
        md.addSequence(Sequence.of("plain_seq"));
        // Registered only: a type no column uses yet.
        md.addEnum(PRIORITY);
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
                column("archived", BOOLEAN).notNull().defaultExpr("false"),
                column("label", varchar(30)).defaultExpr("'x'"),
                column("counter", INTEGER).notNull().defaultExpr("0"),
                column("invoice", INTEGER).defaultExpr("nextval('invoice_no')"),
                column("country", charType(2)).references(sharedSchema + ".country.code").onDelete(SET_NULL),
                column("doubled", numeric(12, 2)).computed("price * 2"),
                column("small", SMALLINT).defaultExpr("-1"),
                column("ratio", DOUBLE).defaultExpr("0.5"),
                column("weight", REAL),
                column("amount", NUMERIC),
                column("free", VARCHAR),
                column("fixed", charType(3)),
                column("born", DATE).defaultExpr("CURRENT_DATE"),
                column("at", TIME),
                column("at_tz", TIMETZ),
                column("span", INTERVAL).defaultExpr("'1 day'"),
                column("uid", UUID).defaultExpr("gen_random_uuid()"),
                column("doc", JSON),
                column("data", JSONB).defaultExpr("'{}'::jsonb"),
                column("blob", BINARY),
                column("ip", nativeType("inet")),
                column("ips", arrayOf(nativeType("inet"))),
                check("price >= 0 AND price < 1000000").label("price_range"),
                check("status IN ('draft', 'published') OR NOT active").label("status"),
                check("length(code) BETWEEN 2 AND 20").label("code_length"),
                unique("name", "status"),
                indexOn(expr("lower(name)"), desc("created_at")).where("active AND price > 10").include("code"),
                indexOn(expr("(data ->> 'kind')")).named("ix_parent_kind"),
                index("tags").using("gin"),
                index("updated_at", "label"),
                index("created_at").where("status <> 'draft'"),
                comment("the parents"));
        md.table("child",
                column("id", INTEGER).autoIncrement().primaryKey(),
                column("parent_id", BIGINT).notNull().references("parent.id").onDelete(CASCADE),
                column("sibling_id", INTEGER),
                column("big", BIGINT).autoIncrement().notNull(),
                column("tiny", SMALLINT).autoIncrement().notNull(),
                column("seq_no", INTEGER).identity(new Identity(true, 100L, 5L)).notNull(),
                column("plain_no", BIGINT).defaultExpr("nextval('plain_seq'::regclass)"),
                column("note", TEXT).defaultExpr("'it''s'"),
                column("kind", varchar(10)).notNull().defaultExpr("'a'"),
                foreignKey("sibling_id").references("child.id").onUpdate(SET_NULL).deferrable(true),
                check("kind <> ''").label("kind"),
                index("parent_id").unique(),
                index("note"),
                comment("children"));
        md.table("audit",
                column("id", BIGINT).autoIncrement().primaryKey(),
                column("child_id", INTEGER).notNull(),
                column("parent_id", BIGINT).defaultExpr("0"),
                column("at", TIMESTAMPTZ).notNull().defaultExpr("now()"),
                foreignKey("child_id").references("child.id").onDelete(RESTRICT).onUpdate(CASCADE).deferrable(false),
                foreignKey("parent_id").references("parent.id").onDelete(SET_DEFAULT));
        return md;
    }

    // ---- edits: each returns a new model and leaves its argument alone

    /** The model with one table replaced by {@code edit}'s result, or removed when that is null. */
    static MetaData editTable(MetaData md, String table, UnaryOperator<Table> edit) {
        return rebuild(md, t -> t.name().equals(table) ? edit.apply(t) : t);
    }

    /** The model with every table passed through {@code edit} (null removes it), sequences and enum types kept. */
    static MetaData rebuild(MetaData md, UnaryOperator<Table> edit) {
        MetaData out = new MetaData(md.schema(), md.namingConvention());
        md.sequences().values().forEach(out::addSequence);
        for (Table t : md.tables().values()) {
            Table edited = edit.apply(t);
            if (edited != null) out.add(edited);
        }
        for (SqlType.Enum e : md.enums()) {
            if (out.enums().stream().noneMatch(o -> o.key().equals(e.key()))) out.addEnum(e);
        }
        return out;
    }

    static Table editColumn(Table t, String column, UnaryOperator<Column> edit) {
        List<Column> cols = t.columns().stream().map(c -> c.name().equals(column) ? edit.apply(c) : c).toList();
        return t.withColumns(cols);
    }

    static Table addColumn(Table t, Column c) {
        List<Column> cols = new ArrayList<>(t.columns());
        cols.add(c);
        return t.withColumns(cols);
    }

    static Table with(Table t, List<dev.retort.UniqueConstraint> uniques, List<dev.retort.ForeignKey> fks,
                      List<dev.retort.CheckConstraint> checks, List<dev.retort.Index> indexes) {
        return new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), uniques, fks, checks, indexes, t.comment(), t.renamedFrom());
    }

    /** The model with enum type {@code name} given new labels, wherever it is used. */
    static MetaData relabel(MetaData md, String name, List<String> labels) {
        MetaData out = new MetaData(md.schema(), md.namingConvention());
        md.sequences().values().forEach(out::addSequence);
        for (Table t : md.tables().values()) {
            out.add(t.withColumns(t.columns().stream().map(c -> c.withType(relabel(c.type(), name, labels))).toList()));
        }
        for (SqlType.Enum e : md.enums()) {
            SqlType.Enum r = (SqlType.Enum) relabel(e, name, labels);
            if (out.enums().stream().noneMatch(o -> o.key().equals(r.key()))) out.addEnum(r);
        }
        return out;
    }

    private static SqlType relabel(SqlType type, String name, List<String> labels) {
        if (type instanceof SqlType.Array a) return new SqlType.Array(relabel(a.element(), name, labels));
        if (type instanceof SqlType.Enum e && e.name().equals(name)) return new SqlType.Enum(e.schema(), e.name(), labels);
        return type;
    }
}
