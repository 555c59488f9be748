package dev.retort.internal.fanout;

import dev.retort.api.Database;
import dev.retort.api.DatabaseException;
import dev.retort.spi.Dialect;
import dev.retort.internal.jdbc.SimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The pool's source of connections: the dialect's {@link Dialect#connect}, which passes user and
 * password to the driver as properties and turns failures into one password-free line. The pool is
 * given this object instead of a JDBC URL, so it never holds, logs or reports the URL or password.
 */
final class ConnectingDataSource extends SimpleDataSource {
    private final Dialect dialect;
    private final Database database;
    private final String name;

    ConnectingDataSource(Dialect dialect, Database database, String name) {
        this.dialect = dialect;
        this.database = database;
        this.name = name;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return dialect.connect(database);
        } catch (DatabaseException e) {
            // The pool retries SQLExceptions and reports them; the message is already password-free.
            String state = e.getCause() instanceof SQLException s ? s.getSQLState() : null;
            throw new SQLException(e.getMessage(), state, e);
        }
    }

    /** Credentials come from the shard's Database only. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("shard " + name + ": credentials come from its database settings");
    }

    /** What the pool prints when it logs its configuration: the shard, never the URL's secrets. */
    @Override
    public String toString() {
        return "retort shard " + name;
    }
}
