package dev.retort.cli.fanout;

import dev.retort.cli.config.ConfigException;
import dev.retort.cli.config.TenantSet;
import dev.retort.cli.config.TenantSettings;
import dev.retort.api.Database;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The shards a command over many tenants works on. {@code --tenants SPEC} names tenants of the main
 * database (the one {@code --url}, RETORT_URL or retort.yaml's url gives) and replaces the whole
 * {@code tenants:} section, shards included; without it the section applies: its tenant set on the
 * main database, then each of its shards with its own set or the section's. A shard's URL carries its
 * own credentials; the main database's user and password are not lent to it.
 */
public final class TenantShards {
    private TenantShards() {
    }

    /**
     * @param main     the main database
     * @param section  retort.yaml's tenants section, or null
     * @param override {@code --tenants}, or null
     * @throws ConfigException when neither names any tenant
     */
    public static List<Shard> of(Database main, TenantSettings section, TenantSpec override) {
        if (override != null) return List.of(Shard.of(main, override));
        if (section == null) {
            throw new ConfigException("no tenants: give --tenants SPEC, or a tenants: section in retort.yaml");
        }
        List<Shard> shards = new ArrayList<>();
        TenantSpec sectionSpec = section.tenants() == null ? null : spec(section.tenants());
        if (sectionSpec != null) shards.add(Shard.of(main, sectionSpec));
        for (TenantSettings.Shard s : section.shards()) {
            TenantSpec spec = s.tenants() == null ? sectionSpec : spec(s.tenants());
            shards.add(Shard.of(Database.of(s.url()), spec));
        }
        return shards;
    }

    /** The engine's form of a tenant set read from retort.yaml. */
    public static TenantSpec spec(TenantSet set) {
        if (set instanceof TenantSet.Listed listed) return new TenantSpec.Listed(listed.schemas());
        if (set instanceof TenantSet.Pattern pattern) return TenantSpec.Pattern.of(pattern.pattern());
        return new TenantSpec.Query(((TenantSet.Query) set).sql());
    }
}
