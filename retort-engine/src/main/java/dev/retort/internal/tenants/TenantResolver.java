package dev.retort.internal.tenants;

import dev.retort.api.SchemaPattern;
import dev.retort.api.Shard;
import dev.retort.api.TenantNames;
import dev.retort.api.TenantSpec;
import dev.retort.api.ConfigurationException;
import dev.retort.api.DatabaseException;
import dev.retort.spi.Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.retort.internal.jdbc.ErrorMessages.firstLine;

/**
 * Turns a {@link TenantSpec} into schema names on a live database. Every name is checked with
 * {@link TenantNames#check}, so a name the database cannot hold stops the command here, before any
 * tenant is touched.
 */
public final class TenantResolver {
    private final Dialect dialect;
    private final TenantRules rules;

    public TenantResolver(Dialect dialect, TenantRules rules) {
        this.dialect = dialect;
        this.rules = rules;
    }

    /**
     * The tenants of one shard, in the spec's order (a list), the catalog's (a pattern) or the
     * query's, without duplicates.
     *
     * @throws ConfigurationException for a name the database cannot hold, or a spec (or a pattern of it)
     *                                that matches no schema unless the rules allow it, naming the shard
     * @throws DatabaseException        when the catalog or the query cannot be read, naming the shard
     */
    public ShardTenants resolve(Connection connection, Shard shard) {
        List<String> names;
        try {
            names = names(connection, shard, shard.tenants());
        } catch (SQLException e) {
            throw new DatabaseException("shard " + shard.name() + ": cannot read its tenants (" + shard.tenants().describe()
                    + "): " + firstLine(e.getMessage()), e);
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String name : names) {
            unique.add(TenantNames.check(dialect, rules.names(), "shard " + shard.name(), name));
        }
        return new ShardTenants(shard, new ArrayList<>(unique));
    }

    private List<String> names(Connection connection, Shard shard, TenantSpec spec) throws SQLException {
        if (spec instanceof TenantSpec.Listed listed) return listed.schemas();
        if (spec instanceof TenantSpec.Union union) {
            List<String> out = new ArrayList<>();
            for (TenantSpec part : union.parts()) out.addAll(names(connection, shard, part));
            return out;
        }
        List<String> found = spec instanceof TenantSpec.Pattern pattern
                ? matching(connection, pattern.pattern())
                : query(connection, ((TenantSpec.Query) spec).sql());
        if (found.isEmpty() && !rules.allowEmpty()) {
            throw new ConfigurationException("shard " + shard.name() + ": tenant " + spec.describe()
                    + " matches no schema (allow an empty tenant set to go on: --allow-empty)");
        }
        return found;
    }

    /** The schemas the pattern matches; the warm pool's are left out unless the pattern names them (docs/provisioning.md). */
    private List<String> matching(Connection connection, SchemaPattern pattern) throws SQLException {
        var regex = pattern.regex();
        boolean pool = PoolNames.patternAsksForPool(pattern.glob());
        return dialect.existingSchemas(connection).stream()
                .filter(s -> regex.matcher(s).matches() && (pool || !PoolNames.isPoolName(s))).toList();
    }

    /**
     * Runs the operator's query, which must be one statement, in a read-only transaction that is
     * rolled back, so that a query with side effects changes nothing; the connection's settings are
     * restored afterwards. One statement, because a driver runs every statement of a text, and a
     * {@code COMMIT} among them would end the read-only transaction.
     */
    private List<String> query(Connection connection, String sql) throws SQLException {
        try {
            dialect.requireOneStatement(sql);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the tenant query must be one SELECT: " + e.getMessage(), e);
        }
        boolean autoCommit = connection.getAutoCommit();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            if (columns != 1) {
                throw new SQLException("the tenant query must return one column of schema names; it returns " + columns);
            }
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                String name = rs.getString(1);
                if (name == null) throw new SQLException("the tenant query returned a null schema name (row " + (out.size() + 1) + ")");
                out.add(name);
            }
            return out;
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setAutoCommit(autoCommit);
        }
    }
}
