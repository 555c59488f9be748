package dev.retort.internal.runner;

import dev.retort.api.RunPlan;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.operations.Operation;
import dev.retort.revision.Revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out a {@link RunPlan} from each tenant's heads and the revision graph, without touching a
 * database. Tenants of a fleet are mostly at the same few revisions, so each distinct set of heads is
 * planned once.
 */
public final class Plans {
    /** Which way a run goes. */
    public enum Direction { UPGRADE, DOWNGRADE }

    private final RevisionGraph graph;
    private final Direction direction;
    private final String target;
    private final Map<Set<String>, List<Revision>> paths = new HashMap<>();
    private final Map<String, Tally> losses = new LinkedHashMap<>();
    private long tenants;
    private long changing;
    private long destroying;

    public Plans(RevisionGraph graph, Direction direction, String target) {
        this.graph = graph;
        this.direction = direction;
        this.target = target;
    }

    /** Adds one tenant at {@code heads} (empty at base, or when its schema does not exist yet). */
    public Plans add(String tenant, List<String> heads) {
        tenants++;
        List<Revision> path = paths.computeIfAbsent(new TreeSet<>(heads), h -> direction == Direction.UPGRADE
                ? graph.upgradePath(h, target) : graph.downgradePath(h, target));
        if (!path.isEmpty()) changing++;
        boolean destroys = false;
        for (Revision r : path) {
            for (Operation op : direction == Direction.UPGRADE ? r.upgrade() : r.downgrade()) {
                if (op.destructive()) {
                    tally(r, "destructive: " + op.describe(), true).add(tenant);
                    destroys = true;
                }
                String loss = direction == Direction.DOWNGRADE ? Revision.downgradeLossNote(op) : null;
                if (loss != null) tally(r, loss, false).add(tenant);
            }
        }
        if (destroys) destroying++;
        return this;
    }

    private Tally tally(Revision r, String change, boolean destroys) {
        return losses.computeIfAbsent(r.id() + "\0" + change, k -> new Tally(r, change, destroys));
    }

    public RunPlan plan() {
        return new RunPlan(tenants, changing, destroying, losses.values().stream()
                .map(t -> new RunPlan.Loss(t.revision.id(), t.revision.message(), t.change, t.destroys, t.count, t.examples)).toList());
    }

    private static final class Tally {
        final Revision revision;
        final String change;
        final boolean destroys;
        final List<String> examples = new ArrayList<>();
        long count;

        Tally(Revision revision, String change, boolean destroys) {
            this.revision = revision;
            this.change = change;
            this.destroys = destroys;
        }

        void add(String tenant) {
            count++;
            if (examples.size() < RunPlan.Loss.EXAMPLES) examples.add(tenant);
        }
    }
}
