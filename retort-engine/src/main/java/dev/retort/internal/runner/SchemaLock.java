package dev.retort.internal.runner;

import dev.retort.api.LockTimeoutException;
import dev.retort.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The dialect's migration lock on one schema's version table, held by a connection's session for the
 * length of a run. It is released explicitly on close, not left to the connection's end: a pooled
 * connection outlives the run.
 */
final class SchemaLock implements AutoCloseable {
    private final Dialect dialect;
    private final Connection connection;
    private final String schema;
    private final String versionTable;

    private SchemaLock(Dialect dialect, Connection connection, String schema, String versionTable) {
        this.dialect = dialect;
        this.connection = connection;
        this.schema = schema;
        this.versionTable = versionTable;
    }

    /**
     * Waits up to {@code timeout} for the lock.
     *
     * @throws LockTimeoutException when another runner holds it longer
     */
    static SchemaLock take(Dialect dialect, Connection connection, String schema, String versionTable, Duration timeout)
            throws SQLException {
        try {
            dialect.lockSchema(connection, schema, versionTable, timeout);
        } catch (SQLException e) {
            if (!dialect.lockNotGranted(e)) throw e;
            throw new LockTimeoutException("schema " + schema + " is being migrated by another runner: its lock was not granted within "
                    + Durations.describe(timeout), e);
        }
        return new SchemaLock(dialect, connection, schema, versionTable);
    }

    @Override
    public void close() throws SQLException {
        if (!connection.isClosed()) dialect.unlockSchema(connection, schema, versionTable);
    }
}
