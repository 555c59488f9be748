package dev.retort.cli.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code tenants:} section of retort.yaml.
 *
 * @param tenants the tenant set on the configured database (and of every shard without its own);
 *                null when only the shards name tenants
 * @param shards  further databases, each with its tenants
 */
public record TenantSettings(TenantSet tenants, List<Shard> shards) {

    public TenantSettings {
        shards = List.copyOf(shards);
    }

    /**
     * One database of several.
     *
     * @param url     its JDBC URL
     * @param tenants its tenant set; null for the section's
     * @param line    where it is defined in retort.yaml
     */
    public record Shard(String url, TenantSet tenants, int line) {
        @Override
        public String toString() {
            return "Shard[url=" + JdbcUrls.mask(url) + ", tenants=" + tenants + ", line=" + line + "]";
        }
    }

    /** For people, as {@code retort config} prints it; URLs masked. */
    public String describe() {
        String set = tenants == null ? "" : tenants.describe();
        if (shards.isEmpty()) return set;
        String shardList = shards.stream()
                .map(s -> JdbcUrls.mask(s.url()) + (s.tenants() == null ? "" : " (" + s.tenants().describe() + ")"))
                .collect(Collectors.joining(", "));
        return (set.isEmpty() ? "" : set + "; ") + "shards: " + shardList;
    }
}
