package dev.retort.compare;

import dev.retort.Column;
import dev.retort.Domain;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.RowSecurity;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.Trigger;
import dev.retort.View;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps.RenameColumn;
import dev.retort.operations.IndexOps.CreateIndex;
import dev.retort.operations.IndexOps.DropIndex;
import dev.retort.operations.Operation;
import dev.retort.operations.PolicyOps.AlterPolicy;
import dev.retort.operations.PolicyOps.CreatePolicy;
import dev.retort.operations.PolicyOps.DropPolicy;
import dev.retort.operations.PolicyOps.SetRowSecurity;
import dev.retort.operations.RoutineOps.CreateRoutine;
import dev.retort.operations.RoutineOps.DropRoutine;
import dev.retort.operations.RoutineOps.ReplaceRoutine;
import dev.retort.operations.TableOps.RenameTable;
import dev.retort.operations.TriggerOps.AlterTrigger;
import dev.retort.operations.TriggerOps.CreateTrigger;
import dev.retort.operations.TriggerOps.DropTrigger;
import dev.retort.operations.ViewOps.AlterView;
import dev.retort.operations.ViewOps.CreateView;
import dev.retort.operations.ViewOps.DropView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Views, routines, triggers, policies and row-level security of the managed schemas.
 *
 * <p>Each kind is matched by key and compared in the database's canonical form ({@link Canonical}).
 * What PostgreSQL can change in place is altered (a routine through {@code CREATE OR REPLACE}, a
 * policy's roles and conditions, options and comments); anything else is dropped and created again.
 *
 * <p>PostgreSQL refuses to drop or retype what a view, trigger or policy depends on, and to drop a view
 * or routine others depend on. So an unchanged object that stands on something the diff drops or
 * changes makes way: it is dropped first and created again last (both operations marked as a
 * replacement). What an object stands on is judged from its text: a view on a column when it mentions
 * both the table and the column, on a view or routine when it mentions its name. A false hit only costs
 * a needless drop and create.
 */
final class ProgramDiff {
    private final Scope scope;
    private final Plan plan;
    private final Canonical canon;
    private final BodyDefinitions defs;
    private final boolean drops;

    private final Map<String, View> modelViews;
    private final Map<String, View> dbViews;
    /** Model routines by the key of their canonical form, which is how the database names them. */
    private final Map<String, Routine> modelRoutines = new LinkedHashMap<>();
    private final Map<String, Routine> dbRoutines;
    private final Map<String, Trigger> modelTriggers;
    private final Map<String, Trigger> dbTriggers;
    private final Map<String, Policy> modelPolicies;
    private final Map<String, Policy> dbPolicies;
    private final Map<String, RowSecurity> modelRls;
    private final Map<String, RowSecurity> dbRls;
    private final List<Domain> modelDomains;

    /** What the diff drops or changes under the dependants: table keys, columns by table key, view keys, routine names. */
    private final Set<String> goneTables = new HashSet<>();
    private final Map<String, Set<String>> changedColumns = new HashMap<>();
    private final Set<String> goneViews = new LinkedHashSet<>();
    private final Set<String> goneRoutineNames = new HashSet<>();

    private ProgramDiff(MetaData model, MetaData database, Scope scope, Plan plan, List<Operation> renames) {
        this.scope = scope;
        this.plan = plan;
        this.canon = scope.options.canonical();
        this.defs = new BodyDefinitions(scope.options.normaliser(), canon.exact());
        this.drops = scope.options.includeDrops();
        modelViews = managed(model.views(), View::schema);
        modelDomains = List.copyOf(managed(model.domains(), Domain::schema).values());
        dbViews = managed(database.views(), View::schema);
        for (Routine r : managed(model.routines(), Routine::schema).values()) {
            Routine other = modelRoutines.put(canon.routine(r).key(), r);
            if (other != null) {
                throw new IllegalArgumentException(r.what() + "s " + other.key() + " and " + r.key()
                        + " are the same " + r.what() + " to the database (" + canon.routine(r).key() + ")");
            }
        }
        dbRoutines = managed(database.routines(), Routine::schema);
        modelTriggers = managed(model.triggers(), Trigger::schema);
        dbTriggers = renamed(managed(database.triggers(), Trigger::schema), renames, Trigger::key, this::renameTrigger);
        modelPolicies = managed(model.policies(), Policy::schema);
        dbPolicies = renamed(managed(database.policies(), Policy::schema), renames, Policy::key, ProgramDiff::renamePolicy);
        modelRls = managed(model.rowSecurity(), RowSecurity::schema);
        dbRls = renamed(managed(database.rowSecurity(), RowSecurity::schema), renames, RowSecurity::tableKey,
                ProgramDiff::renameRls);
    }

    static void diff(MetaData model, MetaData database, Scope scope, Plan plan, TableChanges changes, List<Operation> renames) {
        ProgramDiff d = new ProgramDiff(model, database, scope, plan, renames);
        if (d.isEmpty()) return;
        d.checkReferences();
        d.run(database, changes);
    }

    private boolean isEmpty() {
        return modelViews.isEmpty() && dbViews.isEmpty() && modelRoutines.isEmpty() && dbRoutines.isEmpty()
                && modelTriggers.isEmpty() && dbTriggers.isEmpty() && modelPolicies.isEmpty() && dbPolicies.isEmpty()
                && modelRls.isEmpty() && dbRls.isEmpty();
    }

    private <T> Map<String, T> managed(Map<String, T> all, Function<T, String> schema) {
        Map<String, T> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (scope.options.manages(schema.apply(v))) out.put(k, v);
        });
        return out;
    }

    // ---- renames declared by the model: the database's triggers, policies and switches follow their table

    private static <T> Map<String, T> renamed(Map<String, T> in, List<Operation> renames, Function<T, String> key,
                                              RenameStep<T> step) {
        if (renames.isEmpty()) return in;
        Map<String, T> out = new LinkedHashMap<>();
        for (T v : in.values()) {
            T moved = v;
            for (Operation op : renames) moved = step.apply(moved, op);
            out.put(key.apply(moved), moved);
        }
        return out;
    }

    private interface RenameStep<T> {
        T apply(T value, Operation rename);
    }

    private Trigger renameTrigger(Trigger t, Operation op) {
        if (op instanceof RenameTable r && Objects.equals(r.schema(), t.schema()) && r.from().equals(t.table())) {
            return t.withTable(r.to());
        }
        if (op instanceof RenameColumn r && Objects.equals(r.schema(), t.schema()) && r.table().equals(t.table())
                && t.updateColumns().contains(r.from())) {
            List<String> cols = t.updateColumns().stream().map(c -> c.equals(r.from()) ? r.to() : c).toList();
            return new Trigger(t.schema(), t.table(), t.name(), t.timing(), t.events(), cols, t.forEachRow(), t.when(),
                    t.functionSchema(), t.function(), t.arguments(), t.constraint(), t.deferrable(), t.initiallyDeferred(),
                    t.oldTable(), t.newTable(), t.comment());
        }
        return t;
    }

    private static Policy renamePolicy(Policy p, Operation op) {
        if (op instanceof RenameTable r && Objects.equals(r.schema(), p.schema()) && r.from().equals(p.table())) {
            return p.withTable(r.to());
        }
        return p;
    }

    private static RowSecurity renameRls(RowSecurity s, Operation op) {
        if (op instanceof RenameTable r && Objects.equals(r.schema(), s.schema()) && r.from().equals(s.table())) {
            return s.withTable(r.to());
        }
        return s;
    }

    // ---- the model must hold what its objects hang on

    private void checkReferences() {
        for (Trigger t : modelTriggers.values()) {
            if (!scope.model.containsKey(t.tableKey()) && !modelViews.containsKey(t.tableKey())) {
                throw new IllegalArgumentException("trigger " + t.name() + " is on " + t.tableKey()
                        + ", which is not a table or view of the model");
            }
            boolean defined = modelRoutines.values().stream()
                    .anyMatch(r -> r.name().equals(t.function()) && Objects.equals(r.schema(), t.functionSchema()));
            if (scope.options.manages(t.functionSchema()) && !defined) {
                throw new IllegalArgumentException("trigger " + t.name() + " on " + t.table() + " runs function "
                        + (t.functionSchema() == null ? "" : t.functionSchema() + ".") + t.function()
                        + ", which is not a function of the model");
            }
        }
        for (Policy p : modelPolicies.values()) {
            if (!scope.model.containsKey(p.tableKey())) {
                throw new IllegalArgumentException("policy " + p.name() + " is on " + p.tableKey() + ", which is not a table of the model");
            }
        }
        for (RowSecurity r : modelRls.values()) {
            if (!scope.model.containsKey(r.tableKey())) {
                throw new IllegalArgumentException("row-level security is set on " + r.tableKey() + ", which is not a table of the model");
            }
        }
    }

    // ---- the decisions

    /** A database object dropped, and the model's (or its own, kept) created again in its place. */
    private record Remade<T>(T database, T model) {
    }

    private final List<Routine> routinesCreated = new ArrayList<>();
    private final List<Change<Routine>> routinesReplaced = new ArrayList<>();
    private final List<Remade<Routine>> routinesRemade = new ArrayList<>();
    private final List<Routine> routinesDropped = new ArrayList<>();

    private final List<View> viewsCreated = new ArrayList<>();
    private final Map<String, Remade<View>> viewsRemade = new LinkedHashMap<>();
    private final List<View> viewsDropped = new ArrayList<>();
    /** Views compared equal but for options, comment or indexes: changed in place unless they must make way. */
    private final Map<String, View> viewsKept = new LinkedHashMap<>();

    private void run(MetaData database, TableChanges changes) {
        goneTables.addAll(changes.droppedTables());
        changes.columns().forEach((k, v) -> changedColumns.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
        rebuiltEnumColumns(database);
        decideRoutines();
        decideViews();
        makeWay();
        List<Operation> dropDependents = new ArrayList<>();
        List<Operation> createLast = new ArrayList<>();
        triggersAndPolicies(dropDependents, createLast);
        emit(dropDependents, createLast);
    }

    /**
     * Columns of an enum type that loses or moves labels: the type is rebuilt and every column of it
     * converted, which PostgreSQL refuses under a view or policy as it refuses a type change.
     */
    private void rebuiltEnumColumns(MetaData database) {
        if (!drops) return;
        Map<String, List<String>> wanted = new HashMap<>();
        for (Table t : scope.model.values()) {
            for (SqlType.Enum e : t.enumTypes()) wanted.put(e.key(), e.labels());
        }
        Set<String> rebuilt = new HashSet<>();
        for (SqlType.Enum e : database.enums()) {
            List<String> target = wanted.get(e.key());
            if (target != null && !EnumDiff.commonSubsequence(e.labels(), target).containsAll(e.labels())) rebuilt.add(e.key());
        }
        if (rebuilt.isEmpty()) return;
        for (Table t : scope.database.values()) {
            for (Column c : t.columns()) {
                SqlType type = c.type() instanceof SqlType.Array a ? a.element() : c.type();
                if (type instanceof SqlType.Enum e && rebuilt.contains(e.key())) {
                    changedColumns.computeIfAbsent(t.key(), x -> new HashSet<>()).add(c.name());
                }
            }
        }
    }

    private void decideRoutines() {
        for (Map.Entry<String, Routine> e : modelRoutines.entrySet()) {
            Routine m = e.getValue();
            Routine c = canon.routine(m);
            Routine d = dbRoutines.get(e.getKey());
            if (d == null) {
                routinesCreated.add(m);
            } else if (!defs.sameRoutine(c, d) || !Definitions.sameComment(c.comment(), d.comment())) {
                if (defs.replaceable(d, c)) {
                    routinesReplaced.add(new Change<>(d, m));
                } else {
                    routinesRemade.add(new Remade<>(d, m));
                    goneRoutineNames.add(d.name());
                }
            }
        }
        if (!drops) return;
        dbRoutines.values().stream().filter(d -> !modelRoutines.containsKey(d.key()))
                .sorted(Comparator.comparing(Routine::key)).forEach(d -> {
                    routinesDropped.add(d);
                    goneRoutineNames.add(d.name());
                });
    }

    private void decideViews() {
        for (View m : modelViews.values()) {
            View d = dbViews.get(m.key());
            if (d == null) {
                viewsCreated.add(m);
            } else if (!defs.sameView(canon.view(m), d)) {
                remakeView(d, m);
            } else {
                viewsKept.put(m.key(), m);
            }
        }
        for (View d : dbViews.values()) {
            if (modelViews.containsKey(d.key())) continue;
            if (drops) {
                viewsDropped.add(d);
                goneViews.add(d.key());
            } else {
                viewsKept.put(d.key(), d);
            }
        }
    }

    private void remakeView(View database, View model) {
        viewsRemade.put(database.key(), new Remade<>(database, model));
        goneViews.add(database.key());
    }

    /** Kept views that stand on something dropped or changed are made again, until none is left. */
    private void makeWay() {
        boolean more = true;
        while (more) {
            more = false;
            for (String key : List.copyOf(viewsKept.keySet())) {
                View d = dbViews.get(key);
                if (standsOn(d.definition(), d.schema(), null, d.key())) {
                    View kept = viewsKept.remove(key);
                    remakeView(d, kept);
                    more = true;
                }
            }
        }
    }

    /**
     * Whether a text of an object in {@code schema} (on table {@code ownTable}, for a trigger or a policy)
     * mentions something the diff drops or changes: a dropped table, a changed column (its table named too,
     * unless it is the object's own), a view made again or dropped, a routine made again or dropped.
     */
    private boolean standsOn(String text, String schema, String ownTable, String self) {
        if (text == null) return false;
        for (String t : goneTables) {
            if (Definitions.mentions(text, nameOf(t))) return true;
        }
        for (Map.Entry<String, Set<String>> e : changedColumns.entrySet()) {
            boolean own = e.getKey().equals(ownTable);
            if (!own && !Definitions.mentions(text, nameOf(e.getKey()))) continue;
            for (String c : e.getValue()) {
                if (Definitions.mentions(text, c)) return true;
            }
        }
        for (String v : goneViews) {
            if (!v.equals(self) && Definitions.mentions(text, nameOf(v))) return true;
        }
        for (String r : goneRoutineNames) {
            if (Definitions.mentions(text, r)) return true;
        }
        return false;
    }

    private static String nameOf(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    private void triggersAndPolicies(List<Operation> dropDependents, List<Operation> createLast) {
        // Row-level security: off before a table is dropped (so that the inverse turns it on again), else set last.
        Set<String> tables = new LinkedHashSet<>(scope.model.keySet());
        tables.addAll(dbRls.keySet());
        tables.retainAll(new HashSet<>(concat(scope.model.keySet(), scope.database.keySet())));
        for (String key : tables) {
            RowSecurity d = dbRls.get(key);
            if (goneTables.contains(key)) {
                if (d != null && (d.enabled() || d.forced())) {
                    dropDependents.add(new SetRowSecurity(new Change<>(d, new RowSecurity(d.schema(), d.table(), false, false))));
                }
                continue;
            }
            Table table = scope.model.get(key);
            if (table == null) continue;
            RowSecurity m = modelRls.getOrDefault(key, new RowSecurity(table.schema(), table.name(), false, false));
            RowSecurity was = d != null ? d : new RowSecurity(table.schema(), table.name(), false, false);
            if (m.enabled() != was.enabled() || m.forced() != was.forced()) {
                createLast.add(new SetRowSecurity(new Change<>(was, m)));
            }
        }
        policies(dropDependents, createLast);
        triggers(dropDependents, createLast);
    }

    private void policies(List<Operation> dropDependents, List<Operation> createLast) {
        for (Policy m : modelPolicies.values()) {
            Policy d = dbPolicies.get(m.key());
            Policy c = canon.policy(m);
            if (d == null) {
                createLast.add(new CreatePolicy(m, false));
            } else if (!BodyDefinitions.alterable(d, c) || policyStandsOn(d)) {
                dropDependents.add(new DropPolicy(d, true));
                createLast.add(new CreatePolicy(m, true));
            } else if (!defs.samePolicy(c, d) || !Definitions.sameComment(c.comment(), d.comment())) {
                createLast.add(new AlterPolicy(new Change<>(d, m)));
            }
        }
        for (Policy d : sortedByKey(dbPolicies.values(), Policy::key)) {
            if (modelPolicies.containsKey(d.key())) continue;
            if (drops) {
                dropDependents.add(new DropPolicy(d, false));
            } else if (policyStandsOn(d)) {
                dropDependents.add(new DropPolicy(d, true));
                createLast.add(new CreatePolicy(d, true));
            }
        }
    }

    private boolean policyStandsOn(Policy p) {
        return standsOn(p.using(), p.schema(), p.tableKey(), null) || standsOn(p.withCheck(), p.schema(), p.tableKey(), null);
    }

    private void triggers(List<Operation> dropDependents, List<Operation> createLast) {
        for (Trigger m : modelTriggers.values()) {
            Trigger d = dbTriggers.get(m.key());
            Trigger c = canon.trigger(m);
            if (d == null) {
                createLast.add(new CreateTrigger(m, false));
            } else if (!defs.sameTrigger(c, d) || triggerStandsOn(d)) {
                dropDependents.add(new DropTrigger(d, true));
                createLast.add(new CreateTrigger(m, true));
            } else if (!Definitions.sameComment(c.comment(), d.comment())) {
                createLast.add(new AlterTrigger(new Change<>(d, m)));
            }
        }
        for (Trigger d : sortedByKey(dbTriggers.values(), Trigger::key)) {
            if (modelTriggers.containsKey(d.key())) continue;
            if (drops) {
                dropDependents.add(new DropTrigger(d, false));
            } else if (triggerStandsOn(d)) {
                dropDependents.add(new DropTrigger(d, true));
                createLast.add(new CreateTrigger(d, true));
            }
        }
    }

    /** On a view made again, running a routine made again, or on columns the diff changes. */
    private boolean triggerStandsOn(Trigger t) {
        if (goneViews.contains(t.tableKey())) return true;
        if (goneRoutineNames.contains(t.function())) return true;
        Set<String> cols = changedColumns.getOrDefault(t.tableKey(), Set.of());
        if (t.updateColumns().stream().anyMatch(cols::contains)) return true;
        return standsOn(t.when(), t.schema(), t.tableKey(), null);
    }

    // ---- the operations, phase by phase

    private void emit(List<Operation> dropDependents, List<Operation> createLast) {
        // Dependants first: triggers and policies, then views (those on other views before them), then routines.
        List<Operation> dropTriggersPolicies = new ArrayList<>();
        List<Operation> dropRls = new ArrayList<>();
        for (Operation op : dropDependents) {
            if (op instanceof SetRowSecurity) dropRls.add(op); else dropTriggersPolicies.add(op);
        }
        plan.addAll(Plan.Phase.DROP_DEPENDENTS, dropTriggersPolicies);
        plan.addAll(Plan.Phase.DROP_DEPENDENTS, dropRls);
        List<View> viewDrops = new ArrayList<>(viewsDropped);
        viewsRemade.values().forEach(r -> viewDrops.add(r.database()));
        for (View v : dependantsFirst(viewDrops)) {
            plan.add(Plan.Phase.DROP_DEPENDENTS, new DropView(v, viewsRemade.containsKey(v.key())));
        }
        routinesRemade.forEach(r -> plan.add(Plan.Phase.DROP_DEPENDENTS, new DropRoutine(r.database(), true)));

        // Routines that the tables' defaults, checks, generated columns or indexes call come before the tables.
        Set<String> early = routinesTablesCall();
        List<Operation> bodies = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (Routine r : routinesCreated) routineNode(r, new CreateRoutine(r, false), early, nodes);
        for (Change<Routine> c : routinesReplaced) routineNode(c.to(), new ReplaceRoutine(c), early, nodes);
        for (Remade<Routine> r : routinesRemade) routineNode(r.model(), new CreateRoutine(r.model(), true), early, nodes);
        for (View v : viewsCreated) nodes.add(new Node(v.name(), v.definition(), new CreateView(v, false)));
        for (Remade<View> r : viewsRemade.values()) nodes.add(new Node(r.model().name(), r.model().definition(), new CreateView(r.model(), true)));
        for (Node n : inDependencyOrder(nodes)) bodies.add(n.operation());
        for (View m : viewsKept.values()) alterKeptView(m, bodies);
        plan.addAll(Plan.Phase.CREATE_BODIES, bodies);
        plan.addAll(Plan.Phase.CREATE_TRIGGERS_AND_POLICIES, createLast);
        routinesDropped.forEach(r -> plan.add(Plan.Phase.DROP_ROUTINES, new DropRoutine(r, false)));
    }

    private void routineNode(Routine r, Operation op, Set<String> early, List<Node> nodes) {
        if (early.contains(r.name())) plan.add(Plan.Phase.CREATE_ROUTINES, op);
        else nodes.add(new Node(r.name(), r.body(), op));
    }

    /** Names of model routines that a model table's or domain's expressions mention: created before both. */
    private Set<String> routinesTablesCall() {
        Set<String> names = new HashSet<>();
        modelRoutines.values().forEach(r -> names.add(r.name()));
        Set<String> called = new HashSet<>();
        for (Table t : scope.model.values()) {
            List<String> texts = new ArrayList<>();
            for (Column c : t.columns()) {
                texts.add(c.serverDefault());
                texts.add(c.computed());
            }
            t.checks().forEach(ck -> texts.add(ck.expression()));
            t.exclusions().forEach(x -> {
                texts.add(x.where());
                x.elements().forEach(e -> texts.add(e.expression()));
            });
            for (Index ix : t.indexes()) {
                texts.add(ix.where());
                ix.elements().forEach(e -> texts.add(e.expression()));
            }
            mentioned(texts, names, called);
        }
        for (Domain d : modelDomains) {
            List<String> texts = new ArrayList<>();
            texts.add(d.defaultExpr());
            d.checks().forEach(c -> texts.add(c.expression()));
            mentioned(texts, names, called);
        }
        return called;
    }

    private static void mentioned(List<String> texts, Set<String> names, Set<String> called) {
        for (String text : texts) {
            if (text == null) continue;
            for (String n : names) {
                if (Definitions.mentions(text, n)) called.add(n);
            }
        }
    }

    /** A view kept: its options and comment changed in place, its indexes (a materialized view's) by name. */
    private void alterKeptView(View m, List<Operation> out) {
        View d = dbViews.get(m.key());
        if (d == null || d == m) return;
        View c = canon.view(m);
        if (!defs.sameViewOptions(c, d) || !Definitions.sameComment(c.comment(), d.comment())) {
            out.add(new AlterView(new Change<>(d, m)));
        }
        if (!m.materialized()) return;
        Matching.Result<Index> matched = Matching.match(c.indexes(), d.indexes(), Index::name, scope.definitions::sameIndex,
                n -> false);
        Map<String, Index> modelIndexes = new HashMap<>();
        m.indexes().forEach(i -> modelIndexes.put(i.name(), i));
        Decision<Index> decision = Decision.of(c.indexes(), matched, scope.definitions::sameIndex, i -> false, Index::name, drops);
        decision.drop().forEach(i -> out.add(new DropIndex(d.schema(), d.name(), i)));
        decision.add().forEach(i -> out.add(new CreateIndex(m.schema(), m.name(), modelIndexes.getOrDefault(i.name(), i))));
    }

    /** Views ordered so that each comes before those it mentions (dropped in this order). */
    private static List<View> dependantsFirst(List<View> views) {
        List<Node> nodes = new ArrayList<>();
        List<View> sorted = new ArrayList<>(views);
        sorted.sort(Comparator.comparing(View::key));
        for (View v : sorted) nodes.add(new Node(v.name(), v.definition(), new DropView(v, false)));
        List<View> out = new ArrayList<>();
        for (Node n : inDependencyOrder(nodes)) out.add(0, ((DropView) n.operation()).view());
        return out;
    }

    /** An object to create, with the name others mention it by and the text in which it mentions others. */
    private record Node(String name, String text, Operation operation) {
    }

    /**
     * The nodes with every one after those whose names its text mentions; ties, and the members of a
     * cycle (which only a false mention can make), keep the given order.
     */
    private static List<Node> inDependencyOrder(List<Node> nodes) {
        int n = nodes.size();
        List<Set<Integer>> waitsOn = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<Integer> w = new HashSet<>();
            for (int j = 0; j < n; j++) {
                if (i != j && !nodes.get(i).name().equals(nodes.get(j).name())
                        && Definitions.mentions(nodes.get(i).text(), nodes.get(j).name())) {
                    w.add(j);
                }
            }
            waitsOn.add(w);
        }
        boolean[] done = new boolean[n];
        List<Node> out = new ArrayList<>();
        while (out.size() < n) {
            int next = -1;
            for (int i = 0; i < n && next < 0; i++) {
                if (!done[i] && waitsOn.get(i).stream().allMatch(j -> done[j])) next = i;
            }
            if (next < 0) {
                for (int i = 0; i < n && next < 0; i++) if (!done[i]) next = i;
            }
            done[next] = true;
            out.add(nodes.get(next));
        }
        return out;
    }

    private static <T> List<T> sortedByKey(java.util.Collection<T> values, Function<T, String> key) {
        List<T> out = new ArrayList<>(values);
        out.sort(Comparator.comparing(key));
        return out;
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
