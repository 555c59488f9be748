package dev.retort.testkit;

import dev.retort.embedded.EmbeddedServer;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database server for tests: the embedded PostgreSQL (started once per test JVM, on first use, and
 * stopped at exit) or an external server named by {@value #EXTERNAL_URL_VARIABLE}. Tests never share
 * objects: each takes a fresh schema ({@link #createSchema}) or database ({@link #createDatabase})
 * with a unique name, so test JVMs of several builds can use one external server at once. What a test
 * JVM creates on an external server is dropped when the JVM exits.
 */
public final class TestDatabase {
    /** Set it to a JDBC URL ({@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) to add that server. */
    public static final String EXTERNAL_URL_VARIABLE = "RETORT_TEST_PG_URL";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile TestDatabase embedded;
    private static volatile TestDatabase external;

    private final String name;
    private final String url;
    private final List<String> createdSchemas = new ArrayList<>();
    private final List<String> createdDatabases = new ArrayList<>();

    private TestDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** The embedded PostgreSQL of this JVM, started on first call. */
    public static TestDatabase embedded() {
        TestDatabase db = embedded;
        if (db != null) return db;
        synchronized (TestDatabase.class) {
            if (embedded == null) embedded = startEmbedded();
            return embedded;
        }
    }

    /** The server named by {@value #EXTERNAL_URL_VARIABLE}, when that is set. */
    public static Optional<TestDatabase> external() {
        String env = System.getenv(EXTERNAL_URL_VARIABLE);
        if (env == null || env.isBlank()) return Optional.empty();
        synchronized (TestDatabase.class) {
            if (external == null) {
                TestDatabase db = new TestDatabase("external-postgres", env.strip());
                Runtime.getRuntime().addShutdownHook(new Thread(db::dropCreated, "retort-test-cleanup"));
                external = db;
            }
            return Optional.of(external);
        }
    }

    /** The PostgreSQL for tests that need one server: the external one when set (it is already running), else embedded. */
    public static TestDatabase postgres() {
        return external().orElseGet(TestDatabase::embedded);
    }

    private static TestDatabase startEmbedded() {
        EmbeddedServer server = EmbeddedServer.ephemeral();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (RuntimeException ignored) {
                // the JVM is exiting; the data directory is temporary
            }
        }, "retort-test-postgres-stop"));
        return new TestDatabase("embedded-postgres", server.jdbcUrl());
    }

    /** {@code embedded-postgres} or {@code external-postgres}: how tests name this target. */
    public String name() {
        return name;
    }

    /** The database family, which picks the dialect: {@code postgresql}. */
    public String family() {
        return "postgresql";
    }

    /** The JDBC URL of the server's main database (it may carry a user, never needs a password here). */
    public String jdbcUrl() {
        return url;
    }

    public DataSource dataSource() {
        return dataSource(url);
    }

    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /**
     * Creates a schema no other test uses, named after {@code hint} (lower-cased, cut to fit), and
     * returns its name.
     */
    public String createSchema(String hint) {
        String schema = uniqueName(hint);
        executeOn(url, "CREATE SCHEMA " + quote(schema));
        synchronized (createdSchemas) {
            createdSchemas.add(schema);
        }
        return schema;
    }

    /** Creates a database no other test uses and returns its JDBC URL. */
    public String createDatabase(String hint) {
        String database = uniqueName(hint);
        executeOn(url, "CREATE DATABASE " + quote(database));
        synchronized (createdDatabases) {
            createdDatabases.add(database);
        }
        return withDatabase(url, database);
    }

    /** A data source for a JDBC URL, e.g. one returned by {@link #createDatabase}. */
    public static DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        return ds;
    }

    /** Runs statements on the main database, outside any test's transaction. */
    public void execute(String... statements) {
        executeOn(url, statements);
    }

    private static void executeOn(String jdbcUrl, String... statements) {
        try (Connection c = dataSource(jdbcUrl).getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + e.getMessage(), e);
        }
    }

    private static String uniqueName(String hint) {
        String base = (hint == null ? "t" : hint).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (base.length() > 40) base = base.substring(0, 40);
        return base + "_" + COUNTER.incrementAndGet() + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    }

    /** Test names are plain, but quoting keeps this correct for any of them. */
    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The same URL pointing at another database on the same server. */
    static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//");
        int pathStart = jdbcUrl.indexOf('/', hostStart + 2);
        int query = jdbcUrl.indexOf('?');
        String head = pathStart < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, pathStart);
        String tail = query < 0 ? "" : jdbcUrl.substring(query);
        return head + "/" + database + tail;
    }

    private void dropCreated() {
        List<String> statements = new ArrayList<>();
        synchronized (createdSchemas) {
            createdSchemas.forEach(s -> statements.add("DROP SCHEMA IF EXISTS " + quote(s) + " CASCADE"));
        }
        synchronized (createdDatabases) {
            createdDatabases.forEach(d -> statements.add("DROP DATABASE IF EXISTS " + quote(d) + " WITH (FORCE)"));
        }
        for (String sql : statements) {
            try {
                executeOn(url, sql);
            } catch (RuntimeException ignored) {
                // best effort at exit: a leftover uniquely-named object harms no later run
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
