package dev.retort.compare;

import dev.retort.CheckConstraint;
import dev.retort.Constraint;
import dev.retort.ExclusionConstraint;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.PrimaryKey;
import dev.retort.Table;
import dev.retort.operations.Change;
import dev.retort.UniqueConstraint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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
        Decision<Constraint> pk = primaryKey(model, database, scope, retyped);
        Decision<Constraint> uniques = decide(model, database, scope, List.copyOf(model.uniques()),
                List.copyOf(database.uniques()), c -> overlaps(c.columns(), retyped));
        Decision<Constraint> checks = decide(model, database, scope, List.copyOf(model.checks()),
                List.copyOf(database.checks()),
                c -> retyped.stream().anyMatch(col -> Definitions.mentions(((CheckConstraint) c).expression(), col)));
        Decision<Constraint> exclusions = decide(model, database, scope, List.copyOf(model.exclusions()),
                List.copyOf(database.exclusions()), c -> standsOn((ExclusionConstraint) c, retyped));
        return new Decision<>(concat(pk.drop(), uniques.drop(), checks.drop(), exclusions.drop()),
                concat(pk.add(), uniques.add(), checks.add(), exclusions.add()));
    }

    /**
     * A table has one primary key, so unlike other constraints the model's replaces the database's even
     * when drops are off; with equal columns it is the same key whatever its name, unless the model
     * uses that name for something else.
     */
    private static Decision<Constraint> primaryKey(Table model, Table database, Scope scope, Set<String> retyped) {
        PrimaryKey m = model.primaryKey();
        PrimaryKey d = database.primaryKey();
        if (m == null && d == null) return new Decision<>(List.of(), List.of());
        if (d == null) return new Decision<>(List.of(), List.of(m));
        boolean affected = overlaps(d.columns(), retyped);
        if (m == null) {
            if (scope.options.includeDrops()) return new Decision<>(List.of(d), List.of());
            return new Decision<>(affected ? List.of(d) : List.of(), affected ? List.of(d) : List.of());
        }
        boolean same = scope.definitions.sameConstraint(m, d)
                && (m.name().equals(d.name()) || !scope.modelUsesName(model.schema(), d.name()));
        return same && !affected ? new Decision<>(List.of(), List.of()) : new Decision<>(List.of(d), List.of(m));
    }

    static Decision<Index> indexes(Table model, Table database, Scope scope, Set<String> retyped) {
        Definitions defs = scope.definitions;
        Matching.Result<Index> matched = Matching.match(model.indexes(), database.indexes(), Index::name,
                defs::sameIndex, n -> scope.modelUsesName(model.schema(), n));
        return Decision.of(model.indexes(), matched, defs::sameIndex, ix -> standsOn(ix, retyped), Index::name,
                scope.options.includeDrops());
    }

    /** Comments of the indexes kept (neither dropped nor created): a pair whose comment differs. */
    static List<Matching.Pair<Index>> indexComments(Table model, Table database, Scope scope, Decision<Index> decision) {
        Definitions defs = scope.definitions;
        Matching.Result<Index> matched = Matching.match(model.indexes(), database.indexes(), Index::name,
                defs::sameIndex, n -> scope.modelUsesName(model.schema(), n));
        return matched.pairs().stream().filter(p -> !decision.drop().contains(p.database()))
                .filter(p -> !Definitions.sameComment(p.model().comment(), p.database().comment())).toList();
    }

    /**
     * @param affected whether an unchanged database key must still make way: its columns, or the key or
     *                 columns it refers to, change under it
     */
    static Decision<ForeignKey> foreignKeys(Table model, Table database, Scope scope, Predicate<ForeignKey> affected,
                                            Predicate<ForeignKey> restorable) {
        Definitions defs = scope.definitions;
        Matching.Result<ForeignKey> matched = Matching.match(model.foreignKeys(), database.foreignKeys(),
                ForeignKey::name, defs::sameConstraint, n -> scope.modelUsesName(model.schema(), n));
        return Decision.of(model.foreignKeys(), matched, defs::sameConstraint, affected, restorable, ForeignKey::name,
                scope.options.includeDrops());
    }

    /** A decision, less the constraints validated in place ({@code from} not valid, {@code to} valid). */
    record Validated<T>(Decision<T> decision, List<Change<Constraint>> validate) {
    }

    /**
     * Checks and foreign keys that differ in validity alone and that the model wants valid are validated
     * where they stand ({@code VALIDATE CONSTRAINT}, which checks the rows without blocking writes),
     * unless they must make way anyway. The other way, valid to not valid, stays a drop and an add.
     */
    static <T extends Constraint> Validated<T> validations(Decision<T> decision, Definitions defs, Predicate<T> affected) {
        List<T> drop = new ArrayList<>(decision.drop());
        List<T> add = new ArrayList<>(decision.add());
        List<Change<Constraint>> validate = new ArrayList<>();
        for (T m : decision.add()) {
            if (m.notValid()) continue;
            T d = drop.stream().filter(x -> x.notValid() && x.name().equals(m.name()) && !affected.test(x)
                    && defs.sameConstraint(Definitions.validated(x), m)).findFirst().orElse(null);
            if (d == null) continue;
            drop.remove(d);
            add.remove(m);
            validate.add(new Change<>(d, m));
        }
        return new Validated<>(new Decision<>(drop, add), validate);
    }

    /** Whether the table has a primary key, unique constraint or plain unique index on exactly these columns. */
    static boolean hasKey(Table t, Set<String> columns) {
        if (t.primaryKey() != null && Set.copyOf(t.primaryKey().columns()).equals(columns)) return true;
        if (t.uniques().stream().anyMatch(u -> Set.copyOf(u.columns()).equals(columns))) return true;
        return t.indexes().stream().anyMatch(ix -> ix.unique() && ix.where() == null
                && ix.columnNames().size() == ix.elements().size() && Set.copyOf(ix.columnNames()).equals(columns));
    }

    /**
     * The column lists of keys a foreign key can rely on that this table loses for a while: dropped
     * primary keys, unique constraints and plain unique indexes.
     */
    static List<Set<String>> droppedKeys(Decision<Constraint> keys, Decision<Index> indexes) {
        List<Set<String>> out = new ArrayList<>();
        for (Constraint c : keys.drop()) {
            if (c instanceof PrimaryKey || c instanceof UniqueConstraint) out.add(Set.copyOf(c.columns()));
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

    private static boolean standsOn(ExclusionConstraint x, Set<String> retyped) {
        if (overlaps(x.columns(), retyped)) return true;
        for (String col : retyped) {
            if (Definitions.mentions(x.where(), col)) return true;
            for (Index.Element e : x.elements()) {
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
