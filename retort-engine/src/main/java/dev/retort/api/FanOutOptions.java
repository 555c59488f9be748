package dev.retort.api;

/**
 * How a run over many tenants goes ({@link Retort#upgradeTenants} and the other verbs over tenants).
 *
 * @param jobs              tenants worked on at once per shard; the pool size
 * @param failFast          stop at the first failure
 * @param maxFailuresListed how many failures the report keeps (all go to the listener)
 * @param allowEmpty        accept a tenant spec, or a pattern of it, that matches no schema; otherwise
 *                          that is an error before anything runs
 */
public record FanOutOptions(int jobs, boolean failFast, int maxFailuresListed, boolean allowEmpty) {
    public static final int DEFAULT_FAILURES_LISTED = 100;

    public FanOutOptions {
        Jobs.check(jobs);
        if (maxFailuresListed < 0) throw new ConfigurationException("maxFailuresListed is negative");
    }

    public static FanOutOptions defaults() {
        return new FanOutOptions(Jobs.byDefault(), false, DEFAULT_FAILURES_LISTED, false);
    }

    public FanOutOptions withJobs(int newJobs) {
        return new FanOutOptions(newJobs, failFast, maxFailuresListed, allowEmpty);
    }

    public FanOutOptions withFailFast(boolean newFailFast) {
        return new FanOutOptions(jobs, newFailFast, maxFailuresListed, allowEmpty);
    }

    public FanOutOptions withMaxFailuresListed(int max) {
        return new FanOutOptions(jobs, failFast, max, allowEmpty);
    }

    public FanOutOptions withAllowEmpty(boolean newAllowEmpty) {
        return new FanOutOptions(jobs, failFast, maxFailuresListed, newAllowEmpty);
    }
}
