package dev.retort.internal.fanout;

import dev.retort.api.Database;
import dev.retort.postgres.PostgresDialect;
import dev.retort.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A database of its own for a test class, so that patterns match only the schemas the test made. */
final class FreshDatabase {
    static final PostgresDialect DIALECT = new PostgresDialect();

    private final String url;

    private FreshDatabase(String url) {
        this.url = url;
    }

    static FreshDatabase create(String hint) {
        return new FreshDatabase(TestDatabase.postgres().createDatabase(hint));
    }

    static FreshDatabase at(String url) {
        return new FreshDatabase(url);
    }

    String url() {
        return url;
    }

    Database database() {
        return Database.of(url);
    }

    void execute(String... statements) {
        try (Connection c = TestDatabase.dataSource(url).getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    void createSchemas(String... names) {
        for (String name : names) execute("CREATE SCHEMA " + DIALECT.quote(name));
    }

    /** The names of the schemas holding a table of that name. */
    List<String> schemasWithTable(String table) {
        try (Connection c = TestDatabase.dataSource(url).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT schemaname FROM pg_catalog.pg_tables WHERE tablename = ? ORDER BY 1")) {
            ps.setString(1, table);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A task that creates table {@code table} in the tenant, in one transaction, and fails for {@code failing}. */
    static TenantTask createTable(String table, String failing) {
        return (connection, shard, tenant) -> {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE " + DIALECT.qualify(tenant, table) + " (id integer)");
                if (tenant.equals(failing)) throw new SQLException("ERROR: revision r1 failed on " + tenant + "\n  Where: line 2");
            }
            connection.commit();
            return TenantResult.upgraded(null, "r1");
        };
    }
}
