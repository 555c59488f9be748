package dev.retort.internal.runner;

import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Runs one step of a run in one transaction: the dialect's schema setting, what must come first
 * (creating the schema and version table on a first run), the revision's statements (timed), then
 * the version-table statements that record it. Any failure rolls the whole transaction back.
 */
final class StepTransaction {
    /** A statement failed; the transaction was rolled back. */
    static final class Failed extends Exception {
        final String statement;

        Failed(String statement, SQLException cause) {
            super(cause.getMessage(), cause);
            this.statement = statement;
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }

    private final Dialect dialect;
    private final Connection connection;
    private final String schema;
    private final Cancellation cancellation;
    private List<String> settings = List.of();

    StepTransaction(Dialect dialect, Connection connection, String schema, Cancellation cancellation) {
        this.dialect = dialect;
        this.connection = connection;
        this.schema = schema;
        this.cancellation = cancellation;
    }

    String schema() {
        return schema;
    }

    /** Statements run first in every transaction from now on: the dialect's timeouts. */
    void settings(List<String> statements) {
        this.settings = List.copyOf(statements);
    }

    Connection connection() {
        return connection;
    }

    /**
     * @param prelude statements to run first, untimed
     * @param body    the revision's statements
     * @param record  the version-table statements, given the body's time in milliseconds
     * @return the body's time in milliseconds
     */
    long run(List<String> prelude, List<String> body, LongFunction<List<String>> record) throws Failed {
        String current = null;
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement(); Cancellation.Registration ignored = cancellation.track(st)) {
                for (String sql : settings) {
                    current = sql;
                    st.execute(sql);
                }
                for (String sql : prelude) {
                    current = sql;
                    st.execute(sql);
                }
                for (String sql : dialect.useSchema(schema)) {
                    current = sql;
                    st.execute(sql);
                }
                long start = System.nanoTime();
                for (String sql : body) {
                    current = sql;
                    st.execute(sql);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                for (String sql : record.apply(millis)) {
                    current = sql;
                    st.execute(sql);
                }
                current = null;
                connection.commit();
                return millis;
            }
        } catch (SQLException e) {
            rollback(e);
            throw new Failed(current, e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // The connection is broken; closing it is all that is left, and the caller does that.
            }
        }
    }

    /**
     * Runs one operation that cannot run inside a transaction (an index built or dropped concurrently)
     * on its own, the session bounded and placed as a transaction would be, then puts the session's
     * settings back. An index that a build stopped part way left invalid is dropped first and built
     * again; one already there and valid (the build finished, the run stopped before recording it) is
     * not built again; one to drop that is gone is not dropped again.
     *
     * @return the operation's time in milliseconds
     */
    long outside(RenderedOp op, Duration lockTimeout, Duration statementTimeout) throws Failed {
        String current = null;
        SQLException failure = null;
        List<String> restore = List.of();
        try {
            connection.setAutoCommit(true);
            restore = dialect.sessionRestore(connection);
            try (Statement st = connection.createStatement(); Cancellation.Registration ignored = cancellation.track(st)) {
                for (String sql : dialect.sessionSettings(schema, lockTimeout, statementTimeout)) {
                    current = sql;
                    st.execute(sql);
                }
                current = null;
                List<String> todo = pending(op.operation(), op.statements());
                long start = System.nanoTime();
                for (String sql : todo) {
                    current = sql;
                    st.execute(sql);
                }
                current = null;
                return (System.nanoTime() - start) / 1_000_000;
            }
        } catch (SQLException e) {
            failure = e;
            throw new Failed(current, e);
        } finally {
            restore(restore, failure);
        }
    }

    private List<String> pending(Operation op, List<String> statements) throws SQLException {
        if (op instanceof IndexOps.CreateIndex c) {
            Dialect.IndexState state = dialect.indexState(connection, c.schema() == null ? schema : c.schema(), c.index().name());
            if (state == Dialect.IndexState.VALID) return statements.subList(1, statements.size());
            if (state == Dialect.IndexState.INVALID) {
                List<String> out = new ArrayList<>(dialect.render(new IndexOps.DropIndex(c.schema(), c.table(), c.index(), true), schema));
                out.addAll(statements);
                return out;
            }
        } else if (op instanceof IndexOps.DropIndex d) {
            Dialect.IndexState state = dialect.indexState(connection, d.schema() == null ? schema : d.schema(), d.index().name());
            if (state == Dialect.IndexState.MISSING) return List.of();
        }
        return statements;
    }

    /** Puts the session's settings back; a failure to do so is the first failure's companion, or thrown. */
    private void restore(List<String> statements, SQLException failure) throws Failed {
        if (statements.isEmpty()) return;
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) st.execute(sql);
        } catch (SQLException e) {
            if (failure != null) failure.addSuppressed(e);
            else throw new Failed(null, e);
        }
    }

    private void rollback(SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
