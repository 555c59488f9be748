package dev.retort.bench;

import dev.retort.api.Database;
import dev.retort.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The physical floor of the fan-out (shared/bench/WORKLOAD.md): the workload's statements sent by
 * the plainest JDBC loop there is. C threads, each with its own connection, take the next tenant
 * until none is left and run its statements in one transaction. Statements are rendered before the
 * clock starts, so the figure is the database's time plus the wire, nothing else.
 */
public final class FloorLoop {
    private FloorLoop() {
    }

    /** Applies the statements of every tenant and returns the seconds taken. */
    public static double run(Dialect dialect, Database database, List<List<String>> perTenant, int connections)
            throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) open.add(dialect.connect(database));
            AtomicInteger next = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            List<Exception> failures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (Connection c : open) {
                Thread t = new Thread(() -> {
                    try {
                        c.setAutoCommit(false);
                        try (Statement st = c.createStatement()) {
                            for (int i = next.getAndIncrement(); i < perTenant.size(); i = next.getAndIncrement()) {
                                for (String sql : perTenant.get(i)) st.execute(sql);
                                c.commit();
                            }
                        }
                    } catch (SQLException e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) t.join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!failures.isEmpty()) throw failures.get(0);
            return seconds;
        } finally {
            for (Connection c : open) c.close();
        }
    }
}
