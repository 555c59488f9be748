package dev.retort.compare;

import dev.retort.ForeignKey;
import dev.retort.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The order in which a set of tables can be created: every table after the tables its foreign keys
 * refer to. Ties go to the earlier table of the given order, so the result is deterministic. When the
 * keys form a cycle, the earliest waiting table is created anyway and its keys into tables not created
 * yet are deferred, to be added once every table exists. A key to the table itself never waits. Read
 * backwards, the same order drops the tables, with the deferred keys dropped first.
 *
 * @param tables   the tables in creation order
 * @param deferred foreign keys (by table key) left out of their table because their target comes later
 */
record TableOrder(List<Table> tables, Map<String, List<ForeignKey>> deferred) {

    /** Orders {@code tables}, given in their tie-breaking order. Keys to tables outside the set are ignored. */
    static TableOrder of(List<Table> given) {
        List<Table> tables = new ArrayList<>(given);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) position.put(tables.get(i).key(), i);
        // waitingOn[i]: tables i refers to that are not created yet; dependants[j]: tables waiting on j.
        List<Set<Integer>> waitingOn = new ArrayList<>();
        List<List<Integer>> dependants = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            waitingOn.add(new HashSet<>());
            dependants.add(new ArrayList<>());
        }
        for (int i = 0; i < tables.size(); i++) {
            for (ForeignKey fk : tables.get(i).foreignKeys()) {
                Integer target = position.get(fk.referredKey());
                if (target != null && target != i && waitingOn.get(i).add(target)) dependants.get(target).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        Set<Integer> pending = new HashSet<>();
        for (int i = 0; i < tables.size(); i++) {
            if (waitingOn.get(i).isEmpty()) ready.add(i); else pending.add(i);
        }
        List<Table> order = new ArrayList<>();
        Map<String, List<ForeignKey>> deferred = new LinkedHashMap<>();
        boolean[] created = new boolean[tables.size()];
        while (order.size() < tables.size()) {
            int next;
            if (!ready.isEmpty()) {
                next = ready.poll();
            } else {
                // A cycle: break it at the earliest waiting table.
                next = pending.stream().min(Integer::compare).orElseThrow();
                Table t = tables.get(next);
                List<ForeignKey> late = new ArrayList<>();
                List<ForeignKey> kept = new ArrayList<>();
                for (ForeignKey fk : t.foreignKeys()) {
                    Integer target = position.get(fk.referredKey());
                    if (target != null && target != next && !created[target]) late.add(fk); else kept.add(fk);
                }
                deferred.put(t.key(), late);
                tables.set(next, TableEdits.withForeignKeys(t, kept));
            }
            pending.remove(next);
            created[next] = true;
            order.add(tables.get(next));
            for (int d : dependants.get(next)) {
                Set<Integer> w = waitingOn.get(d);
                if (w.remove(next) && w.isEmpty() && !created[d]) {
                    pending.remove(d);
                    ready.add(d);
                }
            }
        }
        return new TableOrder(order, deferred);
    }
}
