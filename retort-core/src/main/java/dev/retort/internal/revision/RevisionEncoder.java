package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.Constraint;
import dev.retort.ExclusionConstraint;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.PrimaryKey;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.Types;
import dev.retort.UniqueConstraint;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.ConstraintOps;
import dev.retort.operations.EnumOps;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.operations.SequenceOps;
import dev.retort.operations.Sql;
import dev.retort.operations.TableOps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import static dev.retort.internal.revision.YNode.NULL;
import static dev.retort.internal.revision.YNode.blockMap;
import static dev.retort.internal.revision.YNode.map;
import static dev.retort.internal.revision.YNode.str;

/**
 * Turns a revision into the tree of its file. Every value is written in one canonical way (defaults
 * left out, types in their canonical spelling), so the tree doubles as the canonical form that the
 * checksum is computed over. {@link RevisionReader} reads the same keys back.
 */
final class RevisionEncoder {
    private RevisionEncoder() {
    }

    /** The whole file, comments included. */
    static YNode.Map revision(Revision r) {
        List<YNode.Item> up = new ArrayList<>();
        for (Operation op : r.upgrade()) up.add(new YNode.Item(notes(op, false), operation(op)));
        List<YNode.Item> down = new ArrayList<>();
        for (Operation op : r.downgrade()) down.add(new YNode.Item(notes(op, true), operation(op)));
        return blockMap()
                .put("revision", r.id())
                .put("down_revision", downRevision(r.downRevisions()))
                .put("message", r.message())
                .put("created", new YNode.Raw(r.created().toString()))
                .put("upgrade", new YNode.Seq(up, true))
                .put("downgrade", new YNode.Seq(down, true))
                .build();
    }

    /** What the checksum covers: where the revision sits in the graph and what it does. */
    static YNode.Map checksummed(String id, List<String> downRevisions, List<Operation> upgrade,
                                 List<Operation> downgrade) {
        return map()
                .put("revision", id)
                .put("down_revision", YNode.strings(downRevisions.stream().sorted().toList()))
                .put("upgrade", YNode.seq(upgrade.stream().map(RevisionEncoder::operation).toList(), true))
                .put("downgrade", YNode.seq(downgrade.stream().map(RevisionEncoder::operation).toList(), true))
                .build();
    }

    private static YNode downRevision(List<String> downs) {
        if (downs.isEmpty()) return NULL;
        if (downs.size() == 1) return str(downs.get(0));
        return YNode.strings(downs);
    }

    private static List<String> notes(Operation op, boolean downgrade) {
        List<String> notes = new ArrayList<>();
        if (downgrade) {
            String loss = Revision.downgradeLossNote(op);
            if (loss != null) notes.add(loss);
        }
        if (op.destructive()) notes.add("destructive: " + op.describe());
        return notes;
    }

    static YNode.Map operation(Operation op) {
        String name = OperationNames.of(op);
        YNode body;
        if (op instanceof SchemaOps.CreateSchema o) body = map().opt("schema", o.schema()).build();
        else if (op instanceof SchemaOps.DropSchema o) body = map().opt("schema", o.schema()).build();
        else if (op instanceof TableOps.CreateTable o) body = table(o.table());
        else if (op instanceof TableOps.DropTable o) body = table(o.table());
        else if (op instanceof TableOps.RenameTable o) {
            body = map().opt("schema", o.schema()).put("from", o.from()).put("to", o.to()).build();
        } else if (op instanceof IndexOps.SetIndexComment o) {
            body = map().put("table", o.table()).opt("schema", o.schema()).put("index", o.index())
                    .put("comment", change(o.comment(), YNode::str)).build();
        } else if (op instanceof TableOps.SetTableComment o) {
            body = map().put("table", o.table()).opt("schema", o.schema()).put("comment", change(o.comment(), YNode::str)).build();
        } else if (op instanceof ColumnOps.AddColumn o) body = columnOp(o.schema(), o.table(), o.column());
        else if (op instanceof ColumnOps.DropColumn o) body = columnOp(o.schema(), o.table(), o.column());
        else if (op instanceof ColumnOps.RenameColumn o) {
            body = map().put("table", o.table()).opt("schema", o.schema()).put("from", o.from()).put("to", o.to()).build();
        } else if (op instanceof ColumnOps.AlterColumn o) body = alterColumn(o);
        else if (op instanceof IndexOps.CreateIndex o) body = indexOp(o.schema(), o.table(), o.index(), o.concurrently());
        else if (op instanceof IndexOps.DropIndex o) body = indexOp(o.schema(), o.table(), o.index(), o.concurrently());
        else if (op instanceof ConstraintOps.AddConstraint o) body = constraintOp(o.schema(), o.table(), o.constraint());
        else if (op instanceof ConstraintOps.DropConstraint o) body = constraintOp(o.schema(), o.table(), o.constraint());
        else if (op instanceof ConstraintOps.AlterConstraint o) {
            Constraint to = o.constraint().to();
            body = map().put("table", o.table()).opt("schema", o.schema()).put(constraintKind(to), constraintBody(to))
                    .put("not_valid", change(new Change<>(o.constraint().from().notValid(), to.notValid()), YNode::raw)).build();
        }
        else if (op instanceof EnumOps.CreateEnum o) body = enumDefinition(o.type());
        else if (op instanceof EnumOps.DropEnum o) body = enumDefinition(o.type());
        else if (op instanceof EnumOps.AddEnumValue o) body = enumValue(o.schema(), o.enumName(), o.value(), o.before());
        else if (op instanceof EnumOps.RemoveEnumValue o) body = enumValue(o.schema(), o.enumName(), o.value(), o.before());
        else if (op instanceof SequenceOps.CreateSequence o) body = sequence(o.sequence());
        else if (op instanceof SequenceOps.DropSequence o) body = sequence(o.sequence());
        else if (op instanceof SequenceOps.AlterSequence o) body = alterSequence(o.sequence());
        else if (op instanceof SequenceOps.SetSequenceOwner o) {
            body = map().put("name", o.sequence()).opt("schema", o.schema()).put("owner", change(o.owner(),
                    w -> map().put("table", w.table()).put("column", w.column()).build())).build();
        }
        else if (op instanceof Sql o) body = map().put("sql", o.sql()).opt("reverse", o.reverse()).build();
        else if ((body = ProgramEncoding.encode(op)) == null) throw new IllegalStateException("no encoding for " + op);
        // Block style keeps the name at the start of the line: "- create_index: {...}".
        return blockMap().put(name, body).build();
    }

    // --- tables and their parts ---

    private static YNode table(Table t) {
        return blockMap()
                .put("name", t.name())
                .opt("schema", t.schema())
                .put("columns", YNode.seq(t.columns().stream().map(RevisionEncoder::column).toList(), true))
                .opt("primary_key", t.primaryKey() == null ? null : constraintBody(t.primaryKey()))
                .optList("uniques", t.uniques().stream().map(RevisionEncoder::constraintBody).toList(), true)
                .optList("foreign_keys", t.foreignKeys().stream().map(RevisionEncoder::constraintBody).toList(), true)
                .optList("checks", t.checks().stream().map(RevisionEncoder::constraintBody).toList(), true)
                .optList("indexes", t.indexes().stream().map(i -> index(i, map().put("name", i.name()))).toList(), true)
                .optList("exclusions", t.exclusions().stream().map(RevisionEncoder::constraintBody).toList(), true)
                .opt("comment", t.comment())
                .build();
    }

    static YNode column(Column c) {
        return map()
                .put("name", c.name())
                .put("type", type(c.type()))
                .put("nullable", new YNode.Raw(Boolean.toString(c.nullable())))
                .opt("default", c.serverDefault())
                .opt("identity", c.identity() == null ? null : identity(c.identity()))
                .flag("autoincrement", c.autoIncrement())
                .opt("computed", c.computed())
                .opt("collation", c.collation())
                .opt("comment", c.comment())
                .build();
    }

    /**
     * A type in its canonical spelling; an enum type as a mapping that carries its labels, so that each
     * file is complete without the revisions before it.
     */
    static YNode type(SqlType t) {
        boolean array = t instanceof SqlType.Array a && a.element() instanceof SqlType.Enum;
        SqlType base = array ? ((SqlType.Array) t).element() : t;
        if (base instanceof SqlType.Enum e) {
            return map().put("enum", e.name()).opt("schema", e.schema())
                    .put("labels", YNode.strings(e.labels())).flag("array", array).build();
        }
        return str(t.toString());
    }

    private static YNode identity(Identity i) {
        return map().put("always", new YNode.Raw(Boolean.toString(i.always())))
                .opt("start", i.start()).opt("increment", i.increment()).opt("min_value", i.minValue())
                .opt("max_value", i.maxValue()).opt("cache", i.cache()).flag("cycle", i.cycle()).build();
    }

    /** An index of a materialized view: the same keys as a table's. */
    static YNode index(Index ix) {
        return index(ix, map().put("name", ix.name()));
    }

    private static YNode index(Index ix, YNode.MapBuilder start) {
        List<YNode> elements = new ArrayList<>();
        for (Index.Element e : ix.elements()) {
            if (e.column() != null && !e.descending()) elements.add(str(e.column()));
            else elements.add(map().opt("column", e.column()).opt("expression", e.expression())
                    .flag("descending", e.descending()).build());
        }
        return start.put("columns", YNode.seq(elements, false))
                .flag("unique", ix.unique())
                .opt("using", ix.method())
                .optList("include", ix.include().stream().map(YNode::str).toList(), false)
                .opt("where", ix.where())
                .opt("comment", ix.comment())
                .build();
    }

    private static YNode indexOp(String schema, String table, Index ix, boolean concurrently) {
        return index(ix, map().put("name", ix.name()).put("table", table).opt("schema", schema).flag("concurrently", concurrently));
    }

    private static YNode columnOp(String schema, String table, Column c) {
        return map().put("table", table).opt("schema", schema).put("column", column(c)).build();
    }

    static YNode constraintBody(Constraint c) {
        YNode.MapBuilder m = map().put("name", c.name());
        if (c instanceof PrimaryKey pk) {
            return m.put("columns", YNode.strings(pk.columns())).flag("deferrable", pk.deferrable())
                    .flag("initially_deferred", pk.initiallyDeferred()).build();
        }
        if (c instanceof UniqueConstraint u) {
            return m.put("columns", YNode.strings(u.columns())).flag("deferrable", u.deferrable())
                    .flag("initially_deferred", u.initiallyDeferred()).flag("nulls_not_distinct", u.nullsNotDistinct()).build();
        }
        if (c instanceof CheckConstraint ck) {
            return m.put("expression", ck.expression()).flag("no_inherit", ck.noInherit()).flag("not_valid", ck.notValid()).build();
        }
        if (c instanceof ExclusionConstraint x) {
            List<YNode> elements = new ArrayList<>();
            for (int i = 0; i < x.elements().size(); i++) {
                Index.Element e = x.elements().get(i);
                elements.add(map().opt("column", e.column()).opt("expression", e.expression())
                        .opt("collation", e.collation()).opt("opclass", e.opclass()).flag("descending", e.descending())
                        .opt("nulls_first", e.nullsFirst() == null ? null : YNode.raw(e.nullsFirst()))
                        .put("operator", x.operators().get(i)).build());
            }
            return m.opt("using", x.method()).put("elements", YNode.seq(elements, false))
                    .optList("include", x.include().stream().map(YNode::str).toList(), false)
                    .opt("where", x.where())
                    .flag("deferrable", x.deferrable())
                    .flag("initially_deferred", x.initiallyDeferred())
                    .build();
        }
        ForeignKey fk = (ForeignKey) c;
        return m.put("columns", YNode.strings(fk.columns()))
                .opt("referred_schema", fk.referredSchema())
                .put("referred_table", fk.referredTable())
                .put("referred_columns", YNode.strings(fk.referredColumns()))
                .opt("on_delete", action(fk.onDelete()))
                .opt("on_update", action(fk.onUpdate()))
                .flag("deferrable", fk.deferrable())
                .flag("initially_deferred", fk.initiallyDeferred())
                .flag("match_full", fk.matchFull())
                .flag("not_valid", fk.notValid())
                .build();
    }

    static String constraintKind(Constraint c) {
        if (c instanceof PrimaryKey) return "primary_key";
        if (c instanceof UniqueConstraint) return "unique";
        if (c instanceof ForeignKey) return "foreign_key";
        if (c instanceof ExclusionConstraint) return "exclusion";
        return "check";
    }

    private static String action(ForeignKey.Action a) {
        return a == ForeignKey.Action.NO_ACTION ? null : a.sql().toLowerCase(Locale.ROOT);
    }

    private static YNode constraintOp(String schema, String table, Constraint c) {
        return map().put("table", table).opt("schema", schema).put(constraintKind(c), constraintBody(c)).build();
    }

    // --- alterations: only what changes, as {from, to} ---

    private static YNode alterColumn(ColumnOps.AlterColumn o) {
        return map().put("table", o.table()).opt("schema", o.schema()).put("column", o.column())
                .opt("type", change(o.type(), RevisionEncoder::type))
                .opt("nullable", change(o.nullable(), YNode::raw))
                .opt("default", change(o.serverDefault(), YNode::str))
                .opt("identity", change(o.identity(), RevisionEncoder::identity))
                .opt("autoincrement", change(o.autoIncrement(), YNode::raw))
                .opt("comment", change(o.comment(), YNode::str))
                .opt("collation", change(o.collation(), YNode::str))
                .opt("using", o.using())
                .build();
    }

    private static <T> YNode change(Change<T> c, Function<T, YNode> encode) {
        if (c == null) return null;
        return map().put("from", c.from() == null ? NULL : encode.apply(c.from()))
                .put("to", c.to() == null ? NULL : encode.apply(c.to())).build();
    }

    // --- enums and sequences ---

    private static YNode enumDefinition(SqlType.Enum e) {
        return map().put("name", e.name()).opt("schema", e.schema()).put("labels", YNode.strings(e.labels())).build();
    }

    private static YNode enumValue(String schema, String enumName, String value, String before) {
        return map().put("enum", enumName).opt("schema", schema).put("value", value).opt("before", before).build();
    }

    /**
     * The attributes of a sequence in file order. With {@code explicit} false an absent or default
     * attribute is null (left out of the file); with it true every attribute has its value, as the two
     * sides of a change need.
     */
    static List<YNode.Entry> sequenceAttributes(Sequence s, boolean explicit) {
        List<YNode.Entry> out = new ArrayList<>();
        out.add(new YNode.Entry("name", str(s.name())));
        out.add(new YNode.Entry("schema", s.schema() == null ? null : str(s.schema())));
        out.add(new YNode.Entry("type", !explicit && s.type().equals(Types.BIGINT) ? null : str(s.type().toString())));
        out.add(new YNode.Entry("start", s.start() == null ? null : YNode.raw(s.start())));
        out.add(new YNode.Entry("increment", s.increment() == null ? null : YNode.raw(s.increment())));
        out.add(new YNode.Entry("min_value", s.minValue() == null ? null : YNode.raw(s.minValue())));
        out.add(new YNode.Entry("max_value", s.maxValue() == null ? null : YNode.raw(s.maxValue())));
        out.add(new YNode.Entry("cache", s.cache() == null ? null : YNode.raw(s.cache())));
        out.add(new YNode.Entry("cycle", explicit || s.cycle() ? YNode.raw(s.cycle()) : null));
        return out;
    }

    private static YNode sequence(Sequence s) {
        YNode.MapBuilder m = map();
        for (YNode.Entry e : sequenceAttributes(s, false)) m.opt(e.key(), e.value());
        return m.build();
    }

    /** Unchanged attributes as plain values, changed ones as {@code {from, to}}. */
    private static YNode alterSequence(Change<Sequence> c) {
        List<YNode.Entry> from = sequenceAttributes(c.from(), true);
        List<YNode.Entry> to = sequenceAttributes(c.to(), true);
        List<YNode.Entry> unchanged = sequenceAttributes(c.to(), false);
        YNode.MapBuilder m = map();
        for (int i = 0; i < from.size(); i++) {
            YNode a = from.get(i).value();
            YNode b = to.get(i).value();
            if (Objects.equals(a, b)) m.opt(from.get(i).key(), unchanged.get(i).value());
            else m.put(from.get(i).key(), map().put("from", a == null ? NULL : a).put("to", b == null ? NULL : b).build());
        }
        return m.build();
    }
}
