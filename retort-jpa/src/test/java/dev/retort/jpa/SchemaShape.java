package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.Sequence;
import dev.retort.Table;
import dev.retort.UniqueConstraint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What two reflected schemas are compared by: tables, columns (type, nullability, default, identity),
 * primary keys, unique constraints, foreign keys (columns, target table and columns, actions), check
 * expressions, indexes and sequences. Constraint and index names are left out (Hibernate makes them
 * from hashes), and so is the order of a table's columns. Types are compared as the differ compares
 * them, through the dialect's normaliser ({@code timestamp(6)} is {@code timestamp}); a foreign key
 * as its pairs of referring and referred columns, whose order means nothing, while the column order
 * of keys and indexes, which decides what their index serves, is compared.
 */
final class SchemaShape {
    private final Map<String, Map<String, String>> facts = new TreeMap<>();

    private SchemaShape() {
    }

    /** The shape of every table and sequence of a reflected database, one MetaData per schema. */
    static SchemaShape of(Collection<MetaData> schemas) {
        SchemaShape s = new SchemaShape();
        for (MetaData reflected : schemas) s.add(reflected);
        return s;
    }

    private void add(MetaData reflected) {
        SchemaShape s = this;
        for (Table t : reflected.tables().values()) {
            Map<String, String> f = s.facts.computeIfAbsent("table " + t.key(), k -> new TreeMap<>());
            for (Column c : t.columns()) {
                f.put("column " + c.name() + " type", ParityDatabases.DIALECT.normaliser().normaliseType(c.type()).toString());
                f.put("column " + c.name() + " nullable", String.valueOf(c.nullable()));
                if (c.serverDefault() != null) f.put("column " + c.name() + " default", c.serverDefault());
                if (c.identity() != null) f.put("column " + c.name() + " identity", c.identity().toString());
            }
            if (t.primaryKey() != null) f.put("primary key", t.primaryKey().columns().toString());
            set(f, "unique", t.uniques(), UniqueConstraint::columns);
            set(f, "foreign key", t.foreignKeys(), SchemaShape::describe);
            set(f, "check", t.checks(), dev.retort.CheckConstraint::expression);
            set(f, "index", t.indexes(), SchemaShape::describe);
        }
        for (Sequence q : reflected.sequences().values()) {
            s.facts.put("sequence " + q.key(), new TreeMap<>(Map.of("definition", "start " + q.start() + " increment " + q.increment()
                    + " type " + q.type())));
        }
    }

    /** Each fact of a set (unique keys, foreign keys, ...) is a key of its own, so that one missing or extra shows as such. */
    private static <T> void set(Map<String, String> f, String label, List<T> items, Function<T, Object> describe) {
        Set<String> seen = new TreeSet<>();
        for (T item : items) seen.add(String.valueOf(describe.apply(item)));
        for (String s : seen) f.put(label + " " + s, "present");
    }

    private static String describe(ForeignKey fk) {
        Map<String, String> pairs = new TreeMap<>();
        for (int i = 0; i < fk.columns().size(); i++) pairs.put(fk.columns().get(i), fk.referredColumns().get(i));
        return pairs.keySet() + " -> " + fk.referredKey() + pairs.values()
                + (fk.onDelete() == ForeignKey.Action.NO_ACTION ? "" : " on delete " + fk.onDelete())
                + (fk.onUpdate() == ForeignKey.Action.NO_ACTION ? "" : " on update " + fk.onUpdate());
    }

    private static String describe(Index ix) {
        return (ix.unique() ? "unique " : "") + ix.elements();
    }

    /**
     * The differences, one line each: {@code table tenant.book: column title type: hibernate varchar(255), retort text},
     * {@code table tenant.book: unique [isbn]: hibernate present, retort absent}.
     */
    static List<String> differences(SchemaShape hibernate, SchemaShape retort) {
        List<String> out = new ArrayList<>();
        Set<String> objects = new TreeSet<>(hibernate.facts.keySet());
        objects.addAll(retort.facts.keySet());
        for (String object : objects) {
            Map<String, String> h = hibernate.facts.get(object);
            Map<String, String> r = retort.facts.get(object);
            if (h == null || r == null) {
                out.add(object + ": hibernate " + (h == null ? "absent" : "present") + ", retort " + (r == null ? "absent" : "present"));
                continue;
            }
            Set<String> keys = new TreeSet<>(h.keySet());
            keys.addAll(r.keySet());
            for (String k : keys) {
                String hv = h.getOrDefault(k, "absent");
                String rv = r.getOrDefault(k, "absent");
                if (!Objects.equals(hv, rv)) out.add(object + ": " + k + ": hibernate " + hv + ", retort " + rv);
            }
        }
        return out;
    }
}
