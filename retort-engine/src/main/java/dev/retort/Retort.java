package dev.retort;

import dev.retort.authoring.AppliedRevisions;
import dev.retort.authoring.RevisionAuthor;
import dev.retort.authoring.RevisionInfo;
import dev.retort.authoring.RevisionResult;
import dev.retort.revision.Revision;

import java.util.List;
import java.util.Objects;

/**
 * The one entry point of Retort's Java API: the Alembic verbs (revision, upgrade, downgrade, current,
 * history, heads, stamp, merge, show, check) over a {@link RetortConfiguration}, with results returned
 * as values. The command line is a thin layer over this class.
 */
public final class Retort {
    private final RetortConfiguration configuration;

    Retort(RetortConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration);
    }

    /** Starts a configuration with the defaults: {@code migrations/}, table {@value RetortConfiguration#DEFAULT_VERSION_TABLE}. */
    public static RetortConfiguration configure() {
        return new RetortConfiguration();
    }

    public RetortConfiguration configuration() {
        return configuration;
    }

    // ---- authoring: revision, merge, history, heads, show (dev.retort.authoring) ----

    /**
     * Writes a new revision after the single head: empty, to fill by hand, or with {@code autogenerate}
     * the operations that bring {@code schema} to the model (schema-agnostic unless {@code pinSchema}).
     * Autogenerate refuses a schema with pending revisions, and writes nothing when there is no
     * difference. See {@link RevisionAuthor#revision}.
     *
     * @param schema the schema to compare with; null for the configured default, then the model's
     */
    public RevisionResult revision(String message, boolean autogenerate, String schema, boolean pinSchema) {
        return author().revision(message, autogenerate, schema, pinSchema);
    }

    /** An empty revision after the single head, to fill by hand. */
    public RevisionResult revision(String message) {
        return revision(message, false, null, false);
    }

    /** Writes a merge revision following the given revisions (ids or unique prefixes), or every head when none is given. */
    public Revision merge(String message, List<String> revisions) {
        return author().merge(message, revisions);
    }

    /** Every revision, newest first. */
    public List<RevisionInfo> history() {
        return author().history();
    }

    /** The revisions nothing follows. */
    public List<RevisionInfo> heads() {
        return author().heads();
    }

    /** One revision, by id, unique prefix, {@code head}, or a step from one ({@code head-1}). */
    public RevisionInfo show(String revision) {
        return author().show(revision);
    }

    private RevisionAuthor author() {
        return new RevisionAuthor(configuration, appliedRevisions());
    }

    /**
     * The applied heads autogenerate checks against. Until the version table is read here, a schema
     * counts as having applied nothing: autogenerate then refuses whenever revisions exist, which can
     * refuse wrongly but never writes a revision that repeats pending ones.
     */
    private AppliedRevisions appliedRevisions() {
        return (connection, dialect, schema, versionTable) -> List.of();
    }
}
