package dev.retort.compare;

import dev.retort.ForeignKey;
import dev.retort.Table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order in which a set of tables can be created: every table after the tables its foreign keys
 * refer to. Ties go to the earlier table of the given order, so the result is deterministic. When the
 * keys form a cycle, one table of the cycle is created anyway and its keys into the tables not created
 * yet are deferred, to be added once every table exists; the table chosen is the earliest one waiting
 * only on tables of its own cycle, so no key is deferred that need not be. A key to the table itself
 * never waits. Read backwards, the same order drops the tables, with the deferred keys dropped first.
 *
 * @param tables   the tables in creation order, deferred keys left out
 * @param deferred foreign keys (by table key) left out of their table because their target comes later
 */
record TableOrder(List<Table> tables, Map<String, List<ForeignKey>> deferred) {

    /** Orders {@code given}, listed in their tie-breaking order. Keys to tables outside the set are ignored. */
    static TableOrder of(List<Table> given) {
        List<Table> tables = new ArrayList<>(given);
        int n = tables.size();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < n; i++) position.put(tables.get(i).key(), i);
        List<Set<Integer>> refersTo = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<Integer> targets = new TreeSet<>();
            for (ForeignKey fk : tables.get(i).foreignKeys()) {
                Integer target = position.get(fk.referredKey());
                if (target != null && target != i) targets.add(target);
            }
            refersTo.add(targets);
        }
        int[] component = Components.of(refersTo);
        List<Set<Integer>> waitingOn = new ArrayList<>();
        List<List<Integer>> dependants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waitingOn.add(new TreeSet<>(refersTo.get(i)));
            dependants.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int t : refersTo.get(i)) dependants.get(t).add(i);
        }

        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) if (waitingOn.get(i).isEmpty()) ready.add(i);
        boolean[] created = new boolean[n];
        List<Table> order = new ArrayList<>();
        Map<String, List<ForeignKey>> deferred = new LinkedHashMap<>();
        while (order.size() < n) {
            int next;
            if (!ready.isEmpty()) {
                next = ready.poll();
            } else {
                next = breakCycle(created, waitingOn, component);
                Table t = tables.get(next);
                List<ForeignKey> late = new ArrayList<>();
                List<ForeignKey> kept = new ArrayList<>();
                for (ForeignKey fk : t.foreignKeys()) {
                    Integer target = position.get(fk.referredKey());
                    if (target != null && target != next && !created[target]) late.add(fk); else kept.add(fk);
                }
                deferred.put(t.key(), late);
                tables.set(next, TableEdits.withForeignKeys(t, kept));
                waitingOn.get(next).clear();
            }
            created[next] = true;
            order.add(tables.get(next));
            for (int d : dependants.get(next)) {
                Set<Integer> w = waitingOn.get(d);
                if (w.remove(next) && w.isEmpty() && !created[d]) ready.add(d);
            }
        }
        return new TableOrder(order, deferred);
    }

    /**
     * The earliest table not created yet that waits only on tables of its own cycle. One exists whenever
     * nothing is ready: among the cycles left, some cycle waits on no other.
     */
    private static int breakCycle(boolean[] created, List<Set<Integer>> waitingOn, int[] component) {
        for (int i = 0; i < created.length; i++) {
            if (created[i]) continue;
            int own = component[i];
            if (waitingOn.get(i).stream().allMatch(t -> component[t] == own)) return i;
        }
        throw new IllegalStateException("no table to break a foreign-key cycle at");
    }

    /** Strongly connected components (Tarjan's algorithm, iterative so that long chains cannot overflow the stack). */
    static final class Components {
        private record Frame(int node, Iterator<Integer> targets) {
        }

        private Components() {
        }

        /** The component number of each node of the graph given by each node's targets. */
        static int[] of(List<Set<Integer>> edges) {
            int n = edges.size();
            int[] index = new int[n];
            int[] low = new int[n];
            int[] component = new int[n];
            boolean[] onStack = new boolean[n];
            Arrays.fill(index, -1);
            Deque<Integer> stack = new ArrayDeque<>();
            int counter = 0;
            int components = 0;
            for (int root = 0; root < n; root++) {
                if (index[root] >= 0) continue;
                Deque<Frame> frames = new ArrayDeque<>();
                index[root] = low[root] = counter++;
                stack.push(root);
                onStack[root] = true;
                frames.push(new Frame(root, edges.get(root).iterator()));
                while (!frames.isEmpty()) {
                    Frame frame = frames.peek();
                    int v = frame.node();
                    if (frame.targets().hasNext()) {
                        int w = frame.targets().next();
                        if (index[w] < 0) {
                            index[w] = low[w] = counter++;
                            stack.push(w);
                            onStack[w] = true;
                            frames.push(new Frame(w, edges.get(w).iterator()));
                        } else if (onStack[w]) {
                            low[v] = Math.min(low[v], index[w]);
                        }
                        continue;
                    }
                    frames.pop();
                    if (!frames.isEmpty()) {
                        int parent = frames.peek().node();
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack.pop();
                            onStack[w] = false;
                            component[w] = components;
                        } while (w != v);
                        components++;
                    }
                }
            }
            return component;
        }
    }
}
