package dev.retort.api;

import java.util.List;

/**
 * The warm pool of one database: schemas prepared at head ahead of time, which {@code tenant create}
 * renames into tenants (docs/provisioning.md).
 *
 * @param ready  the pool's schemas at the head of the revision graph, in name order
 * @param behind the others (behind head, failed, or at revisions the graph does not hold); a fan-out
 *               upgrade brings them to head
 */
public record PoolStatus(List<String> ready, List<String> behind) {
    public PoolStatus {
        ready = List.copyOf(ready);
        behind = List.copyOf(behind);
    }

    /** {@code 3 ready, 1 behind head}. */
    public String summary() {
        return ready.size() + " ready" + (behind.isEmpty() ? "" : ", " + behind.size() + " behind head");
    }
}
