package dev.retort.internal.fanout;

import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The running counts of a fan-out; its caller serialises access. Bounded: counters and a few failures. */
final class Tally {
    private final int maxFailuresListed;
    private final Map<TenantStatus, Long> counts = new EnumMap<>(TenantStatus.class);
    private final List<TenantOutcome> failures = new ArrayList<>();
    private long failuresNotListed;

    Tally(int maxFailuresListed) {
        this.maxFailuresListed = maxFailuresListed;
    }

    void add(TenantOutcome outcome) {
        counts.merge(outcome.status(), 1L, Long::sum);
        if (outcome.failed()) {
            if (failures.size() < maxFailuresListed) failures.add(outcome);
            else failuresNotListed++;
        }
    }

    FanOutReport report(int shards, long total, Duration elapsed) {
        return new FanOutReport(shards, total, counts, failures, failuresNotListed, elapsed);
    }
}
