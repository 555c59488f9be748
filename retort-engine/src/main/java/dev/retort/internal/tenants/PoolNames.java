package dev.retort.internal.tenants;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The reserved names of the warm pool's schemas: {@value #PREFIX} and twelve random hex digits, so
 * that processes filling the pool at once never pick the same name and no tenant's schema is taken
 * for one. Tenant patterns leave them out unless the pattern itself starts with the prefix.
 */
public final class PoolNames {
    public static final String PREFIX = "retort_pool_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PoolNames() {
    }

    public static boolean isPoolName(String schema) {
        return schema.startsWith(PREFIX) && schema.length() == PREFIX.length() + 12
                && schema.substring(PREFIX.length()).chars().allMatch(ch -> Character.digit(ch, 16) >= 0 && !Character.isUpperCase(ch));
    }

    /** A fresh name. */
    public static String next() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    /**
     * The pool's schemas in the connection's database, in name order: one query on the standard
     * {@code information_schema}, the prefix bound as a parameter (its underscores escaped).
     */
    public static List<String> list(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ? ESCAPE '!' ORDER BY schema_name")) {
            ps.setString(1, PREFIX.replace("_", "!_") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (isPoolName(rs.getString(1))) out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Whether a tenant pattern asks for pool schemas too: only when it is written to match them. */
    public static boolean patternAsksForPool(String glob) {
        return glob.startsWith(PREFIX);
    }
}
