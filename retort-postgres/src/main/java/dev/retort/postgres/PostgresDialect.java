package dev.retort.postgres;

import dev.retort.operations.EnumOps;
import dev.retort.operations.TableOps;
import dev.retort.Column;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.MetaData;
import dev.retort.compare.Canonical;
import dev.retort.compare.Normaliser;
import dev.retort.api.Database;
import dev.retort.spi.Dialect;
import dev.retort.spi.TableSize;
import dev.retort.internal.sql.SqlTemplate;
import dev.retort.operations.Operation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PostgreSQL (10 and later; tested on 15 and 17). */
public final class PostgresDialect implements Dialect {
    /** How many queries {@link #reflect} sends, whatever the number of schemas and tables. */
    public static final int REFLECTION_QUERIES = PostgresReflector.QUERIES;
    /** lock_not_available: what {@link #lockSchema} reports when the lock is not granted in time. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** out_of_shared_memory, which a transaction taking too many locks gets. */
    private static final String OUT_OF_SHARED_MEMORY = "53200";

    private static final PostgresRenderer RENDERER = new PostgresRenderer();
    private static final PostgresNormaliser NORMALISER = new PostgresNormaliser();

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String quote(String identifier) {
        return PostgresSql.quote(identifier);
    }

    @Override
    public Map<String, MetaData> reflect(Connection connection, Collection<String> schemas) throws SQLException {
        return new PostgresReflector(connection).reflect(schemas);
    }

    /** Three statements whatever the number of schemas and objects: {@link PostgresInventory}. */
    @Override
    public Map<String, Map<String, String>> unmanagedObjects(Connection connection, Collection<String> schemas) throws SQLException {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        PostgresInventory.read(connection, schemas).forEach((schema, entries) -> {
            Map<String, String> objects = new java.util.TreeMap<>();
            for (PostgresInventory.Entry e : PostgresInventory.unmanaged(entries)) objects.put(e.key(), e.definition());
            out.put(schema, objects);
        });
        return out;
    }

    @Override
    public List<String> render(Operation operation, String targetSchema) {
        return RENDERER.render(operation, targetSchema);
    }

    @Override
    public void requireOneStatement(String sql) {
        SqlTemplate.requireOneStatement(sql);
    }

    @Override
    public Normaliser normaliser() {
        return NORMALISER;
    }

    /** Created in a scratch schema in a transaction rolled back, and read back ({@link PostgresCanonicaliser}). */
    @Override
    public Canonical canonical(Connection connection, MetaData model, String schema) throws SQLException {
        return new PostgresCanonicaliser(this).canonical(connection, model, schema);
    }

    @Override
    public boolean typeChangeRewrites(SqlType from, SqlType to) {
        return PostgresLocking.typeChangeRewrites(from, to);
    }

    @Override
    public boolean typeChangeNeedsCast(SqlType from, SqlType to) {
        return PostgresLocking.typeChangeNeedsCast(from, to);
    }

    @Override
    public boolean addColumnRewrites(Column column) {
        return PostgresLocking.addColumnRewrites(column);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /**
     * {@code SET LOCAL search_path}: the migrated schema first, then {@code public}, where extensions'
     * functions usually live; it ends with the transaction, so a pooled connection is left as it was.
     */
    @Override
    public List<String> useSchema(String schema) {
        String path = schema.equals("public") ? quote(schema) : quote(schema) + ", public";
        return List.of("SET LOCAL search_path TO " + path);
    }

    /**
     * New enum values, except on a type the same operations created or rebuilt before them: values
     * of a type created in the same transaction are usable at once (PostgreSQL 12 and later).
     */
    @Override
    public List<Operation> commitFirst(List<Operation> operations) {
        List<Operation> first = new ArrayList<>();
        Set<String> madeHere = new HashSet<>();
        for (Operation op : operations) {
            if (op instanceof EnumOps.CreateEnum o) madeHere.add(o.type().schema() + "." + o.type().name());
            if (op instanceof EnumOps.RemoveEnumValue o) madeHere.add(o.schema() + "." + o.enumName());
            if (op instanceof EnumOps.AddEnumValue o && !madeHere.contains(o.schema() + "." + o.enumName())) first.add(op);
        }
        return first;
    }

    /**
     * {@code information_schema} and every name with the {@code pg_} prefix, which PostgreSQL reserves
     * for its own schemas ({@code pg_catalog}, {@code pg_toast}, {@code pg_temp_N}, ...).
     */
    @Override
    public boolean isSystemSchema(String schema) {
        return schema.equals("information_schema") || schema.startsWith("pg_");
    }

    /**
     * One catalog query over everything a schema can hold: relations of every kind (Retort's own
     * tables and their indexes aside), types that are not a relation's row type or an array, routines,
     * operators and their classes and families, collations, conversions, text search objects,
     * extended statistics and extensions. Triggers, policies, rules and constraints belong to a
     * relation and come with it.
     */
    @Override
    public boolean schemaIsEmpty(Connection connection, String schema, Collection<String> ownTables) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SCHEMA_IS_EMPTY)) {
            Array own = connection.createArrayOf("text", ownTables.toArray());
            ps.setArray(1, own);
            ps.setArray(2, own);
            ps.setString(3, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next() || rs.getBoolean(1);
            }
        }
    }

    private static final String SCHEMA_IS_EMPTY = """
            SELECT NOT (
                EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relnamespace = n.oid
                        AND NOT (c.relkind IN ('r', 'p') AND c.relname = ANY (?))
                        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
                                        WHERE i.indexrelid = c.oid AND t.relnamespace = n.oid AND t.relname = ANY (?)))
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typnamespace = n.oid AND t.typrelid = 0 AND t.typcategory <> 'A')
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.pronamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_operator o WHERE o.oprnamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_opclass o WHERE o.opcnamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_opfamily o WHERE o.opfnamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_collation o WHERE o.collnamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_conversion o WHERE o.connamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_ts_config o WHERE o.cfgnamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_ts_dict o WHERE o.dictnamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_ts_parser o WHERE o.prsnamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_ts_template o WHERE o.tmplnamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_statistic_ext o WHERE o.stxnamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension o WHERE o.extnamespace = n.oid))
            FROM pg_catalog.pg_namespace n WHERE n.nspname = ?""";

    /**
     * No parallel plans: the tables a survey reads hold a row or two but have never been analysed, so
     * the planner estimates pages of rows for each and, over a hundred of them, starts parallel workers
     * whose start-up costs several times the whole read (measured in docs/benchmarks.md).
     */
    @Override
    public void prepareBulkRead(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET max_parallel_workers_per_gather = 0");
        }
    }

    @Override
    public String renameSchema(String from, String to) {
        return "ALTER SCHEMA " + quote(from) + " RENAME TO " + quote(to);
    }

    /**
     * Routines (body, {@code SET} options), triggers (arguments) and comments of the schema's objects
     * whose text holds the schema's name. Everything else the catalog keeps as references by oid
     * (defaults, views, checks, policies, sequence ownership), which follow a rename.
     */
    @Override
    public List<String> objectsNamingSchema(Connection connection, String schema) throws SQLException {
        String sql = """
                WITH ns AS (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ?)
                SELECT 'routine ' || p.proname FROM pg_catalog.pg_proc p, ns
                 WHERE p.pronamespace = ns.oid
                   AND (pg_catalog.strpos(p.prosrc, ?) > 0
                        OR pg_catalog.strpos(COALESCE(pg_catalog.array_to_string(p.proconfig, ' '), ''), ?) > 0)
                UNION ALL
                SELECT 'trigger ' || t.tgname || ' on ' || c.relname FROM pg_catalog.pg_trigger t
                  JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid, ns
                 WHERE c.relnamespace = ns.oid AND pg_catalog.strpos(pg_catalog.encode(t.tgargs, 'escape'), ?) > 0
                UNION ALL
                SELECT 'comment on ' || pg_catalog.pg_describe_object(d.classoid, d.objoid, d.objsubid)
                  FROM (SELECT 'pg_catalog.pg_class'::pg_catalog.regclass AS cls, c.oid FROM pg_catalog.pg_class c, ns WHERE c.relnamespace = ns.oid
                        UNION ALL SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid FROM pg_catalog.pg_proc p, ns WHERE p.pronamespace = ns.oid
                        UNION ALL SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid FROM pg_catalog.pg_type t, ns WHERE t.typnamespace = ns.oid
                        UNION ALL SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid FROM pg_catalog.pg_constraint k, ns
                                   WHERE k.connamespace = ns.oid) o
                  JOIN pg_catalog.pg_description d ON d.objoid = o.oid AND d.classoid = o.cls
                 WHERE pg_catalog.strpos(d.description, ?) > 0
                ORDER BY 1""";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 1; i <= 5; i++) ps.setString(i, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public List<String> existingSchemas(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                     + "AND nspname <> 'information_schema' ORDER BY nspname")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /**
     * One query on the catalog for every schema and table: {@code reltuples}, the planner's estimate
     * (-1 for a table never vacuumed or analysed, counted as 0), and {@code pg_total_relation_size}.
     * Names are bound as arrays, never put into the text.
     */
    @Override
    public Map<String, Map<String, TableSize>> tableSizes(Connection connection, Collection<String> schemas,
                                                          Collection<String> tables) throws SQLException {
        Map<String, Map<String, TableSize>> out = new LinkedHashMap<>();
        if (schemas.isEmpty() || tables.isEmpty()) return out;
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT n.nspname, c.relname, GREATEST(c.reltuples, 0)::bigint, pg_catalog.pg_total_relation_size(c.oid)
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND c.relname = ANY (?)""")) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            ps.setArray(2, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), new TableSize(rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return out;
    }

    /** {@code SET LOCAL}: the bounds end with the transaction, so a pooled connection is left as it was. */
    @Override
    public List<String> transactionTimeouts(Duration lockTimeout, Duration statementTimeout) {
        List<String> out = new ArrayList<>();
        out.add("SET LOCAL lock_timeout = " + Math.max(0, lockTimeout.toMillis()));
        if (statementTimeout != null) {
            out.add("SET LOCAL statement_timeout = " + (statementTimeout.isZero() ? 0 : Math.max(1, statementTimeout.toMillis())));
        }
        return out;
    }

    /** pg_index.indisvalid: false while a concurrent build runs, and after one that failed or was killed. */
    @Override
    public IndexState indexState(Connection connection, String schema, String index) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT i.indisvalid FROM pg_catalog.pg_index i
                JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ?""")) {
            ps.setString(1, schema);
            ps.setString(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return IndexState.MISSING;
                return rs.getBoolean(1) ? IndexState.VALID : IndexState.INVALID;
            }
        }
    }

    @Override
    public List<String> sessionSettings(String schema, Duration lockTimeout, Duration statementTimeout) {
        List<String> out = new ArrayList<>();
        for (String local : transactionTimeouts(lockTimeout, statementTimeout)) out.add(local.replaceFirst("^SET LOCAL ", "SET "));
        for (String local : useSchema(schema)) out.add(local.replaceFirst("^SET LOCAL ", "SET "));
        return out;
    }

    /** The session's values as {@code set_config} statements, each value a literal of what the server said. */
    @Override
    public List<String> sessionRestore(Connection connection) throws SQLException {
        List<String> names = List.of("lock_timeout", "statement_timeout", "search_path");
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('lock_timeout'), current_setting('statement_timeout'), current_setting('search_path')")) {
            rs.next();
            for (int i = 0; i < names.size(); i++) {
                out.add("SELECT pg_catalog.set_config('" + names.get(i) + "', " + PostgresSql.literal(rs.getString(i + 1)) + ", false)");
            }
        }
        return out;
    }

    /** SQLSTATE 55P03, lock_not_available: what lock_timeout raises. */
    @Override
    public boolean lockTimedOut(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && "55P03".equals(e.getSQLState())) return true;
        }
        return false;
    }

    /** Granted locks on the schema's relations held by other sessions, oldest transaction first, at most three. */
    @Override
    public String lockHolders(Connection connection, String schema) throws SQLException {
        List<String> holders = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT a.pid, coalesce(a.state, '?'), a.xact_start, a.query_start, left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 60),
                       string_agg(DISTINCT c.relname, ', ' ORDER BY c.relname), string_agg(DISTINCT l.mode, ', ' ORDER BY l.mode)
                FROM pg_catalog.pg_locks l
                JOIN pg_catalog.pg_class c ON c.oid = l.relation
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
                WHERE l.granted AND n.nspname = ? AND l.pid <> pg_backend_pid()
                GROUP BY a.pid, a.state, a.xact_start, a.query_start, a.query
                ORDER BY a.xact_start NULLS LAST, a.pid
                LIMIT 3""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp since = rs.getTimestamp(3) != null ? rs.getTimestamp(3) : rs.getTimestamp(4);
                    holders.add("pid " + rs.getInt(1) + " (" + rs.getString(2)
                            + (since == null ? "" : " since " + since.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                            + ", holding " + rs.getString(7) + " on " + rs.getString(6)
                            + ", query: " + rs.getString(5) + ")");
                }
            }
        }
        return holders.isEmpty() ? null : String.join("; ", holders);
    }

    @Override
    public boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * A session-level advisory lock, keyed by a hash of schema and version table computed here (so the
     * key does not depend on the server's hash function), polled until the timeout.
     */
    @Override
    public void lockSchema(Connection connection, String schema, String versionTable, Duration timeout) throws SQLException {
        long key = lockKey(schema, versionTable);
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 20;
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) return;
                }
                if (System.nanoTime() >= deadline) {
                    throw new SQLException("schema " + schema + " is being migrated by another process (lock on "
                            + versionTable + " not granted within " + timeout.toSeconds() + " s)", LOCK_NOT_AVAILABLE);
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the lock on schema " + schema, LOCK_NOT_AVAILABLE, e);
                }
                pause = Math.min(pause * 2, 500);
            }
        }
    }

    @Override
    public void unlockSchema(Connection connection, String schema, String versionTable) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_advisory_unlock(?)")) {
            ps.setLong(1, lockKey(schema, versionTable));
            ps.executeQuery().close();
        }
    }

    static long lockKey(String schema, String versionTable) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("retort\0" + schema + "\0" + versionTable).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) key = (key << 8) | (digest[i] & 0xff);
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public List<String> useSchemaInScript(String schema) {
        return List.of("SET search_path TO " + quote(schema));
    }

    @Override
    public String createSchemaIfNotExists(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
    }

    /** The renderer's {@code CREATE TABLE} with {@code IF NOT EXISTS}: Retort's tables have no indexes or comments. */
    @Override
    public String createTableIfNotExists(Table table, String schema) {
        List<String> create = RENDERER.render(new TableOps.CreateTable(table), schema);
        String prefix = "CREATE TABLE ";
        if (create.size() != 1 || !create.get(0).startsWith(prefix)) {
            throw new IllegalStateException("table " + table.name() + " renders as more than one CREATE TABLE: " + create);
        }
        return prefix + "IF NOT EXISTS " + create.get(0).substring(prefix.length());
    }

    @Override
    public boolean lockNotGranted(SQLException failure) {
        return LOCK_NOT_AVAILABLE.equals(failure.getSQLState());
    }

    /** Out of shared memory (53200): the transaction took more locks than the server's lock table holds. */
    @Override
    public String advice(SQLException failure) {
        if (OUT_OF_SHARED_MEMORY.equals(failure.getSQLState())) {
            return "it takes more locks than one transaction may hold: raise max_locks_per_transaction on the server, "
                    + "or split the revision";
        }
        return null;
    }

    @Override
    public Connection connect(Database database) {
        return PostgresConnections.open(database);
    }

    @Override
    public String toString() {
        return name();
    }
}
