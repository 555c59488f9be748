package dev.retort.api;

import dev.retort.Identifiers;
import dev.retort.spi.Dialect;

/**
 * Tenant names come from operators' lists, queries and the catalog, so they can hold anything:
 * quotes, semicolons, unicode, line breaks. They reach SQL only through the dialect's quoting, and
 * messages only through {@link #display}.
 */
public final class TenantNames {
    private TenantNames() {
    }

    /**
     * Refuses a name the database cannot hold (empty, blank, a NUL, longer than the limit), before
     * anything runs on any tenant.
     *
     * @param where the shard, for the message
     * @throws ConfigurationException naming the shard and the name
     */
    public static String check(Dialect dialect, String where, String name) {
        try {
            Identifiers.check("tenant schema", name);
            dialect.quote(name);
            return name;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(where + ": " + display(e.getMessage()), e);
        }
    }

    /** The name on one line: control characters written as {@code \n}, {@code \t} or {@code \}{@code uXXXX}. */
    public static String display(String name) {
        if (name == null) return "null";
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String escaped = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : null;
            };
            if (escaped != null && out == null) out = new StringBuilder(name.substring(0, i));
            if (out != null) out.append(escaped != null ? escaped : String.valueOf(c));
        }
        return out == null ? name : out.toString();
    }
}
