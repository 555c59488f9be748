package dev.retort.api;

import java.util.List;

/**
 * One tenant as its version table describes it ({@link Retort#currentTenants}).
 *
 * @param heads  the recorded heads; empty at base
 * @param atHead whether it is at every head of the revision graph (and at no revision the graph lacks)
 * @param lastFailure the last run that failed on the tenant, unless a run has committed there since; null otherwise
 * @param partial     the revisions that run in steps and stopped part way there, each as
 *                    {@code ID partly applied at step K of N} (or {@code partly downgraded}); empty when none
 */
public record TenantVersion(String tenant, boolean schemaExists, boolean tracked, List<String> heads, boolean atHead,
                            LastFailure lastFailure, List<String> partial) {
    public TenantVersion {
        heads = List.copyOf(heads);
        partial = List.copyOf(partial);
    }

    public TenantVersion(String tenant, boolean schemaExists, boolean tracked, List<String> heads, boolean atHead, LastFailure lastFailure) {
        this(tenant, schemaExists, tracked, heads, atHead, lastFailure, List.of());
    }
}
