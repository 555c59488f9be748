package dev.retort.api;

import java.util.List;

/**
 * Follows a fan-out as it goes: progress displays, report writers. The fan-out calls a listener from
 * its worker threads but never from two at once, so a listener needs no locking of its own; it should
 * be quick, since the workers wait for it. An exception thrown by a listener stops the run (the
 * tenants not yet started are skipped) and is rethrown by the verb that ran the fan-out.
 */
public interface FanOutListener {

    /** Before the first tenant: how many shards and tenants there are. */
    default void started(int shards, long tenants) {
    }

    /** One tenant is done (or skipped). */
    default void outcome(TenantOutcome outcome) {
    }

    /** After the last tenant. */
    default void finished(FanOutReport report) {
    }

    static FanOutListener none() {
        return new FanOutListener() {
        };
    }

    /** Each of {@code listeners}, in order. */
    static FanOutListener all(FanOutListener... listeners) {
        List<FanOutListener> list = List.of(listeners);
        return new FanOutListener() {
            @Override
            public void started(int shards, long tenants) {
                list.forEach(l -> l.started(shards, tenants));
            }

            @Override
            public void outcome(TenantOutcome outcome) {
                list.forEach(l -> l.outcome(outcome));
            }

            @Override
            public void finished(FanOutReport report) {
                list.forEach(l -> l.finished(report));
            }
        };
    }
}
