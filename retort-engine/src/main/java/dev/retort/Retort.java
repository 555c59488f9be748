package dev.retort;

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
}
