package dev.retort.dialect;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The simplest {@link DataSource}: every {@link #getConnection()} opens a new connection to one
 * {@link Database} through its dialect, so failures are the dialect's one-line
 * {@link DatabaseException}s. No pool: a command applies revisions to one schema over one
 * connection; fanning out over many tenants is the place for a pool.
 */
public final class DatabaseDataSource implements DataSource {
    private final Dialect dialect;
    private final Database database;
    private int loginTimeoutSeconds;

    public DatabaseDataSource(Dialect dialect, Database database) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.database = Objects.requireNonNull(database, "database");
    }

    public Dialect dialect() {
        return dialect;
    }

    public Database database() {
        return database;
    }

    /** @throws DatabaseException when the database cannot be reached, naming it without its password */
    @Override
    public Connection getConnection() {
        return dialect.connect(database);
    }

    @Override
    public Connection getConnection(String user, String password) {
        return dialect.connect(database.withCredentials(user, password));
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Nothing is logged: failures are exceptions.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "DatabaseDataSource[" + dialect.name() + ", " + database + "]";
    }
}
