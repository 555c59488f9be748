package dev.retort.api;

import dev.retort.internal.jdbc.SimpleDataSource;
import dev.retort.spi.Dialect;
import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Objects;

/**
 * The simplest {@link DataSource}: every {@link #getConnection()} opens a new connection to one
 * {@link Database} through its dialect, so failures are the dialect's one-line
 * {@link DatabaseException}s. No pool: a command applies revisions to one schema over one
 * connection; fanning out over many tenants is the place for a pool.
 */
public final class DatabaseDataSource extends SimpleDataSource {
    private final Dialect dialect;
    private final Database database;

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
    public String toString() {
        return "DatabaseDataSource[" + dialect.name() + ", " + database + "]";
    }
}
