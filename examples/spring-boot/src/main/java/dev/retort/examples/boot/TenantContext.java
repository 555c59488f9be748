package dev.retort.examples.boot;

import java.util.function.Supplier;

/** The tenant the current thread works for: Hibernate opens its connections in that tenant's schema. */
public final class TenantContext {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    /** Runs {@code work} for {@code tenant}. */
    public static <T> T in(String tenant, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        }
    }

    /** The current tenant, or null outside {@link #in}. */
    static String current() {
        return CURRENT.get();
    }
}
