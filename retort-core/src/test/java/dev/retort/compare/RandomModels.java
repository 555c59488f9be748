package dev.retort.compare;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.PrimaryKey;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.Types;
import dev.retort.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random models drawn from the whole feature set the differ compares, and random edits of them, for
 * the property tests. Models are described by mutable specs so that an edit can change anything; a
 * spec becomes a valid MetaData by {@link #build}, which leaves out whatever no longer fits (a key on
 * a column that is gone, a foreign key into a table without a primary key).
 *
 * <p>Every model is schema-less; {@link #build} binds it to {@link #SCHEMA}. Foreign keys may also
 * refer to {@code shared.tenants}, a table in an unmanaged schema.
 */
final class RandomModels {
    static final String SCHEMA = "s";
    static final String SHARED = "shared";

    private static final List<String> TABLES = List.of("t0", "t1", "t2", "t3", "t4", "t5");
    private static final List<String> COLUMNS = List.of("id", "c0", "c1", "c2", "c3", "c4");
    private static final List<String> LABELS = List.of("a", "b", "c", "d", "e");
    private static final List<String> DEFAULTS = List.of("0", "1", "'x'", "now()");
    private static final List<String> CHECKS = List.of("c0 > 0", "c1 <> ''", "id > 0", "c2 IS NOT NULL");
    private static final List<String> EXPRESSIONS = List.of("lower(c1)", "c0 + 1");
    private static final List<String> COMPUTED = List.of("c0 + 1", "c1 * 2");

    private final Random random;
    private final boolean namesFromDefinitions;

    /**
     * @param namesFromDefinitions name checks and indexes after their definitions, as a naming
     *                             convention would, so that equal definitions always have equal names
     */
    RandomModels(long seed, boolean namesFromDefinitions) {
        this.random = new Random(seed);
        this.namesFromDefinitions = namesFromDefinitions;
    }

    static final class ModelSpec {
        final Map<String, List<String>> enums = new LinkedHashMap<>();
        final List<TableSpec> tables = new ArrayList<>();
        final List<Sequence> sequences = new ArrayList<>();
        String sharedExtraColumn;

        ModelSpec copy() {
            ModelSpec c = new ModelSpec();
            enums.forEach((k, v) -> c.enums.put(k, new ArrayList<>(v)));
            tables.forEach(t -> c.tables.add(t.copy()));
            c.sequences.addAll(sequences);
            c.sharedExtraColumn = sharedExtraColumn;
            return c;
        }

        TableSpec table(String name) {
            return tables.stream().filter(t -> t.name.equals(name)).findFirst().orElse(null);
        }
    }

    static final class TableSpec {
        String name;
        String renamedFrom;
        String comment;
        List<Column> columns = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        List<List<String>> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        /** Foreign keys by their columns and target table (a name, or {@code shared.tenants}); referred columns are the target's primary key. */
        List<ForeignKey> fks = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();

        TableSpec copy() {
            TableSpec c = new TableSpec();
            c.name = name;
            c.renamedFrom = renamedFrom;
            c.comment = comment;
            c.columns = new ArrayList<>(columns);
            c.pk = new ArrayList<>(pk);
            uniques.forEach(u -> c.uniques.add(new ArrayList<>(u)));
            c.checks = new ArrayList<>(checks);
            c.fks = new ArrayList<>(fks);
            c.indexes = new ArrayList<>(indexes);
            return c;
        }
    }

    // ---- generation ----

    ModelSpec model(int maxTables) {
        ModelSpec m = new ModelSpec();
        m.enums.put("e0", labels());
        if (chance(0.5)) m.enums.put("e1", labels());
        int n = 1 + random.nextInt(maxTables);
        List<String> names = new ArrayList<>(TABLES);
        java.util.Collections.shuffle(names, random);
        for (int i = 0; i < n; i++) m.tables.add(table(names.get(i), m));
        for (TableSpec t : m.tables) {
            int fks = random.nextInt(3);
            for (int i = 0; i < fks; i++) addForeignKey(t, m);
        }
        int seqs = random.nextInt(3);
        for (int i = 0; i < seqs; i++) {
            Sequence q = sequence("q" + i);
            if (chance(0.3)) {
                TableSpec owner = m.tables.get(random.nextInt(m.tables.size()));
                q = q.ownedBy(owner.name, owner.columns.get(random.nextInt(owner.columns.size())).name());
            }
            m.sequences.add(q);
        }
        m.sharedExtraColumn = chance(0.5) ? "plan" : null;
        return m;
    }

    private TableSpec table(String name, ModelSpec m) {
        TableSpec t = new TableSpec();
        t.name = name;
        t.comment = pick(null, null, "", "a table", "another");
        List<String> cols = new ArrayList<>(COLUMNS.subList(1, COLUMNS.size()));
        java.util.Collections.shuffle(cols, random);
        t.columns.add(column("id", m));
        int n = 1 + random.nextInt(cols.size());
        for (int i = 0; i < n; i++) t.columns.add(column(cols.get(i), m));
        if (chance(0.85)) t.pk = chance(0.8) ? new ArrayList<>(List.of("id")) : someColumns(t, 2);
        int uniques = random.nextInt(3);
        for (int i = 0; i < uniques; i++) t.uniques.add(someColumns(t, 2));
        int checks = random.nextInt(3);
        for (int i = 0; i < checks; i++) t.checks.add(check(t));
        int indexes = random.nextInt(3);
        for (int i = 0; i < indexes; i++) t.indexes.add(index(t));
        return t;
    }

    Column column(String name, ModelSpec m) {
        SqlType type = type(m);
        boolean integer = type == Types.INTEGER || type == Types.BIGINT;
        Identity identity = null;
        boolean serial = false;
        String computed = null;
        String def = null;
        double roll = random.nextDouble();
        if (integer && roll < 0.15) {
            identity = pick(Identity.byDefault(), Identity.generatedAlways(), new Identity(false, 10L, 5L), new Identity(true, 1L, 1L),
                    new Identity(false, null, null, null, 1000L, null, true));
        } else if (integer && roll < 0.25) {
            serial = true;
        } else if (roll < 0.35 && !name.equals("id")) {
            computed = pick(COMPUTED.toArray(String[]::new));
        } else if (roll < 0.6) {
            def = pick(DEFAULTS.toArray(String[]::new));
        }
        return new Column(name, type, chance(0.5), def, pick(null, null, "", "note", "other"), identity, serial, computed,
                pick(null, null, null, "C", "POSIX"), null);
    }

    private SqlType type(ModelSpec m) {
        List<SqlType> types = new ArrayList<>(List.of(Types.INTEGER, Types.BIGINT, Types.TEXT, Types.varchar(10),
                Types.varchar(20), Types.numeric(10, 2), Types.BOOLEAN, Types.TIMESTAMPTZ, Types.arrayOf(Types.INTEGER)));
        for (String e : m.enums.keySet()) {
            types.add(enumRef(e));
            types.add(Types.arrayOf(enumRef(e)));
        }
        return types.get(random.nextInt(types.size()));
    }

    /** An enum type by name; its labels are the model's, filled in by {@link #build}. */
    private static SqlType.Enum enumRef(String name) {
        return new SqlType.Enum(null, name, List.of("?"));
    }

    private List<String> labels() {
        List<String> l = new ArrayList<>(LABELS);
        java.util.Collections.shuffle(l, random);
        return new ArrayList<>(l.subList(0, 1 + random.nextInt(l.size())));
    }

    private List<String> someColumns(TableSpec t, int max) {
        List<String> names = new ArrayList<>(t.columns.stream().map(Column::name).toList());
        java.util.Collections.shuffle(names, random);
        return new ArrayList<>(names.subList(0, 1 + random.nextInt(Math.min(max, names.size()))));
    }

    private CheckConstraint check(TableSpec t) {
        String expr = pick(CHECKS.toArray(String[]::new));
        String label = namesFromDefinitions ? "e" + Integer.toHexString(expr.hashCode() & 0xffff) : pick("a", "b", "c");
        return new CheckConstraint("ck_" + t.name + "_" + label, expr, false, chance(0.15));
    }

    private Index index(TableSpec t) {
        List<Index.Element> elements = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (String c : someColumns(t, n)) {
            elements.add(chance(0.2) ? Index.Element.expression(pick(EXPRESSIONS.toArray(String[]::new)))
                    : new Index.Element(c, null, chance(0.2)));
        }
        List<String> include = chance(0.2) ? someColumns(t, 1) : List.of();
        Index ix = new Index("ix_tmp", elements, chance(0.3), pick(null, null, "c0 > 0"), pick(null, null, "btree", "hash"), include);
        // No method and btree are one definition, so they must give one name.
        String definition = new Index("ix_tmp", ix.elements(), ix.unique(), ix.where(),
                ix.method() == null ? "btree" : ix.method(), ix.include()).toString();
        String name = namesFromDefinitions
                ? "ix_" + t.name + "_" + Integer.toHexString(definition.hashCode() & 0xfffff)
                : "ix_" + t.name + "_" + random.nextInt(3);
        return new Index(name, ix.elements(), ix.unique(), ix.where(), ix.method(), ix.include());
    }

    private void addForeignKey(TableSpec t, ModelSpec m) {
        boolean shared = chance(0.2);
        String target = shared ? SHARED + ".tenants" : m.tables.get(random.nextInt(m.tables.size())).name;
        int width = shared ? 1 : Math.max(1, m.table(target).pk.size());
        List<String> cols = someColumns(t, width);
        if (cols.size() != width) return;
        ForeignKey.Action[] actions = ForeignKey.Action.values();
        boolean deferrable = chance(0.2);
        t.fks.add(new ForeignKey("fk_tmp", cols, shared ? SHARED : null, shared ? "tenants" : target, cols,
                actions[random.nextInt(actions.length)], actions[random.nextInt(actions.length)], deferrable,
                deferrable && chance(0.5), false, chance(0.15)));
    }

    private Sequence sequence(String name) {
        return new Sequence(null, name, pick(Types.BIGINT, Types.INTEGER), pick(null, 1L, 100L), pick(null, 1L, 2L, -1L), null, null,
                pick(null, 1L, 10L), chance(0.2));
    }

    // ---- edits ----

    /** A copy of {@code a} with random edits, each part changed with probability {@code rate}. */
    ModelSpec edit(ModelSpec a, double rate, boolean renames) {
        ModelSpec b = a.copy();
        for (String e : new ArrayList<>(b.enums.keySet())) {
            if (chance(rate)) b.enums.put(e, labels());
        }
        if (chance(rate) && !b.enums.containsKey("e1")) b.enums.put("e1", labels());
        b.tables.removeIf(t -> chance(rate / 2));
        if (chance(rate)) {
            String unused = TABLES.stream().filter(n -> b.table(n) == null).findFirst().orElse(null);
            if (unused != null) b.tables.add(table(unused, b));
        }
        for (TableSpec t : b.tables) editTable(t, b, rate, renames);
        if (renames && chance(rate)) renameTable(b, a);
        b.sequences.replaceAll(s -> chance(rate) ? sequence(s.name()) : s);
        b.sequences.removeIf(s -> chance(rate / 2));
        if (chance(rate)) {
            String name = "q" + random.nextInt(4);
            if (b.sequences.stream().noneMatch(s -> s.name().equals(name))) b.sequences.add(sequence(name));
        }
        if (chance(rate)) b.sharedExtraColumn = b.sharedExtraColumn == null ? "plan" : null;
        return b;
    }

    private void editTable(TableSpec t, ModelSpec m, double rate, boolean renames) {
        if (chance(rate)) t.comment = pick(null, "", "a table", "changed");
        t.columns.replaceAll(c -> c.name().equals("id") || !chance(rate) ? c : editColumn(c, m));
        t.columns.removeIf(c -> !c.name().equals("id") && chance(rate / 2));
        if (chance(rate)) {
            String unused = COLUMNS.stream().filter(n -> t.columns.stream().noneMatch(c -> c.name().equals(n))).findFirst().orElse(null);
            if (unused != null) t.columns.add(column(unused, m));
        }
        if (renames && chance(rate)) renameColumn(t, m);
        if (chance(rate)) t.pk = chance(0.3) ? new ArrayList<>() : someColumns(t, 2);
        if (chance(rate) && !t.uniques.isEmpty()) t.uniques.remove(random.nextInt(t.uniques.size()));
        if (chance(rate)) t.uniques.add(someColumns(t, 2));
        if (chance(rate) && !t.checks.isEmpty()) t.checks.remove(random.nextInt(t.checks.size()));
        if (chance(rate)) t.checks.add(check(t));
        if (chance(rate) && !t.fks.isEmpty()) t.fks.remove(random.nextInt(t.fks.size()));
        if (chance(rate)) addForeignKey(t, m);
        if (chance(rate) && !t.indexes.isEmpty()) t.indexes.remove(random.nextInt(t.indexes.size()));
        if (chance(rate)) t.indexes.add(index(t));
    }

    private Column editColumn(Column c, ModelSpec m) {
        return switch (random.nextInt(8)) {
            case 0 -> column(c.name(), m);
            case 1 -> c.withNullable(!c.nullable());
            case 2 -> c.computed() != null || c.identity() != null || c.autoIncrement() ? c
                    : c.withServerDefault(pick(null, "0", "'y'", "now()"));
            case 3 -> c.withComment(pick(null, "note", "changed"));
            case 4 -> c.withCollation(pick(null, "C", "POSIX"));
            case 5 -> c.withType(type(m)).withIdentity(null).withAutoIncrement(false);
            case 6 -> c.computed() == null ? c : c.withComputed(pick(COMPUTED.toArray(String[]::new)));
            default -> c.serverDefault() != null || c.computed() != null || !(c.type() == Types.INTEGER || c.type() == Types.BIGINT) ? c
                    : c.identity() != null ? c.withIdentity(null).withAutoIncrement(chance(0.5))
                    : c.withAutoIncrement(false).withIdentity(pick(null, Identity.byDefault(), new Identity(true, 5L, null)));
        };
    }

    /** Renames a table of {@code b} that {@code a} has too, to a name neither uses. */
    private void renameTable(ModelSpec b, ModelSpec a) {
        List<TableSpec> candidates = b.tables.stream().filter(t -> t.renamedFrom == null && a.table(t.name) != null).toList();
        String unused = TABLES.stream().filter(n -> b.table(n) == null && a.table(n) == null).findFirst().orElse(null);
        if (candidates.isEmpty() || unused == null) return;
        TableSpec t = candidates.get(random.nextInt(candidates.size()));
        String old = t.name;
        t.renamedFrom = old;
        t.name = unused;
        for (TableSpec other : b.tables) {
            other.fks.replaceAll(f -> f.referredSchema() == null && f.referredTable().equals(old)
                    ? new ForeignKey(f.name(), f.columns(), null, unused, f.referredColumns(), f.onDelete(), f.onUpdate(),
                    f.deferrable(), f.initiallyDeferred())
                    : f);
        }
    }

    private void renameColumn(TableSpec t, ModelSpec m) {
        List<Column> candidates = t.columns.stream().filter(c -> c.renamedFrom() == null).toList();
        String unused = List.of("r0", "r1").stream().filter(n -> t.columns.stream().noneMatch(c -> c.name().equals(n)))
                .findFirst().orElse(null);
        if (candidates.isEmpty() || unused == null) return;
        Column c = candidates.get(random.nextInt(candidates.size()));
        String old = c.name();
        t.columns.replaceAll(x -> x == c ? c.withName(unused).withRenamedFrom(old) : x);
        java.util.function.UnaryOperator<List<String>> ren = l -> new ArrayList<>(l.stream().map(n -> n.equals(old) ? unused : n).toList());
        t.pk = ren.apply(t.pk);
        t.uniques.replaceAll(ren);
        t.fks.replaceAll(f -> new ForeignKey(f.name(), ren.apply(f.columns()), f.referredSchema(), f.referredTable(),
                f.referredColumns(), f.onDelete(), f.onUpdate(), f.deferrable(), f.initiallyDeferred()));
        t.indexes.replaceAll(i -> new Index(i.name(), i.elements().stream()
                .map(e -> old.equals(e.column()) ? new Index.Element(unused, null, e.descending()) : e).toList(),
                i.unique(), i.where(), i.method(), ren.apply(i.include())));
    }

    // ---- building ----

    /** The spec as a valid model bound to {@link #SCHEMA}, with {@code shared.tenants} beside it. */
    static MetaData build(ModelSpec spec) {
        MetaData md = new MetaData();
        List<Column> shared = new ArrayList<>(List.of(new Column("id", Types.INTEGER, false, null, null, null, false, null, null, null)));
        if (spec.sharedExtraColumn != null) shared.add(Column.of(spec.sharedExtraColumn, Types.TEXT));
        md.add(new Table(SHARED, "tenants", shared, new PrimaryKey("pk_tenants", List.of("id")), List.of(), List.of(),
                List.of(), List.of(), null, null));
        for (TableSpec t : spec.tables) md.add(table(t, spec));
        // An owner the edits took away (its table or column dropped or renamed) owns nothing.
        spec.sequences.forEach(q -> md.addSequence(q.owner() == null || spec.tables.stream().anyMatch(t -> t.name.equals(q.owner().table())
                && t.columns.stream().anyMatch(c -> c.name().equals(q.owner().column()))) ? q : q.withoutOwner()));
        return md.withSchema(SCHEMA);
    }

    private static Table table(TableSpec t, ModelSpec spec) {
        List<Column> columns = new ArrayList<>();
        Set<String> pk = new HashSet<>(t.pk);
        for (Column c : t.columns) {
            Column bound = c.withType(labelled(c.type(), spec));
            columns.add(pk.contains(c.name()) ? bound.withNullable(false) : bound);
        }
        Set<String> names = new HashSet<>(columns.stream().map(Column::name).toList());
        Set<String> taken = new HashSet<>();
        List<String> pkCols = t.pk.stream().distinct().filter(names::contains).toList();
        PrimaryKey primaryKey = pkCols.isEmpty() ? null : new PrimaryKey("pk_" + t.name, pkCols);
        if (primaryKey != null) taken.add(primaryKey.name());
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (List<String> u : t.uniques) {
            List<String> cols = u.stream().distinct().toList();
            String name = "uq_" + t.name + "_" + String.join("_", cols);
            if (names.containsAll(cols) && taken.add(name)) uniques.add(new UniqueConstraint(name, cols));
        }
        List<CheckConstraint> checks = new ArrayList<>();
        for (CheckConstraint c : t.checks) {
            CheckConstraint named = new CheckConstraint(c.name().replaceFirst("^ck_[^_]+_", "ck_" + t.name + "_"), c.expression());
            if (taken.add(named.name())) checks.add(named);
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey f : t.fks) {
            List<String> target;
            if (SHARED.equals(f.referredSchema())) {
                target = List.of("id");
            } else {
                TableSpec to = f.referredTable().equals(t.name) ? t : spec.table(f.referredTable());
                target = to == null ? List.of() : to.pk.stream().distinct().filter(n -> to.columns.stream().anyMatch(c -> c.name().equals(n))).toList();
            }
            List<String> cols = f.columns().stream().distinct().toList();
            if (target.isEmpty() || cols.size() != target.size() || !names.containsAll(cols)) continue;
            String name = "fk_" + t.name + "_" + String.join("_", cols) + "_" + f.referredTable();
            if (taken.add(name)) {
                fks.add(new ForeignKey(name, cols, f.referredSchema(), f.referredTable(), target, f.onDelete(), f.onUpdate(),
                        f.deferrable(), f.initiallyDeferred()));
            }
        }
        List<Index> indexes = new ArrayList<>();
        for (Index i : t.indexes) {
            String name = i.name().replaceFirst("^ix_[^_]+_", "ix_" + t.name + "_");
            if (names.containsAll(i.columnNames()) && names.containsAll(i.include()) && taken.add(name)) {
                indexes.add(new Index(name, i.elements(), i.unique(), i.where(), i.method(), i.include()));
            }
        }
        return new Table(null, t.name, columns, primaryKey, uniques, fks, checks, indexes, t.comment, t.renamedFrom);
    }

    private static SqlType labelled(SqlType type, ModelSpec spec) {
        if (type instanceof SqlType.Array a) return new SqlType.Array(labelled(a.element(), spec));
        if (type instanceof SqlType.Enum e) {
            List<String> labels = spec.enums.get(e.name());
            return new SqlType.Enum(null, e.name(), labels == null ? List.of("a") : labels);
        }
        return type;
    }

    // ---- randomness ----

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
