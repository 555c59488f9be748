package dev.retort.internal.runner;

import dev.retort.revision.Revision;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.internal.version.VersionTable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The revisions applied to a schema as a run goes, and the version-table statements that record each
 * step: a row per applied revision, {@code is_head} on those no other applied revision follows. The
 * runner and offline mode both use it, so a script records exactly what the runner would.
 */
final class AppliedSet {
    private final RevisionGraph graph;
    private final VersionTable table;
    private final String schema;
    private final Set<String> applied;

    /** @param applied the applied revisions, or just their heads */
    AppliedSet(RevisionGraph graph, VersionTable table, String schema, Collection<String> applied) {
        this.graph = graph;
        this.table = table;
        this.schema = schema;
        this.applied = new LinkedHashSet<>(graph.ancestors(applied));
    }

    /** Records {@code r} as applied: its row, a head; its parents no longer heads. */
    List<String> upgrade(Revision r, Long millis) {
        applied.add(r.id());
        List<String> out = new ArrayList<>();
        out.add(table.insert(schema, r.id(), r.checksum(), millis));
        add(out, table.setHead(schema, r.downRevisions(), false));
        return out;
    }

    /** Records {@code r} as undone: its row goes; parents that nothing applied follows any more become heads. */
    List<String> downgrade(Revision r) {
        applied.remove(r.id());
        List<String> out = new ArrayList<>();
        out.add(table.delete(schema, r.id()));
        List<String> heads = graph.headsOf(applied);
        add(out, table.setHead(schema, r.downRevisions().stream().filter(heads::contains).toList(), true));
        return out;
    }

    List<String> heads() {
        return graph.headsOf(applied);
    }

    private static void add(List<String> out, String statement) {
        if (statement != null) out.add(statement);
    }
}
