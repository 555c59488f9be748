package dev.retort.api;

import java.util.List;

/**
 * What an upgrade or a downgrade would do, read before it runs ({@link Retort#planUpgrade} and the
 * others): how many tenants it would change, and what it would destroy on them. A command uses it to
 * warn before a run, to refuse a run that would destroy data, or to ask first.
 *
 * @param tenants    the tenants looked at
 * @param changing   those with at least one revision to run
 * @param destroying those where the run would destroy data
 * @param losses     each destructive change, and on a downgrade what it cannot bring back, in the order
 *                   the revisions run
 */
public record RunPlan(long tenants, long changing, long destroying, List<Loss> losses) {
    public RunPlan {
        losses = List.copyOf(losses);
    }

    /** Whether the run would destroy data on any tenant. */
    public boolean destructive() {
        return destroying > 0;
    }

    /**
     * One thing a revision destroys or cannot bring back.
     *
     * @param revision the revision's id
     * @param message  the revision's message
     * @param change   {@code destructive: drop column test.legacy}, or a downgrade's loss note
     * @param destroys whether it destroys data ({@code destructive: ...}); a loss note only says what a
     *                 downgrade does not bring back
     * @param tenants  on how many tenants it would run
     * @param examples some of them, at most {@value #EXAMPLES}
     */
    public record Loss(String revision, String message, String change, boolean destroys, long tenants, List<String> examples) {
        public static final int EXAMPLES = 5;

        public Loss {
            examples = List.copyOf(examples);
        }
    }
}
