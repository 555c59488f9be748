package dev.retort.api;

/**
 * How {@code tenant create} builds a new schema. Each ends at the head of the revision graph in one
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
    /**
     * Renames a schema of the warm pool, prepared at head ahead of time ({@code tenant pool fill}), to
     * the tenant's name: milliseconds whatever the history. When no pool schema is ready it replays.
     */
    POOL,
    /**
     * {@link #POOL} when the warm pool has a schema ready, else {@link #REPLAY}: the default, see
     * docs/provisioning.md for the measurements behind the choice.
     */
    AUTO;

    /** The method that builds a schema when the pool has none ready: {@link #REPLAY} for {@link #POOL} and {@link #AUTO}. */
    public CreateMethod resolved() {
        return this == AUTO || this == POOL ? REPLAY : this;
    }

    /** Whether a schema of the warm pool is taken first. */
    public boolean triesPool() {
        return this == AUTO || this == POOL;
    }
}
