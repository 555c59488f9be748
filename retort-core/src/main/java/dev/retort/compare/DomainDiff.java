package dev.retort.compare;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.Domain;
import dev.retort.MetaData;
import dev.retort.SqlType;
import dev.retort.operations.Change;
import dev.retort.operations.DomainOps.AlterDomain;
import dev.retort.operations.DomainOps.CreateDomain;
import dev.retort.operations.DomainOps.DropDomain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Domains of the managed schemas. Default, NOT NULL, checks and comment change in place; another base
 * type or collation makes the domain again, which PostgreSQL refuses while a column uses it.
 */
final class DomainDiff {
    private DomainDiff() {
    }

    static void diff(MetaData model, MetaData database, Scope scope, Plan plan) {
        Map<String, Domain> wanted = managed(model, scope);
        Map<String, Domain> present = managed(database, scope);
        for (Domain m : basesFirst(wanted.values())) {
            Domain d = present.get(m.key());
            if (d == null) {
                plan.add(Plan.Phase.CREATE_DOMAINS, new CreateDomain(m, false));
            } else if (!scope.definitions.sameType(m.type(), d.type()) || !Objects.equals(m.collation(), d.collation())) {
                plan.add(Plan.Phase.CREATE_DOMAINS, new DropDomain(d, true));
                plan.add(Plan.Phase.CREATE_DOMAINS, new CreateDomain(m, true));
            } else if (!same(m, d, scope.definitions)) {
                plan.add(Plan.Phase.CREATE_DOMAINS, new AlterDomain(new Change<>(d, keepingUnchanged(m, d, scope.definitions))));
            }
        }
        if (scope.options.includeDrops()) {
            List<Domain> gone = new ArrayList<>(basesFirst(present.values().stream().filter(d -> !wanted.containsKey(d.key()))
                    .sorted(Comparator.comparing(Domain::key)).toList()));
            Collections.reverse(gone);
            for (Domain d : gone) {
                boolean calls = callsRoutine(d, database);
                plan.add(calls ? Plan.Phase.DROP_CALLING_DOMAINS : Plan.Phase.DROP_DOMAINS, new DropDomain(d, false));
            }
        }
    }

    /**
     * Whether the domain's checks or default mention a routine of the database: it then goes before the
     * routines are dropped (PostgreSQL refuses to drop a function a domain's check calls). Other domains
     * go after them, since a routine may take the domain as an argument.
     */
    private static boolean callsRoutine(Domain d, MetaData database) {
        for (dev.retort.Routine r : database.routines().values()) {
            if (Definitions.mentions(d.defaultExpr(), r.name())) return true;
            for (CheckConstraint c : d.checks()) {
                if (Definitions.mentions(c.expression(), r.name())) return true;
            }
        }
        return false;
    }

    /** A domain over another of these domains after it; otherwise in the order given. */
    private static List<Domain> basesFirst(Collection<Domain> domains) {
        List<Domain> left = new ArrayList<>(domains);
        List<Domain> out = new ArrayList<>();
        while (!left.isEmpty()) {
            Domain next = left.stream().filter(d -> left.stream().noneMatch(o -> o != d && isOver(d, o))).findFirst()
                    .orElse(left.get(0));
            left.remove(next);
            out.add(next);
        }
        return out;
    }

    /** Whether {@code d}'s base type is {@code base} (by name, as a native type; arrays of it too). */
    private static boolean isOver(Domain d, Domain base) {
        SqlType t = d.type() instanceof SqlType.Array a ? a.element() : d.type();
        return t instanceof SqlType.Native n && (n.sql().equals(base.name()) || n.sql().equals("\"" + base.name() + "\"")
                || n.sql().endsWith("." + base.name()));
    }

    /** Everything but base type and collation, which {@link #diff} compares first. */
    private static boolean same(Domain a, Domain b, Definitions defs) {
        return a.notNull() == b.notNull()
                && defs.sameDefault(Column.of("value", a.type()).withServerDefault(a.defaultExpr()),
                Column.of("value", b.type()).withServerDefault(b.defaultExpr()))
                && Definitions.sameComment(a.comment(), b.comment())
                && sameChecks(a.checks(), b.checks(), defs);
    }

    /**
     * The model's domain with the database's text for the default and checks that are the same by
     * definition, so that the change touches only what differs (re-adding an unchanged check would
     * check every row again, and PostgreSQL refuses it while an array column uses the domain).
     */
    private static Domain keepingUnchanged(Domain m, Domain d, Definitions defs) {
        boolean sameDefault = defs.sameDefault(Column.of("value", m.type()).withServerDefault(m.defaultExpr()),
                Column.of("value", d.type()).withServerDefault(d.defaultExpr()));
        Map<String, CheckConstraint> present = new LinkedHashMap<>();
        d.checks().forEach(c -> present.put(c.name(), c));
        List<CheckConstraint> checks = m.checks().stream().map(c -> {
            CheckConstraint p = present.get(c.name());
            return p != null && defs.sameConstraint(c, p) ? p : c;
        }).toList();
        return new Domain(m.schema(), m.name(), m.type(), sameDefault ? d.defaultExpr() : m.defaultExpr(), m.notNull(), checks,
                m.collation(), Definitions.sameComment(m.comment(), d.comment()) ? d.comment() : m.comment());
    }

    /** Checks by name, each with the same expression. */
    static boolean sameChecks(List<CheckConstraint> a, List<CheckConstraint> b, Definitions defs) {
        if (a.size() != b.size()) return false;
        Map<String, CheckConstraint> byName = new LinkedHashMap<>();
        b.forEach(c -> byName.put(c.name(), c));
        for (CheckConstraint c : a) {
            CheckConstraint other = byName.get(c.name());
            if (other == null || !defs.sameConstraint(c, other)) return false;
        }
        return true;
    }

    private static Map<String, Domain> managed(MetaData md, Scope scope) {
        Map<String, Domain> out = new LinkedHashMap<>();
        md.domains().values().stream().filter(d -> scope.options.manages(d.schema())).forEach(d -> out.put(d.key(), d));
        return out;
    }
}
