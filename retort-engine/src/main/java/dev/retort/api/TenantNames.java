package dev.retort.api;

import dev.retort.Identifiers;
import dev.retort.spi.Dialect;

import java.util.regex.Pattern;

/**
 * Tenant names come from operators' lists, queries and the catalog, so they can hold anything:
 * quotes, semicolons, unicode, line breaks. They reach SQL only through the dialect's quoting, and
 * messages only through {@link #display}.
 */
public final class TenantNames {
    private TenantNames() {
    }

    /**
     * The names a tenant schema may have unless configured otherwise: anything but quotes, semicolons,
     * backslashes and control characters. Quoting makes every name safe in SQL; this keeps names that
     * only an attack would choose away from hand-written SQL, file names and terminals as well.
     */
    public static final Pattern DEFAULT_PATTERN = Pattern.compile("[^\\p{Cc}'\"`;\\\\]+");

    /**
     * Refuses, before anything runs on any tenant, a name the database cannot hold (empty, blank, a
     * NUL, longer than the limit), one of the database's own schemas, and a name outside the allowed
     * pattern.
     *
     * @param dialect the database's; null when not known yet (a call that then needs the database fails
     *                there), which leaves the database's own schemas to the database
     * @param allowed the pattern a whole name must match ({@link #DEFAULT_PATTERN} unless configured)
     * @param where   the shard, for the message; null when there is only one database
     * @throws ConfigurationException naming the shard and the name
     */
    public static String check(Dialect dialect, Pattern allowed, String where, String name) {
        try {
            Identifiers.check("tenant schema", name);
            if (dialect != null && dialect.isSystemSchema(name)) {
                throw new IllegalArgumentException(name + " is a system schema of " + dialect.name() + "; Retort works on user schemas only");
            }
            if (!allowed.matcher(name).matches()) {
                throw new IllegalArgumentException("tenant schema name '" + name + "' does not match the allowed names "
                        + allowed.pattern() + " (tenant_name_pattern)");
            }
            if (dialect != null) dialect.quote(name);
            return name;
        } catch (IllegalArgumentException e) {
            String message = display(e.getMessage());
            throw new ConfigurationException(where == null ? message : where + ": " + message, e);
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
