package dev.retort.api;

/** How many tenants of one shard are worked on at once, which is also the size of its connection pool. */
public final class Jobs {
    /** More connections than this per server is a mistake, not a setting. */
    public static final int MAX = 1000;

    private Jobs() {
    }

    /**
     * Twice the cores, at most four: DDL is mostly the server's work (catalog writes, WAL, locks),
     * so more connections than that add contention on a small server rather than speed.
     */
    public static int byDefault() {
        return Math.min(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** @throws ConfigurationException for a count below 1 or above {@link #MAX} */
    public static int check(int jobs) {
        if (jobs < 1 || jobs > MAX) {
            throw new ConfigurationException("jobs must be between 1 and " + MAX + ", not " + jobs);
        }
        return jobs;
    }
}
