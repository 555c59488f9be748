package dev.retort.internal.tenants;

import dev.retort.api.TenantNames;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the tenants a spec resolves to must satisfy.
 *
 * @param names      the pattern every tenant name must match ({@link TenantNames#check})
 * @param allowEmpty whether a spec, or a pattern of it, may match no schema
 */
public record TenantRules(Pattern names, boolean allowEmpty) {
    public TenantRules {
        Objects.requireNonNull(names, "names");
    }

    /** The default name pattern; an empty match is an error. */
    public static TenantRules strict() {
        return new TenantRules(TenantNames.DEFAULT_PATTERN, false);
    }
}
