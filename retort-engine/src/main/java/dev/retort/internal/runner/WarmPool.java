package dev.retort.internal.runner;

import dev.retort.api.CreateMethod;
import dev.retort.api.PoolStatus;
import dev.retort.api.RunnerException;
import dev.retort.api.TenantVersion;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.internal.tenants.PoolNames;
import dev.retort.operations.SchemaOps;
import dev.retort.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The warm pool of one database: schemas made at head ahead of time under reserved names
 * ({@link PoolNames}), each by the same one-transaction replay as {@code tenant create}, so that a
 * new tenant is a rename away ({@link Runner#takeFromPool}). A pool is only kept where a rename makes
 * an exact tenant: the database can rename schemas and no object of the head's schema names its own
 * schema in stored text ({@link Dialect#objectsNamingSchema}).
 */
public final class WarmPool {
    private final Dialect dialect;
    private final Runner runner;
    private final String versionTable;
    private final RevisionGraph graph;

    public WarmPool(Dialect dialect, Runner runner, String versionTable, RevisionGraph graph) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.versionTable = Objects.requireNonNull(versionTable, "version table");
        this.graph = Objects.requireNonNull(graph, "revision graph");
    }

    /** The pool's schemas, ready or not, read in bulk as {@code current --tenants} reads tenants. */
    public PoolStatus status(Connection connection) throws SQLException {
        List<String> names = PoolNames.list(connection);
        List<String> ready = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        for (TenantVersion v : new TenantSurvey(dialect, versionTable, graph).current(connection, names)) {
            (v.atHead() && v.lastFailure() == null && graph.heads().size() == 1 ? ready : behind).add(v.tenant());
        }
        return new PoolStatus(ready, behind);
    }

    /**
     * Adds schemas until {@code size} are ready; the first one made is checked for objects naming their
     * own schema, and dropped with an error when it has some.
     *
     * @throws RunnerException when the database cannot rename schemas, the graph has several heads, or
     *                         the head's objects name their own schema
     */
    public int fill(Connection connection, int size) throws SQLException {
        if (dialect.renameSchema("a", "b") == null) {
            throw new RunnerException("the " + dialect.name() + " database cannot rename a schema, so it keeps no warm pool: tenant create replays");
        }
        if (graph.heads().size() != 1) {
            throw new RunnerException("the revision graph has " + graph.heads().size() + " heads (" + String.join(", ", graph.heads())
                    + "): merge them before filling the pool");
        }
        int made = 0;
        for (int ready = status(connection).ready().size(); ready < size; ready++) {
            String name = PoolNames.next();
            runner.create(graph, name, CreateMethod.REPLAY, null);
            if (made++ == 0) requireRenamable(connection, name);
        }
        return made;
    }

    /**
     * Drops the pool's schemas that are not ready when {@code all} is false, or every one; a schema
     * another runner has locked (being taken or upgraded) is left. Returns the names dropped.
     */
    public List<String> drain(Connection connection, boolean all) throws SQLException {
        PoolStatus now = status(connection);
        List<String> dropped = new ArrayList<>();
        List<String> victims = new ArrayList<>(now.behind());
        if (all) victims.addAll(now.ready());
        for (String name : victims) {
            if (runner.dropPoolSchema(name)) dropped.add(name);
        }
        return dropped;
    }

    /**
     * After a fan-out brought the pool to a new head: if the head's objects name their own schema, the
     * pool can no longer make exact tenants, so every schema of it is dropped. Returns what it found.
     */
    public List<String> dropIfNotRenamable(Connection connection) throws SQLException {
        List<String> ready = status(connection).ready();
        if (ready.isEmpty()) return List.of();
        List<String> naming = dialect.objectsNamingSchema(connection, ready.get(0));
        if (!naming.isEmpty()) drain(connection, true);
        return naming;
    }

    private void requireRenamable(Connection connection, String name) throws SQLException {
        List<String> naming = dialect.objectsNamingSchema(connection, name);
        if (naming.isEmpty()) return;
        try (Statement st = connection.createStatement()) {
            for (String sql : dialect.render(new SchemaOps.DropSchema(name), name)) st.execute(sql);
        }
        throw new RunnerException("the revisions make objects that name their own schema (" + String.join(", ", naming)
                + "): renamed into a tenant, a pool schema would still name the pool's, so no pool is kept; tenant create replays");
    }
}
