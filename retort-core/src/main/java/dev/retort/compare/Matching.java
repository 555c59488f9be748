package dev.retort.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Pairs the model's constraints or indexes of one kind on one table with the database's.
 *
 * <p>By name first. Then, among what is left, a model object and a database object with equal
 * definitions are taken to be the same object under another name, so that a database whose
 * constraints were named by another tool (or that kept its index names through a table rename) does
 * not churn. That pairing is refused when the database's name is one the model uses for something
 * else in the schema: keeping the old name would then collide with the object the model creates.
 */
final class Matching {
    private Matching() {
    }

    record Pair<T>(T model, T database) {
    }

    /**
     * @param pairs   matched objects, in model order; their definitions may differ only when matched by name
     * @param added   model objects without a counterpart, in model order
     * @param removed database objects without a counterpart, in database order
     */
    record Result<T>(List<Pair<T>> pairs, List<T> added, List<T> removed) {
    }

    static <T> Result<T> match(List<T> model, List<T> database, Function<T, String> name, BiPredicate<T, T> same,
                               Predicate<String> modelUsesName) {
        Map<String, T> dbByName = new LinkedHashMap<>();
        database.forEach(d -> dbByName.put(name.apply(d), d));
        Map<T, T> paired = new LinkedHashMap<>();
        List<T> unpairedModel = new ArrayList<>();
        for (T m : model) {
            T d = dbByName.remove(name.apply(m));
            if (d != null) paired.put(m, d); else unpairedModel.add(m);
        }
        List<T> added = new ArrayList<>();
        for (T m : unpairedModel) {
            T found = null;
            for (T d : dbByName.values()) {
                if (same.test(m, d) && !modelUsesName.test(name.apply(d))) {
                    found = d;
                    break;
                }
            }
            if (found != null) {
                dbByName.remove(name.apply(found));
                paired.put(m, found);
            } else {
                added.add(m);
            }
        }
        List<Pair<T>> pairs = new ArrayList<>();
        for (T m : model) {
            T d = paired.get(m);
            if (d != null) pairs.add(new Pair<>(m, d));
        }
        return new Result<>(pairs, added, new ArrayList<>(dbByName.values()));
    }
}
