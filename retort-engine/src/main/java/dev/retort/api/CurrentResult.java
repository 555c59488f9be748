package dev.retort.api;

import dev.retort.revision.Revision;

import java.util.List;

/**
 * The revisions a schema is at.
 *
 * @param schema       the schema
 * @param schemaExists whether the schema exists
 * @param tracked      whether it has a version table (false: never upgraded or stamped)
 * @param heads        the applied heads; empty at base
 * @param lastFailure  the last run that failed on the schema, when no run has committed anything there
 *                     since; null otherwise
 */
public record CurrentResult(String schema, boolean schemaExists, boolean tracked, List<Head> heads, LastFailure lastFailure,
                            List<Partial> partial) {
    public CurrentResult {
        heads = List.copyOf(heads);
        partial = List.copyOf(partial);
    }

    public CurrentResult(String schema, boolean schemaExists, boolean tracked, List<Head> heads, LastFailure lastFailure) {
        this(schema, schemaExists, tracked, heads, lastFailure, List.of());
    }

    /**
     * A revision that runs in steps and stopped part way (killed, or a step failed); the next upgrade (or
     * downgrade) goes on from the step after.
     *
     * @param id        the revision's id
     * @param revision  the revision, or null when its file is not in the migrations directory
     * @param step      the steps done
     * @param steps     its steps in all, or 0 when its file is missing
     * @param downgrade whether it was being downgraded (else upgraded)
     */
    public record Partial(String id, Revision revision, int step, int steps, boolean downgrade) {
        /** {@code partly applied at step 1 of 3}, {@code partly downgraded at step 1 of 2}. */
        public String describe() {
            return (downgrade ? "partly downgraded" : "partly applied") + " at step " + step + (steps > 0 ? " of " + steps : "");
        }
    }

    /**
     * One applied head.
     *
     * @param id        the revision's id
     * @param revision  the revision, or null when its file is not in the migrations directory
     * @param graphHead whether it is also a head of the revision graph (nothing is pending after it)
     * @param row       its row in the version table
     */
    public record Head(String id, Revision revision, boolean graphHead, AppliedRevision row) {
    }

    public List<String> ids() {
        return heads.stream().map(Head::id).toList();
    }
}
