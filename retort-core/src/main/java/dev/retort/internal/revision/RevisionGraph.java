package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revisions of a migrations directory as a graph: each revision points at the ones it follows
 * (its down revisions). Building it checks that the ids are unique, that every down revision exists and
 * that there is no cycle, so every other method can rely on a well-formed graph.
 *
 * <p>A <em>state</em> is a set of applied revisions, given by its heads; the applied set is the heads
 * and all their ancestors. A merge revision is applied once all its parents are. Targets name a state:
 * see {@link #resolve(String, Collection)}.
 */
public final class RevisionGraph {
    private static final Pattern RELATIVE = Pattern.compile("(.*?)([+-])(\\d+)");

    private final Map<String, Revision> byId;
    private final List<Revision> history;
    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    private RevisionGraph(Map<String, Revision> byId, List<Revision> history) {
        this.byId = byId;
        this.history = history;
        for (int i = 0; i < history.size(); i++) position.put(history.get(i).id(), i);
        for (Revision r : history) {
            children.putIfAbsent(r.id(), new ArrayList<>());
            for (String down : r.downRevisions()) children.computeIfAbsent(down, k -> new ArrayList<>()).add(r.id());
        }
    }

    /**
     * @throws RevisionException on a duplicate id, a down revision that names no revision, or a cycle,
     *                           naming the files involved
     */
    public static RevisionGraph of(Collection<Revision> revisions) {
        Map<String, Revision> byId = new LinkedHashMap<>();
        for (Revision r : revisions) {
            Revision other = byId.put(r.id(), r);
            if (other != null) {
                throw new RevisionException("revision " + r.id() + " is defined twice: in " + other.source()
                        + " and in " + r.source());
            }
        }
        for (Revision r : byId.values()) {
            for (String down : r.downRevisions()) {
                if (!byId.containsKey(down)) {
                    throw new RevisionException(r.source() + ": down_revision '" + down + "' is not a known revision"
                            + (r.path() == null ? "" : " (no file in the directory has that id)"));
                }
            }
        }
        return new RevisionGraph(Map.copyOf(byId), topologicalOrder(byId));
    }

    /** Kahn's algorithm; among revisions that could go next, the earliest created (then the lowest id) goes first. */
    private static List<Revision> topologicalOrder(Map<String, Revision> byId) {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<Revision>> childrenOf = new HashMap<>();
        for (Revision r : byId.values()) {
            waiting.put(r.id(), r.downRevisions().size());
            for (String down : r.downRevisions()) childrenOf.computeIfAbsent(down, k -> new ArrayList<>()).add(r);
        }
        PriorityQueue<Revision> ready = new PriorityQueue<>(
                Comparator.comparing(Revision::created).thenComparing(Revision::id));
        byId.values().stream().filter(Revision::isBase).forEach(ready::add);
        List<Revision> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            Revision r = ready.poll();
            order.add(r);
            for (Revision child : childrenOf.getOrDefault(r.id(), List.of())) {
                if (waiting.merge(child.id(), -1, Integer::sum) == 0) ready.add(child);
            }
        }
        if (order.size() < byId.size()) throw cycle(byId, order);
        return List.copyOf(order);
    }

    /** Every revision left over by Kahn's algorithm has a parent left over too, so walking parents finds a cycle. */
    private static RevisionException cycle(Map<String, Revision> byId, List<Revision> ordered) {
        Set<String> done = new HashSet<>();
        ordered.forEach(r -> done.add(r.id()));
        Revision start = byId.values().stream().filter(r -> !done.contains(r.id()))
                .min(Comparator.comparing(Revision::id)).orElseThrow();
        List<String> path = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        Revision r = start;
        while (!seenAt.containsKey(r.id())) {
            seenAt.put(r.id(), path.size());
            path.add(r.id());
            r = byId.get(r.downRevisions().stream().filter(d -> !done.contains(d)).sorted().findFirst().orElseThrow());
        }
        List<String> loop = new ArrayList<>(path.subList(seenAt.get(r.id()), path.size()));
        loop.add(r.id());
        List<String> described = loop.stream().map(id -> {
            Revision rev = byId.get(id);
            return rev.path() == null ? id : id + " (" + rev.path().getFileName() + ")";
        }).toList();
        return new RevisionException("down_revisions form a cycle: " + String.join(" -> ", described));
    }

    // --- the graph ---

    /** Every revision, parents before children (base first). */
    public List<Revision> history() {
        return history;
    }

    public boolean isEmpty() {
        return history.isEmpty();
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The revision with this full id. */
    public Revision get(String id) {
        Revision r = byId.get(id);
        if (r == null) throw new RevisionException("unknown revision '" + id + "'");
        return r;
    }

    /** Revisions nothing follows, in history order. */
    public List<String> heads() {
        return ids(history.stream().filter(r -> children.get(r.id()).isEmpty()).toList());
    }

    /** Revisions that follow nothing. */
    public List<String> bases() {
        return ids(history.stream().filter(Revision::isBase).toList());
    }

    /** Revisions that several revisions follow: where the history branches. */
    public List<String> branchPoints() {
        return ids(history.stream().filter(r -> children.get(r.id()).size() > 1).toList());
    }

    /** Revisions that follow several: where branches were merged. */
    public List<String> mergePoints() {
        return ids(history.stream().filter(Revision::isMerge).toList());
    }

    public List<String> children(String id) {
        get(id);
        return inHistoryOrder(children.get(id));
    }

    public List<String> parents(String id) {
        return get(id).downRevisions();
    }

    /** The revisions and all they follow: the applied set of a state whose heads (or members) these are. */
    public Set<String> ancestors(Collection<String> ids) {
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (out.add(id)) todo.addAll(get(id).downRevisions());
        }
        return out;
    }

    /** The revisions that follow these, directly or not (the revisions themselves excluded). */
    public Set<String> descendants(Collection<String> ids) {
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        ids.forEach(id -> todo.addAll(children(id)));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (out.add(id)) todo.addAll(children.get(id));
        }
        return out;
    }

    /** The heads of a set of applied revisions: those that no other member follows. */
    public List<String> headsOf(Collection<String> applied) {
        Set<String> all = ancestors(applied);
        Set<String> covered = new HashSet<>();
        for (String id : all) covered.addAll(get(id).downRevisions());
        return inHistoryOrder(all.stream().filter(id -> !covered.contains(id)).toList());
    }

    // --- targets ---

    /** {@link #resolve(String, Collection)} for targets that do not depend on the current state. */
    public Set<String> resolve(String target) {
        return resolve(target, null);
    }

    /**
     * The state a target names, as its heads (empty for {@code base}):
     * <ul>
     *   <li>{@code head}: the only head (an error when there are several), {@code heads}: all of them,
     *       {@code base}: nothing applied;</li>
     *   <li>a full id, or a prefix of exactly one id;</li>
     *   <li>{@code +N} / {@code -N}: N steps up or down from the current state, which must have one head;</li>
     *   <li>{@code REV+N} / {@code REV-N} (REV any of the above but {@code heads}): N steps from REV.</li>
     * </ul>
     * A step cannot cross a branch point going up, or a merge going down: there the target is ambiguous.
     *
     * @param current the current state's heads, or null when it is not known (relative steps then fail)
     */
    public Set<String> resolve(String target, Collection<String> current) {
        if (target == null || target.isBlank()) throw new RevisionException("no target revision given");
        String t = target.strip();
        Matcher m = RELATIVE.matcher(t);
        if (!m.matches()) return absolute(t);
        int steps = Integer.parseInt(m.group(3));
        boolean up = m.group(2).equals("+");
        Set<String> from;
        if (m.group(1).isEmpty()) {
            if (current == null) throw new RevisionException("'" + t + "' counts from the current revision, which is not known here");
            from = new LinkedHashSet<>(headsOf(checkKnown(current)));
            if (from.size() > 1) {
                throw new RevisionException("the schema is at several heads (" + String.join(", ", from)
                        + "): name a revision instead of '" + t + "'");
            }
        } else {
            if (m.group(1).equals("heads")) throw new RevisionException("'" + t + "': cannot count steps from several heads");
            from = absolute(m.group(1));
        }
        return step(t, from, up, steps);
    }

    private Set<String> absolute(String t) {
        switch (t) {
            case "base":
                return Set.of();
            case "heads":
                return new LinkedHashSet<>(heads());
            case "head": {
                List<String> heads = heads();
                if (heads.size() > 1) {
                    throw new RevisionException("multiple heads (" + String.join(", ", heads)
                            + "): merge them with `retort merge -m MSG` or name one");
                }
                return new LinkedHashSet<>(heads);
            }
            default:
                return Set.of(match(t));
        }
    }

    /** The full id for an id or a unique prefix. */
    public String match(String idOrPrefix) {
        if (byId.containsKey(idOrPrefix)) return idOrPrefix;
        List<String> candidates = byId.keySet().stream().filter(id -> id.startsWith(idOrPrefix)).sorted().toList();
        if (candidates.isEmpty()) throw new RevisionException("unknown revision '" + idOrPrefix + "'");
        if (candidates.size() > 1) {
            throw new RevisionException("ambiguous revision prefix '" + idOrPrefix + "': it starts "
                    + String.join(", ", candidates));
        }
        return candidates.get(0);
    }

    private Set<String> step(String target, Set<String> from, boolean up, int steps) {
        if (from.size() > 1) {
            throw new RevisionException("'" + target + "' counts from several revisions (" + String.join(", ", from) + ")");
        }
        String at = from.isEmpty() ? null : from.iterator().next();
        for (int i = 0; i < steps; i++) {
            String where = at == null ? "base" : at;
            List<String> next = up ? (at == null ? bases() : children(at)) : (at == null ? null : parents(at));
            if (next == null) throw new RevisionException("'" + target + "' goes below base");
            if (up && next.isEmpty()) {
                throw new RevisionException("'" + target + "' goes past the head: nothing follows " + where);
            }
            if (next.size() > 1) {
                throw new RevisionException("'" + target + "' is ambiguous: " + where
                        + (up ? " is followed by several revisions (" : " is a merge of (")
                        + String.join(", ", next) + "); name one");
            }
            at = next.isEmpty() ? null : next.get(0);
        }
        return at == null ? Set.of() : Set.of(at);
    }

    // --- paths ---

    /**
     * The revisions to apply, in order, to bring a schema from the {@code current} state to
     * {@code target}: every revision the target needs that is not applied yet, parents first. Empty
     * when the target is already applied.
     *
     * @param current the applied revisions (its heads suffice)
     */
    public List<Revision> upgradePath(Collection<String> current, String target) {
        return upgradePathTo(current, resolve(target, current));
    }

    /** {@link #upgradePath(Collection, String)} for a resolved target state. */
    public List<Revision> upgradePathTo(Collection<String> current, Collection<String> target) {
        Set<String> applied = ancestors(checkKnown(current));
        Set<String> wanted = ancestors(target);
        return history.stream().filter(r -> wanted.contains(r.id()) && !applied.contains(r.id())).toList();
    }

    /**
     * The revisions to undo, in order (children first), to take a schema from {@code current} down to
     * {@code target}: {@code base} undoes everything; a revision undoes every applied revision that
     * follows it, and so leaves other branches alone.
     *
     * @throws RevisionException when the target is not applied
     */
    public List<Revision> downgradePath(Collection<String> current, String target) {
        return downgradePathTo(current, resolve(target, current));
    }

    /** {@link #downgradePath(Collection, String)} for a resolved target state. */
    public List<Revision> downgradePathTo(Collection<String> current, Collection<String> target) {
        Set<String> applied = ancestors(checkKnown(current));
        Set<String> undo;
        if (target.isEmpty()) {
            undo = applied;
        } else {
            for (String t : target) {
                if (!applied.contains(t)) {
                    throw new RevisionException("cannot downgrade to " + t + ": it is not applied (current: "
                            + (current.isEmpty() ? "base" : String.join(", ", headsOf(current))) + ")");
                }
            }
            undo = descendants(target);
            undo.retainAll(applied);
        }
        List<Revision> out = new ArrayList<>(history.stream().filter(r -> undo.contains(r.id())).toList());
        Collections.reverse(out);
        return out;
    }

    private Collection<String> checkKnown(Collection<String> current) {
        for (String id : current) {
            if (!byId.containsKey(id)) {
                throw new RevisionException("the schema is at revision " + id
                        + ", which is not in the migrations directory (was its file deleted?)");
            }
        }
        return current;
    }

    private List<String> inHistoryOrder(Collection<String> ids) {
        return ids.stream().sorted(Comparator.comparing(position::get)).toList();
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
