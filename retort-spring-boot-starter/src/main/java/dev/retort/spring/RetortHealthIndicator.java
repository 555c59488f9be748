package dev.retort.spring;

import dev.retort.api.TenantVersion;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Health {@code retort}: DOWN when a tenant failed its last run or is behind head, with the counts and
 * the first {@value #LISTED} tenants of each kind in the details (a fleet of thousands must not make
 * the health response huge). Read in bulk, as the endpoint reads it.
 */
public class RetortHealthIndicator extends AbstractHealthIndicator {
    /** How many tenants of each kind the details list. */
    public static final int LISTED = 20;

    private final RetortTenants tenants;

    public RetortHealthIndicator(RetortTenants tenants) {
        super("Retort health check failed");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<TenantVersion> versions = tenants.current();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> behind = new ArrayList<>();
        long failedCount = 0;
        long behindCount = 0;
        for (TenantVersion v : versions) {
            if (v.lastFailure() != null) {
                failedCount++;
                if (failed.size() < LISTED) failed.put(v.tenant(), v.lastFailure().describe());
            } else if (!v.atHead()) {
                behindCount++;
                if (behind.size() < LISTED) behind.add(v.tenant());
            }
        }
        if (failedCount == 0 && behindCount == 0) builder.up();
        else builder.down();
        builder.withDetail("tenants", versions.size())
                .withDetail("atHead", versions.size() - failedCount - behindCount)
                .withDetail("heads", tenants.heads());
        if (failedCount > 0) {
            builder.withDetail("failedCount", failedCount).withDetail("failed", failed);
        }
        if (behindCount > 0) {
            builder.withDetail("behindCount", behindCount).withDetail("behind", behind);
        }
    }
}
