package dev.retort.internal.runner;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements a facade's runs are executing, so that a process being stopped can have the server
 * cancel them. Without it, a statement queued behind another session's lock outlives the process
 * that sent it: the server notices the closed connection only when the statement ends.
 */
public final class Cancellation {
    /** SQLSTATE query_canceled: what the server reports for a cancelled statement. */
    private static final String QUERY_CANCELED = "57014";

    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /**
     * Cancels every statement running now, through the driver's out-of-band request, and refuses
     * the ones that would start after: each run fails and is rolled back.
     */
    public void cancel() {
        cancelled = true;
        for (Statement st : running) {
            try {
                st.cancel();
            } catch (SQLException e) {
                // Its connection is already gone, and the server ends what it ran.
            }
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Registers a statement about to run; closing the result unregisters it. */
    Registration track(Statement statement) throws SQLException {
        if (cancelled) throw new SQLException("cancelled: the process is stopping", QUERY_CANCELED);
        running.add(statement);
        if (cancelled) statement.cancel(); // cancel() ran between the check and the add
        return () -> running.remove(statement);
    }

    /** The statement's registration, for try-with-resources. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
