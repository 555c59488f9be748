package dev.retort.compare;

import dev.retort.operations.Operation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Operations gathered by phase; the phases' order is the dependency order of the whole diff. Within a
 * phase, operations keep the order they were added in, which the differ makes deterministic (model
 * order, then name).
 */
final class Plan {

    enum Phase {
        CREATE_SCHEMAS,
        /** Before anything else, so that the rest of the diff acts on the new names. */
        RENAMES,
        /**
         * Triggers, policies and views removed, changed, or standing on a table, column, view or routine
         * that the diff drops or changes (dependants before what they depend on); routines made again.
         */
        DROP_DEPENDENTS,
        /** Foreign keys first: they may depend on the keys, columns and tables dropped below. */
        DROP_FOREIGN_KEYS,
        /**
         * Referencing tables before the tables they refer to; before the keys below, since a dropped
         * table's foreign key may rely on one of them.
         */
        DROP_TABLES,
        /** Keys, checks and indexes removed, changed, or standing on a column whose type changes. */
        DROP_CONSTRAINTS,
        /** Enum types and new labels, before any column uses them. */
        CREATE_ENUMS,
        /** Before the columns whose defaults draw on them. */
        CREATE_SEQUENCES,
        /** Routines that defaults, checks, generated columns or indexes of the tables, or checks of domains, call. */
        CREATE_ROUTINES,
        /**
         * Domains created, changed, or made again on a new base type: after the enum types they may be over
         * and the routines their checks call, before any column uses them.
         */
        CREATE_DOMAINS,
        /** Per existing table: drop, add and alter columns, then its comment, keys, checks and indexes. */
        ALTER_TABLES,
        /** After the existing tables reached their new shape, so that keys the new tables refer to exist. */
        CREATE_TABLES,
        /** Once every table and key exists: new and changed keys, and those deferred to break cycles. */
        ADD_FOREIGN_KEYS,
        /** Once no default or column change needs the old labels. */
        REMOVE_ENUM_VALUES,
        /** Every table in its final shape: the other routines and the views, in dependency order. */
        CREATE_BODIES,
        /** Triggers, row-level security and policies, once their tables, views and functions exist. */
        CREATE_TRIGGERS_AND_POLICIES,
        /** Domains removed whose checks or default call a routine: before the routine goes. */
        DROP_CALLING_DOMAINS,
        /** Routines removed, once nothing (a default, a trigger, a view) uses them. */
        DROP_ROUTINES,
        /** Once no column uses them; before the enum types they may be over. */
        DROP_DOMAINS,
        /** Once no column uses them. */
        DROP_ENUMS,
        /** Once no default draws on them. */
        DROP_SEQUENCES
    }

    private final Map<Phase, List<Operation>> phases = new EnumMap<>(Phase.class);

    void add(Phase phase, Operation op) {
        phases.computeIfAbsent(phase, p -> new ArrayList<>()).add(op);
    }

    void addAll(Phase phase, List<? extends Operation> ops) {
        ops.forEach(op -> add(phase, op));
    }

    List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        for (Phase p : Phase.values()) all.addAll(phases.getOrDefault(p, List.of()));
        return all;
    }
}
