package dev.retort.api;

/**
 * How {@code tenant create} builds a new schema. Both end at the head of the revision graph in one
 * transaction; they differ in where the tables come from.
 */
public enum CreateMethod {
    /** Replays every revision from base, as an upgrade would, but in one transaction. */
    REPLAY,
    /**
     * Creates the tables straight from the model (autogenerate against the empty schema) and records
     * every revision as applied: faster for a long history, but correct only while the model and the
     * head revision agree (as {@code retort check} verifies).
     */
    MODEL,
    /** {@link #REPLAY}: the default, see docs/provisioning.md for the measurement behind the choice. */
    AUTO;

    /** The method {@link #AUTO} stands for. */
    public CreateMethod resolved() {
        return this == AUTO ? REPLAY : this;
    }
}
