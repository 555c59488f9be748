package dev.retort.bench;

import dev.retort.MetaData;
import dev.retort.compare.Diff;
import dev.retort.spi.Dialect;
import dev.retort.internal.autogenerate.Autogenerate;
import dev.retort.operations.Operation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The autogenerate scenarios of the workload on one tenant schema: {@code autogen-empty} (the
 * initial diff against an empty schema), {@code upgrade-one} (applying it) and {@code autogen-noop}
 * (reflect and compare again against the up-to-date schema, which must find nothing).
 */
public final class AutogenerateScenario {
    private final Dialect dialect;
    private final Supplier<Connection> connections;
    private final String schema;
    private final MetaData model;

    /**
     * @param connections opens a new connection for each timed step, as a command run would
     * @param schema      an existing, empty schema
     */
    public AutogenerateScenario(Dialect dialect, Supplier<Connection> connections, String schema, int tables) {
        this.dialect = dialect;
        this.connections = connections;
        this.schema = schema;
        this.model = WorkloadModel.of(tables).withSchema(schema);
    }

    /** A timed step's result. */
    public record Timed<T>(T value, double seconds) {
    }

    /** Autogenerate against the schema: connect, reflect, compare. */
    public Timed<Diff> autogenerate() throws SQLException {
        return autogenerate(UnaryOperator.identity());
    }

    /** The same, on the connection as {@code through} wraps it (to record its statements). */
    public Timed<Diff> autogenerate(UnaryOperator<Connection> through) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = connections.get()) {
            Diff diff = Autogenerate.autogenerate(through.apply(c), dialect, model, schema);
            return new Timed<>(diff, seconds(start));
        }
    }

    /** A new connection of the scenario's, for the floor's replay. */
    public Connection connect() {
        return connections.get();
    }

    /** Applies a diff to the schema in one transaction, the schema as the search path. */
    public Timed<Integer> apply(Diff diff) throws SQLException {
        long start = System.nanoTime();
        int statements = 0;
        try (Connection c = connections.get(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET LOCAL search_path TO " + dialect.quote(schema));
            for (Operation op : diff.operations()) {
                for (String sql : dialect.render(op, schema)) {
                    st.execute(sql);
                    statements++;
                }
            }
            c.commit();
        }
        return new Timed<>(statements, seconds(start));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
