package dev.retort.compare;

import dev.retort.CheckConstraint;
import dev.retort.Constraint;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Constraints and indexes of one table present on both sides, each kind matched on its own
 * ({@link Matching}) and decided on ({@link Decision}). A changed definition is a drop and an add: no
 * portable statement alters a constraint or an index in place.
 */
final class ConstraintDiff {
    private ConstraintDiff() {
    }

    /** Primary key, unique constraints and checks; foreign keys are decided later, once every key is. */
    static Decision<Constraint> keysAndChecks(Table model, Table database, Scope scope, Set<String> retyped) {
        Decision<Constraint> pk = decide(model, database, scope,
                Stream.ofNullable(model.primaryKey()).map(c -> (Constraint) c).toList(),
                Stream.ofNullable(database.primaryKey()).map(c -> (Constraint) c).toList(),
                c -> overlaps(c.columns(), retyped));
        Decision<Constraint> uniques = decide(model, database, scope, List.copyOf(model.uniques()),
                List.copyOf(database.uniques()), c -> overlaps(c.columns(), retyped));
        Decision<Constraint> checks = decide(model, database, scope, List.copyOf(model.checks()),
                List.copyOf(database.checks()),
                c -> retyped.stream().anyMatch(col -> Definitions.mentions(((CheckConstraint) c).expression(), col)));
        return new Decision<>(concat(pk.drop(), uniques.drop(), checks.drop()), concat(pk.add(), uniques.add(), checks.add()));
    }

    static Decision<Index> indexes(Table model, Table database, Scope scope, Set<String> retyped) {
        Definitions defs = scope.definitions;
        Matching.Result<Index> matched = Matching.match(model.indexes(), database.indexes(), Index::name,
                defs::sameIndex, n -> scope.modelUsesName(model.schema(), n));
        return Decision.of(model.indexes(), matched, defs::sameIndex, ix -> standsOn(ix, retyped), Index::name,
                scope.options.includeDrops());
    }

    /**
     * @param affected whether an unchanged database key must still make way: its columns, or the key or
     *                 columns it refers to, change under it
     */
    static Decision<ForeignKey> foreignKeys(Table model, Table database, Scope scope, Predicate<ForeignKey> affected) {
        Definitions defs = scope.definitions;
        Matching.Result<ForeignKey> matched = Matching.match(model.foreignKeys(), database.foreignKeys(),
                ForeignKey::name, defs::sameConstraint, n -> scope.modelUsesName(model.schema(), n));
        return Decision.of(model.foreignKeys(), matched, defs::sameConstraint, affected, ForeignKey::name,
                scope.options.includeDrops());
    }

    /**
     * The column lists of keys a foreign key can rely on that this table loses for a while: dropped
     * primary keys, unique constraints and plain unique indexes.
     */
    static List<Set<String>> droppedKeys(Decision<Constraint> keys, Decision<Index> indexes) {
        List<Set<String>> out = new ArrayList<>();
        for (Constraint c : keys.drop()) {
            if (!(c instanceof CheckConstraint)) out.add(Set.copyOf(c.columns()));
        }
        for (Index ix : indexes.drop()) {
            if (ix.unique() && ix.where() == null && ix.columnNames().size() == ix.elements().size()) {
                out.add(Set.copyOf(ix.columnNames()));
            }
        }
        return out;
    }

    private static Decision<Constraint> decide(Table model, Table database, Scope scope, List<Constraint> modelSide,
                                               List<Constraint> databaseSide, Predicate<Constraint> affected) {
        Definitions defs = scope.definitions;
        Matching.Result<Constraint> matched = Matching.match(modelSide, databaseSide, Constraint::name,
                defs::sameConstraint, n -> scope.modelUsesName(model.schema(), n));
        return Decision.of(modelSide, matched, defs::sameConstraint, affected, Constraint::name,
                scope.options.includeDrops());
    }

    private static boolean standsOn(Index ix, Set<String> retyped) {
        if (overlaps(ix.columnNames(), retyped) || overlaps(ix.include(), retyped)) return true;
        for (String col : retyped) {
            if (Definitions.mentions(ix.where(), col)) return true;
            for (Index.Element e : ix.elements()) {
                if (Definitions.mentions(e.expression(), col)) return true;
            }
        }
        return false;
    }

    static boolean overlaps(Collection<String> a, Set<String> b) {
        if (b.isEmpty()) return false;
        for (String s : a) {
            if (b.contains(s)) return true;
        }
        return false;
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) out.addAll(l);
        return out;
    }
}
