package dev.retort.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a fan-out: counters and the failures, not every tenant's outcome, so that its size
 * does not grow with the number of tenants. Every outcome went to the listeners as it came (the JSON
 * report lists them all); here only the first {@code maxFailuresListed} failures are kept.
 *
 * @param shards            how many shards were worked on
 * @param total             how many tenants, all shards together
 * @param counts            tenants per status; every status present
 * @param failures          the first failures, in the order they happened
 * @param failuresNotListed failures beyond those listed
 * @param elapsed           wall-clock time of the whole run
 */
public record FanOutReport(int shards, long total, Map<TenantStatus, Long> counts, List<TenantOutcome> failures,
                           long failuresNotListed, Duration elapsed) {

    public FanOutReport {
        EnumMap<TenantStatus, Long> all = new EnumMap<>(TenantStatus.class);
        for (TenantStatus s : TenantStatus.values()) all.put(s, counts.getOrDefault(s, 0L));
        counts = Map.copyOf(all);
        failures = List.copyOf(failures);
    }

    public long count(TenantStatus status) {
        return counts.get(status);
    }

    public long failed() {
        return count(TenantStatus.FAILED);
    }

    public long skipped() {
        return count(TenantStatus.SKIPPED);
    }

    /** True when every tenant was worked on and none failed. */
    public boolean succeeded() {
        return failed() == 0 && skipped() == 0;
    }

    /**
     * One line: {@code 100 tenants on 2 shards in 3.2 s: 97 upgraded, 1 unchanged, 2 failed}. Statuses that
     * did not happen are left out, except failed.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (TenantStatus s : TenantStatus.values()) {
            long n = count(s);
            if (n > 0 || s == TenantStatus.FAILED) parts.add(n + " " + s.label());
        }
        return total + (total == 1 ? " tenant" : " tenants") + " on " + shards + (shards == 1 ? " shard" : " shards")
                + " in " + seconds(elapsed) + ": " + String.join(", ", parts);
    }

    /** {@code 3.2 s}, {@code 0.015 s}. */
    static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return String.format(Locale.ROOT, s < 10 ? "%.3f s" : "%.1f s", s);
    }
}
