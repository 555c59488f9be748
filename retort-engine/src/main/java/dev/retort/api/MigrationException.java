package dev.retort.api;

import dev.retort.revision.Revision;

import java.util.List;

/**
 * A revision failed and its transaction was rolled back: the schema is at the revision before it,
 * with the revisions of {@link #completed()} applied by this run. The message names the schema, the
 * revision, the statement and the database's own message, on one line.
 */
public final class MigrationException extends RunnerException {
    private final String schema;
    private final transient Revision revision;
    private final String statement;
    private final transient List<AppliedStep> completed;

    public MigrationException(String message, String schema, Revision revision, String statement,
                              List<AppliedStep> completed, Throwable cause) {
        super(message, cause);
        this.schema = schema;
        this.revision = revision;
        this.statement = statement;
        this.completed = List.copyOf(completed);
    }

    public String schema() {
        return schema;
    }

    /** The revision that failed. */
    public Revision revision() {
        return revision;
    }

    /** The statement that failed, or null when the failure was not a statement's (committing, say). */
    public String statement() {
        return statement;
    }

    /** The revisions this run applied (or undid) before the failure; they stay. */
    public List<AppliedStep> completed() {
        return completed;
    }
}
