package dev.retort.spring;

import dev.retort.testkit.TestDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A database of its own on the embedded PostgreSQL, and application contexts that use it. */
final class Fleet {
    final String url;

    private Fleet(String url) {
        this.url = url;
    }

    static Fleet create(String hint) {
        return new Fleet(TestDatabase.embedded().createDatabase(hint));
    }

    /** A context with Boot's DataSource on this database and Retort's auto-configuration. */
    ApplicationContextRunner context(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url)
                .withPropertyValues(properties);
    }

    void execute(String... statements) {
        try (Connection c = TestDatabase.dataSource(url).getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The revisions recorded in a tenant's version table, one row each. */
    List<String> versionRows(String tenant) {
        try (Connection c = TestDatabase.dataSource(url).getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT revision FROM \"" + tenant + "\".retort_version ORDER BY 1")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    boolean schemaExists(String schema) {
        try (Connection c = TestDatabase.dataSource(url).getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The message of the innermost Retort exception of a failed startup, else the root cause's. */
    static String startupMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof dev.retort.RetortException) return t.getMessage();
            message = t.getMessage();
        }
        return message;
    }
}
