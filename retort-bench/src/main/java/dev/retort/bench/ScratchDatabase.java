package dev.retort.bench;

import dev.retort.api.Database;
import dev.retort.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A database created for one measurement and dropped after it, so that every run starts from an empty catalog. */
final class ScratchDatabase implements AutoCloseable {
    private final Dialect dialect;
    private final Database server;
    private final String name;
    private final Database database;

    private ScratchDatabase(Dialect dialect, Database server, String name) {
        this.dialect = dialect;
        this.server = server;
        this.name = name;
        this.database = new Database(withDatabase(server.url(), name), server.user(), server.password());
    }

    static ScratchDatabase create(Dialect dialect, Database server, String name) throws SQLException {
        ScratchDatabase db = new ScratchDatabase(dialect, server, name);
        db.execute("DROP DATABASE IF EXISTS " + dialect.quote(name) + " WITH (FORCE)");
        db.execute("CREATE DATABASE " + dialect.quote(name));
        db.checkpoint();
        return db;
    }

    /**
     * Flushes the server's dirty buffers before the measurement, so that it does not pay for the
     * writes of the one before it. DDL on thousands of tenants writes enough WAL to trigger
     * checkpoints; left to chance, one lands in some runs and not others (the same T=1000 floor took
     * 51 to 79 s). Needs a superuser or pg_checkpoint; without either the runs go on unflushed.
     */
    private void checkpoint() {
        try {
            execute("CHECKPOINT");
        } catch (SQLException e) {
            if (!warned) System.err.println("note: CHECKPOINT refused (" + e.getMessage().lines().findFirst().orElse("")
                    + "): runs are not flushed before they start");
            warned = true;
        }
    }

    private static boolean warned;

    Database database() {
        return database;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dialect.connect(server); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The same URL naming another database on the same server. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        int pathStart = url.indexOf('/', hostStart + 2);
        int query = url.indexOf('?');
        String head = pathStart < 0 || (query >= 0 && pathStart > query)
                ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, pathStart);
        return head + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + dialect.quote(name) + " WITH (FORCE)");
    }
}
