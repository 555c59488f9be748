package dev.retort.compare;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.Constraint;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.PrimaryKey;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.UniqueConstraint;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps.AddColumn;
import dev.retort.operations.ColumnOps.AlterColumn;
import dev.retort.operations.ColumnOps.DropColumn;
import dev.retort.operations.ColumnOps.RenameColumn;
import dev.retort.operations.ConstraintOps.AddConstraint;
import dev.retort.operations.ConstraintOps.DropConstraint;
import dev.retort.operations.EnumOps.AddEnumValue;
import dev.retort.operations.EnumOps.CreateEnum;
import dev.retort.operations.EnumOps.DropEnum;
import dev.retort.operations.EnumOps.RemoveEnumValue;
import dev.retort.operations.IndexOps.CreateIndex;
import dev.retort.operations.IndexOps.DropIndex;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps.CreateSchema;
import dev.retort.operations.SchemaOps.DropSchema;
import dev.retort.operations.SequenceOps.AlterSequence;
import dev.retort.operations.SequenceOps.CreateSequence;
import dev.retort.operations.SequenceOps.DropSequence;
import dev.retort.operations.Sql;
import dev.retort.operations.TableOps.CreateTable;
import dev.retort.operations.TableOps.DropTable;
import dev.retort.operations.TableOps.RenameTable;
import dev.retort.operations.TableOps.SetTableComment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A test oracle: a database held in memory that carries out operations the way PostgreSQL would, and
 * refuses, with an {@link IllegalStateException} naming the operation, what PostgreSQL would refuse or
 * what the differ promises never to emit: dropping a table or key a foreign key still relies on,
 * dropping or retyping a column a key or index stands on, using an enum type or a sequence before it
 * exists, a name taken twice, an operation whose "from" side is not what the database holds. It shares
 * no code with the differ beyond the model types.
 */
final class InMemoryDatabase {
    private final Set<String> schemas = new LinkedHashSet<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, SqlType.Enum> enums = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();

    static InMemoryDatabase of(MetaData md, String... emptySchemas) {
        InMemoryDatabase db = new InMemoryDatabase();
        db.schemas.addAll(List.of(emptySchemas));
        md.tables().values().forEach(t -> {
            db.schemas.add(t.schema());
            db.tables.put(t.key(), t.withColumns(t.columns().stream().map(InMemoryDatabase::notNullIfGenerated).toList()));
        });
        md.enums().forEach(e -> {
            db.schemas.add(e.schema());
            db.enums.put(e.key(), e);
        });
        md.sequences().values().forEach(s -> {
            db.schemas.add(s.schema());
            db.sequences.put(s.key(), s);
        });
        return db;
    }

    InMemoryDatabase apply(List<Operation> ops) {
        for (Operation op : ops) {
            try {
                apply(op);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot " + op.describe() + " (" + op + "): " + e.getMessage(), e);
            }
        }
        return this;
    }

    /** What the database holds now, as a model. */
    MetaData toMetaData() {
        MetaData md = new MetaData();
        tables.values().forEach(md::add);
        sequences.values().forEach(md::addSequence);
        return md;
    }

    Map<String, SqlType.Enum> enums() {
        return Map.copyOf(enums);
    }

    Set<String> schemas() {
        return Set.copyOf(schemas);
    }

    private void apply(Operation op) {
        if (op instanceof CreateSchema o) {
            require(schemas.add(o.schema()), "schema exists");
        } else if (op instanceof DropSchema o) {
            require(schemas.remove(o.schema()), "no such schema");
        } else if (op instanceof CreateTable o) {
            createTable(o.table());
        } else if (op instanceof DropTable o) {
            Table t = table(o.table().schema(), o.table().name());
            require(same(t, o.table()), "the operation carries another definition: " + t);
            requireUnreferenced(t.key(), null);
            tables.remove(t.key());
        } else if (op instanceof RenameTable o) {
            Table t = table(o.schema(), o.from());
            requireRelationNameFree(o.schema(), o.to());
            tables.remove(t.key());
            Table renamed = t.withName(o.to());
            tables.put(renamed.key(), renamed);
            tables.replaceAll((k, x) -> mapForeignKeys(x, fk -> refersTo(fk, o.schema(), o.from())
                    ? new ForeignKey(fk.name(), fk.columns(), fk.referredSchema(), o.to(), fk.referredColumns(),
                    fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred(), fk.matchFull()) : fk));
        } else if (op instanceof SetTableComment o) {
            Table t = table(o.schema(), o.table());
            require(Objects.equals(blank(t.comment()), blank(o.comment().from())), "comment is " + t.comment());
            put(t.withComment(o.comment().to()));
        } else if (op instanceof AddColumn o) {
            Table t = table(o.schema(), o.table());
            require(t.column(o.column().name()).isEmpty(), "column exists");
            requireTypeExists(o.column().type());
            List<Column> cols = new ArrayList<>(t.columns());
            cols.add(canonical(o.column()));
            put(t.withColumns(cols));
        } else if (op instanceof DropColumn o) {
            Table t = table(o.schema(), o.table());
            Column c = column(t, o.column().name());
            require(canonical(o.column()).equals(c), "the operation carries another definition: " + c);
            requireNotUsed(t, c.name());
            put(t.withColumns(t.columns().stream().filter(x -> !x.name().equals(c.name())).toList()));
        } else if (op instanceof RenameColumn o) {
            renameColumn(o);
        } else if (op instanceof AlterColumn o) {
            alterColumn(o);
        } else if (op instanceof AddConstraint o) {
            addConstraint(table(o.schema(), o.table()), o.constraint());
        } else if (op instanceof DropConstraint o) {
            dropConstraint(table(o.schema(), o.table()), o.constraint());
        } else if (op instanceof dev.retort.operations.ConstraintOps.AlterConstraint o) {
            dropConstraint(table(o.schema(), o.table()), o.constraint().from());
            addConstraint(table(o.schema(), o.table()), o.constraint().to());
        } else if (op instanceof CreateIndex o) {
            Table t = table(o.schema(), o.table());
            requireRelationNameFree(t.schema(), o.index().name());
            o.index().columnNames().forEach(c -> column(t, c));
            o.index().include().forEach(c -> column(t, c));
            List<Index> ixs = new ArrayList<>(t.indexes());
            ixs.add(o.index());
            put(new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), t.uniques(), t.foreignKeys(), t.checks(), ixs,
                    t.comment(), null));
        } else if (op instanceof DropIndex o) {
            Table t = table(o.schema(), o.table());
            Index ix = t.indexes().stream().filter(i -> i.name().equals(o.index().name())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no such index"));
            require(ix.equals(o.index()), "the operation carries another definition: " + ix);
            if (ix.unique() && ix.where() == null && ix.columnNames().size() == ix.elements().size()) {
                requireUnreferenced(t.key(), Set.copyOf(ix.columnNames()));
            }
            put(new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), t.uniques(), t.foreignKeys(), t.checks(),
                    t.indexes().stream().filter(i -> !i.name().equals(ix.name())).toList(), t.comment(), null));
        } else if (op instanceof CreateEnum o) {
            require(schemas.contains(o.type().schema()), "no schema " + o.type().schema());
            require(enums.putIfAbsent(o.type().key(), o.type()) == null, "enum type exists");
        } else if (op instanceof DropEnum o) {
            SqlType.Enum e = enumType(o.type().key());
            require(e.labels().equals(o.type().labels()), "labels are " + e.labels());
            for (Table t : tables.values()) {
                for (Column c : t.columns()) require(!usesEnum(c.type(), e.key()), "column " + t.key() + "." + c.name() + " uses it");
            }
            enums.remove(e.key());
        } else if (op instanceof AddEnumValue o) {
            SqlType.Enum e = enumType(key(o.schema(), o.enumName()));
            List<String> labels = new ArrayList<>(e.labels());
            require(!labels.contains(o.value()), "label exists");
            if (o.before() == null) {
                labels.add(o.value());
            } else {
                require(labels.contains(o.before()), "no label " + o.before());
                labels.add(labels.indexOf(o.before()), o.value());
            }
            relabel(e, labels);
        } else if (op instanceof RemoveEnumValue o) {
            SqlType.Enum e = enumType(key(o.schema(), o.enumName()));
            List<String> labels = new ArrayList<>(e.labels());
            require(labels.remove(o.value()), "no label " + o.value());
            relabel(e, labels);
        } else if (op instanceof CreateSequence o) {
            require(schemas.contains(o.sequence().schema()), "no schema " + o.sequence().schema());
            require(sequences.putIfAbsent(o.sequence().key(), o.sequence()) == null, "sequence exists");
        } else if (op instanceof DropSequence o) {
            Sequence held = sequences.get(o.sequence().key());
            require(held != null && o.sequence().withoutOwner().equals(held.withoutOwner()), "sequence is " + held);
            sequences.remove(o.sequence().key());
        } else if (op instanceof AlterSequence o) {
            Sequence from = o.sequence().from();
            Sequence held = sequences.get(from.key());
            require(held != null && from.withoutOwner().equals(held.withoutOwner()), "sequence is " + held);
            require(from.key().equals(o.sequence().to().key()), "a sequence change cannot move it");
            Sequence to = o.sequence().to();
            sequences.put(from.key(), held.owner() == null ? to.withoutOwner() : to.ownedBy(held.owner().table(), held.owner().column()));
        } else if (op instanceof dev.retort.operations.SequenceOps.SetSequenceOwner o) {
            String key = o.schema() == null ? o.sequence() : o.schema() + "." + o.sequence();
            Sequence held = sequences.get(key);
            require(held != null, "no sequence " + key);
            require(java.util.Objects.equals(held.owner(), o.owner().from()), "sequence is owned by " + held.owner());
            Sequence.Owner to = o.owner().to();
            if (to != null) column(table(o.schema(), to.table()), to.column());
            sequences.put(key, to == null ? held.withoutOwner() : held.ownedBy(to.table(), to.column()));
        } else if (op instanceof Sql) {
            throw new IllegalStateException("hand-written SQL cannot be interpreted");
        } else {
            throw new IllegalStateException("unknown operation");
        }
    }

    private void createTable(Table t) {
        require(!tables.containsKey(t.key()), "table exists");
        require(schemas.contains(t.schema()), "no schema " + t.schema());
        requireRelationNameFree(t.schema(), t.name());
        for (String n : relationNames(t)) requireRelationNameFree(t.schema(), n);
        t.columns().forEach(c -> requireTypeExists(c.type()));
        for (ForeignKey fk : t.foreignKeys()) requireTarget(fk, t);
        Table stored = new Table(t.schema(), t.name(), t.columns().stream().map(this::canonical).toList(), t.primaryKey(),
                t.uniques(), t.foreignKeys(), t.checks(), t.indexes(), t.comment(), null);
        tables.put(t.key(), stored);
    }

    private void renameColumn(RenameColumn o) {
        Table t = table(o.schema(), o.table());
        column(t, o.from());
        require(t.column(o.to()).isEmpty(), "column " + o.to() + " exists");
        UnaryOperator<List<String>> ren = l -> l.stream().map(n -> n.equals(o.from()) ? o.to() : n).toList();
        Table renamed = new Table(t.schema(), t.name(),
                t.columns().stream().map(c -> c.name().equals(o.from()) ? c.withName(o.to()) : c).toList(),
                t.primaryKey() == null ? null : new PrimaryKey(t.primaryKey().name(), ren.apply(t.primaryKey().columns())),
                t.uniques().stream().map(u -> new UniqueConstraint(u.name(), ren.apply(u.columns()))).toList(),
                t.foreignKeys().stream().map(f -> new ForeignKey(f.name(), ren.apply(f.columns()), f.referredSchema(),
                        f.referredTable(), f.referredColumns(), f.onDelete(), f.onUpdate(), f.deferrable(), f.initiallyDeferred())).toList(),
                t.checks(),
                t.indexes().stream().map(i -> new Index(i.name(), i.elements().stream()
                        .map(e -> o.from().equals(e.column()) ? new Index.Element(o.to(), null, e.descending()) : e).toList(),
                        i.unique(), i.where(), i.method(), ren.apply(i.include()))).toList(),
                t.comment(), null);
        put(renamed);
        tables.replaceAll((k, x) -> mapForeignKeys(x, fk -> refersTo(fk, o.schema(), o.table())
                ? new ForeignKey(fk.name(), fk.columns(), fk.referredSchema(), fk.referredTable(), ren.apply(fk.referredColumns()),
                fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred(), fk.matchFull()) : fk));
    }

    private void alterColumn(AlterColumn o) {
        Table t = table(o.schema(), o.table());
        Column c = column(t, o.column());
        Column next = c;
        boolean retyped = o.type() != null && !sameType(o.type().from(), o.type().to());
        for (Change<?> ch : java.util.Arrays.asList(o.nullable(), o.serverDefault(), o.identity())) {
            requireChange(ch);
        }
        // A type change may carry an unchanged auto-increment (the serial sequence follows the type) or
        // collation (given again, since a type change resets it); otherwise these must change something.
        if (!retyped) {
            requireChange(o.autoIncrement());
            requireChange(o.collation());
        }
        if (o.comment() != null) require(!Objects.equals(blank(o.comment().from()), blank(o.comment().to())), "a comment change that changes nothing");
        if (o.type() != null) {
            require(sameType(c.type(), o.type().from()), "type is " + c.type());
            // An unchanged type is allowed only to carry a collation or a serial sequence that needs it.
            require(retyped || (o.collation() != null && o.collation().changed())
                    || (o.autoIncrement() != null && o.autoIncrement().changed()), "a type change that changes nothing");
            requireTypeExists(o.type().to());
            // PostgreSQL refuses any ALTER ... TYPE, even one that only carries a collation, under a generated column.
            for (Column g : t.columns()) {
                require(g.computed() == null || g.name().equals(c.name()) || !readsColumn(g.computed(), c.name()),
                        "generated column " + g.name() + " reads column " + c.name());
            }
            if (retyped) {
                requireNotUsed(t, c.name());
                next = next.withType(canonical(o.type().to()));
            }
        }
        if (o.nullable() != null) {
            require(effectiveNullable(c) == o.nullable().from(), "nullable is " + effectiveNullable(c));
            next = next.withNullable(o.nullable().to());
        }
        if (o.serverDefault() != null) {
            require(Objects.equals(c.serverDefault(), o.serverDefault().from()), "default is " + c.serverDefault());
            next = next.withServerDefault(o.serverDefault().to());
        }
        boolean autoIncrement = c.autoIncrement();
        if (o.autoIncrement() != null) {
            require(c.autoIncrement() == o.autoIncrement().from(), "auto-increment is " + c.autoIncrement());
            autoIncrement = o.autoIncrement().to();
        }
        Identity identity = c.identity();
        if (o.identity() != null) {
            require(Objects.equals(c.identity(), o.identity().from()), "identity is " + c.identity());
            identity = o.identity().to();
        }
        next = new Column(next.name(), next.type(), next.nullable(), next.serverDefault(), next.comment(), identity,
                autoIncrement, next.computed(), next.collation(), null);
        if (o.comment() != null) {
            require(Objects.equals(blank(c.comment()), blank(o.comment().from())), "comment is " + c.comment());
            next = next.withComment(o.comment().to());
        }
        if (o.collation() != null) {
            require(Objects.equals(c.collation(), o.collation().from()), "collation is " + c.collation());
            next = next.withCollation(o.collation().to());
        }
        if (o.nullable() != null && Boolean.TRUE.equals(o.nullable().to()) && t.primaryKey() != null) {
            require(!t.primaryKey().columns().contains(c.name()), "column " + c.name() + " is in the primary key");
        }
        Column done = canonical(next);
        put(t.withColumns(t.columns().stream().map(x -> x.name().equals(done.name()) ? done : x).toList()));
    }

    private void addConstraint(Table t, Constraint c) {
        require(t.constraints().stream().noneMatch(x -> x.name().equals(c.name())), "constraint name taken on the table");
        c.columns().forEach(n -> column(t, n));
        PrimaryKey pk = t.primaryKey();
        List<UniqueConstraint> uniques = new ArrayList<>(t.uniques());
        List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
        List<CheckConstraint> checks = new ArrayList<>(t.checks());
        if (c instanceof PrimaryKey p) {
            require(pk == null, "the table has a primary key");
            requireRelationNameFree(t.schema(), p.name());
            for (String n : p.columns()) require(!effectiveNullable(column(t, n)), "primary key column " + n + " is nullable");
            pk = p;
        } else if (c instanceof UniqueConstraint u) {
            requireRelationNameFree(t.schema(), u.name());
            uniques.add(u);
        } else if (c instanceof ForeignKey f) {
            requireTarget(f, t);
            fks.add(f);
        } else if (c instanceof CheckConstraint k) {
            checks.add(k);
        }
        put(new Table(t.schema(), t.name(), t.columns(), pk, uniques, fks, checks, t.indexes(), t.comment(), null));
    }

    private void dropConstraint(Table t, Constraint c) {
        Constraint current = t.constraints().stream().filter(x -> x.name().equals(c.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no such constraint"));
        require(current.equals(c), "the operation carries another definition: " + current);
        if (c instanceof PrimaryKey || c instanceof UniqueConstraint) requireUnreferenced(t.key(), Set.copyOf(c.columns()));
        put(new Table(t.schema(), t.name(), t.columns(), c instanceof PrimaryKey ? null : t.primaryKey(),
                t.uniques().stream().filter(x -> !x.name().equals(c.name())).toList(),
                t.foreignKeys().stream().filter(x -> !x.name().equals(c.name())).toList(),
                t.checks().stream().filter(x -> !x.name().equals(c.name())).toList(),
                t.indexes(), t.comment(), null));
    }

    /** PostgreSQL wants a primary key, unique constraint or plain unique index on exactly the referred columns. */
    private void requireTarget(ForeignKey fk, Table self) {
        Table target = fk.referredKey().equals(self.key()) ? self : tables.get(fk.referredKey());
        require(target != null, "foreign key " + fk.name() + ": no table " + fk.referredKey());
        fk.referredColumns().forEach(n -> column(target, n));
        Set<String> cols = Set.copyOf(fk.referredColumns());
        boolean keyed = (target.primaryKey() != null && Set.copyOf(target.primaryKey().columns()).equals(cols))
                || target.uniques().stream().anyMatch(u -> Set.copyOf(u.columns()).equals(cols))
                || target.indexes().stream().anyMatch(i -> i.unique() && i.where() == null
                && i.columnNames().size() == i.elements().size() && Set.copyOf(i.columnNames()).equals(cols));
        require(keyed, "foreign key " + fk.name() + ": no key on " + fk.referredKey() + cols);
    }

    /** No foreign key (of another table, or of this one when only columns are given) relies on the table or key. */
    private void requireUnreferenced(String tableKey, Set<String> columns) {
        for (Table t : tables.values()) {
            if (columns == null && t.key().equals(tableKey)) continue;
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.referredKey().equals(tableKey) && (columns == null || Set.copyOf(fk.referredColumns()).equals(columns))) {
                    throw new IllegalStateException("foreign key " + t.key() + "." + fk.name() + " relies on it");
                }
            }
        }
    }

    /** Nothing stands on the column: no key, index or foreign key of its table, no foreign key into it. */
    private void requireNotUsed(Table t, String column) {
        for (Constraint c : t.constraints()) require(!c.columns().contains(column), c + " uses column " + column);
        for (Index i : t.indexes()) {
            require(!i.columnNames().contains(column) && !i.include().contains(column), i + " uses column " + column);
        }
        for (Table other : tables.values()) {
            for (ForeignKey fk : other.foreignKeys()) {
                require(!(fk.referredKey().equals(t.key()) && fk.referredColumns().contains(column)),
                        "foreign key " + other.key() + "." + fk.name() + " refers to column " + column);
            }
        }
    }

    private void requireRelationNameFree(String schema, String name) {
        for (Table t : tables.values()) {
            if (Objects.equals(t.schema(), schema)) {
                require(!t.name().equals(name) && !relationNames(t).contains(name), "the name " + name + " is taken in schema " + schema);
            }
        }
    }

    private static List<String> relationNames(Table t) {
        List<String> names = new ArrayList<>();
        if (t.primaryKey() != null) names.add(t.primaryKey().name());
        t.uniques().forEach(u -> names.add(u.name()));
        t.indexes().forEach(i -> names.add(i.name()));
        return names;
    }

    private void requireTypeExists(SqlType type) {
        SqlType t = type instanceof SqlType.Array a ? a.element() : type;
        if (t instanceof SqlType.Enum e) require(enums.containsKey(e.key()), "no enum type " + e.key());
    }

    private void relabel(SqlType.Enum e, List<String> labels) {
        SqlType.Enum next = new SqlType.Enum(e.schema(), e.name(), labels);
        enums.put(e.key(), next);
        tables.replaceAll((k, t) -> t.withColumns(t.columns().stream().map(this::canonical).toList()));
    }

    /** Column types name enum types; their labels are whatever the type has now. */
    private Column canonical(Column c) {
        return notNullIfGenerated(c.withType(canonical(c.type())).withRenamedFrom(null));
    }

    /** An identity or serial column is NOT NULL, and stays so when it loses its identity or sequence. */
    private static Column notNullIfGenerated(Column c) {
        return c.identity() != null || c.autoIncrement() ? c.withNullable(false) : c;
    }

    private SqlType canonical(SqlType type) {
        if (type instanceof SqlType.Array a) return new SqlType.Array(canonical(a.element()));
        if (type instanceof SqlType.Enum e && enums.containsKey(e.key())) return enums.get(e.key());
        return type;
    }

    private static boolean sameType(SqlType a, SqlType b) {
        if (a instanceof SqlType.Array x && b instanceof SqlType.Array y) return sameType(x.element(), y.element());
        if (a instanceof SqlType.Enum x && b instanceof SqlType.Enum y) return x.key().equals(y.key());
        return a.equals(b);
    }

    private static boolean usesEnum(SqlType type, String key) {
        SqlType t = type instanceof SqlType.Array a ? a.element() : type;
        return t instanceof SqlType.Enum e && e.key().equals(key);
    }

    /** Definitions carried by drop operations must be the one held, enum labels aside (they move on their own). */
    private boolean same(Table held, Table carried) {
        return held.equals(new Table(carried.schema(), carried.name(), carried.columns().stream().map(this::canonical).toList(),
                carried.primaryKey(), carried.uniques(), carried.foreignKeys(), carried.checks(), carried.indexes(),
                carried.comment(), held.renamedFrom()));
    }

    static boolean effectiveNullable(Column c) {
        return c.nullable() && c.identity() == null && !c.autoIncrement();
    }

    private Table table(String schema, String name) {
        Table t = tables.get(key(schema, name));
        if (t == null) throw new IllegalStateException("no table " + key(schema, name));
        return t;
    }

    private static Column column(Table t, String name) {
        return t.column(name).orElseThrow(() -> new IllegalStateException("no column " + t.key() + "." + name));
    }

    private SqlType.Enum enumType(String key) {
        SqlType.Enum e = enums.get(key);
        if (e == null) throw new IllegalStateException("no enum type " + key);
        return e;
    }

    private void put(Table t) {
        tables.put(t.key(), t);
    }

    private static Table mapForeignKeys(Table t, UnaryOperator<ForeignKey> f) {
        return new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), t.uniques(),
                t.foreignKeys().stream().map(f).toList(), t.checks(), t.indexes(), t.comment(), t.renamedFrom());
    }

    private static boolean refersTo(ForeignKey fk, String schema, String table) {
        return Objects.equals(fk.referredSchema(), schema) && fk.referredTable().equals(table);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static void require(boolean ok, String why) {
        if (!ok) throw new IllegalStateException(why);
    }

    /** Like PostgreSQL's dependency tracking, approximated by the column's name standing alone in the text. */
    private static boolean readsColumn(String expression, String column) {
        return java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(column) + "\\b").matcher(expression).find();
    }

    private static String key(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    private static void requireChange(Change<?> c) {
        if (c != null) require(c.changed(), "a change that changes nothing: " + c);
    }
}
