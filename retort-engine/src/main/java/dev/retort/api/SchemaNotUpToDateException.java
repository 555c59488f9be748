package dev.retort.api;

import dev.retort.revision.RevisionException;

import java.util.List;

/**
 * Autogenerate refused: the schema has not applied every revision, so comparing it with the model would
 * put into the new revision what the pending ones already do (Alembic's "Target database is not up to
 * date").
 */
public class SchemaNotUpToDateException extends RevisionException {
    private final String schema;
    private final List<String> pending;

    public SchemaNotUpToDateException(String schema, List<String> pending) {
        super("schema " + schema + " is not up to date: " + pending.size()
                + (pending.size() == 1 ? " revision is" : " revisions are") + " pending (" + String.join(", ", pending)
                + "); apply " + (pending.size() == 1 ? "it" : "them") + " with `retort upgrade head --schema " + schema
                + "` before autogenerating a revision");
        this.schema = schema;
        this.pending = List.copyOf(pending);
    }

    public String schema() {
        return schema;
    }

    /** The revisions the schema lacks, in the order they would be applied. */
    public List<String> pending() {
        return pending;
    }
}
