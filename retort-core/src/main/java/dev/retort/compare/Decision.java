package dev.retort.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What becomes of one kind of object (primary key, unique constraints, checks, foreign keys or
 * indexes) on one table present on both sides.
 *
 * @param drop database objects to drop, by name
 * @param add  objects to create, in model order; database objects re-created after a drop that only
 *             made way for a column change come last
 */
record Decision<T>(List<T> drop, List<T> add) {

    /**
     * @param affected whether a database object stands on something the diff changes under it (a
     *                 column whose type changes, a key a foreign key relies on): it is then dropped
     *                 first and created again after, even when its definition is unchanged
     */
    static <T> Decision<T> of(List<T> model, Matching.Result<T> matched, BiPredicate<T, T> same, Predicate<T> affected,
                              Function<T, String> name, boolean includeDrops) {
        return of(model, matched, same, affected, d -> true, name, includeDrops);
    }

    /**
     * @param restorable whether a database object the model lacks, kept because drops are off, can be
     *                   created again once it made way; one that cannot (a foreign key whose key the
     *                   model removes) is dropped for good
     */
    static <T> Decision<T> of(List<T> model, Matching.Result<T> matched, BiPredicate<T, T> same, Predicate<T> affected,
                              Predicate<T> restorable, Function<T, String> name, boolean includeDrops) {
        List<T> drop = new ArrayList<>();
        List<T> add = new ArrayList<>();
        for (Matching.Pair<T> p : matched.pairs()) {
            if (!same.test(p.model(), p.database()) || affected.test(p.database())) {
                drop.add(p.database());
                add.add(p.model());
            }
        }
        add.addAll(matched.added());
        List<T> readd = new ArrayList<>();
        for (T d : matched.removed()) {
            if (includeDrops) {
                drop.add(d);
            } else if (affected.test(d)) {
                drop.add(d);
                if (restorable.test(d)) readd.add(d);
            }
        }
        drop.sort(Comparator.comparing(name));
        List<T> ordered = new ArrayList<>(model.stream().filter(add::contains).toList());
        ordered.addAll(readd);
        return new Decision<>(drop, ordered);
    }

    boolean isEmpty() {
        return drop.isEmpty() && add.isEmpty();
    }
}
