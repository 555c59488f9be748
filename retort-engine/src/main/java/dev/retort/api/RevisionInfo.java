package dev.retort.api;

import dev.retort.revision.Revision;

import java.util.List;

/**
 * A revision and its place in the graph, as {@code history}, {@code heads} and {@code show} report it.
 *
 * @param revision the revision, as read from its file
 * @param children the revisions that follow it, in history order
 * @param head     whether nothing follows it
 */
public record RevisionInfo(Revision revision, List<String> children, boolean head) {
    public RevisionInfo {
        children = List.copyOf(children);
    }

    public String id() {
        return revision.id();
    }

    /** Follows nothing: the first revision of a history (or of a branch started from nothing). */
    public boolean base() {
        return revision.isBase();
    }

    /** Several revisions follow it: the history branches here. */
    public boolean branchPoint() {
        return children.size() > 1;
    }

    /** It follows several revisions: branches were merged here. */
    public boolean mergePoint() {
        return revision.isMerge();
    }
}
