package dev.retort.internal.tenants;

import dev.retort.api.Shard;
import java.util.List;

/** A shard with its tenant set resolved: the schema names to work on, checked, without duplicates. */
public record ShardTenants(Shard shard, List<String> tenants) {
    public ShardTenants {
        tenants = List.copyOf(tenants);
    }
}
