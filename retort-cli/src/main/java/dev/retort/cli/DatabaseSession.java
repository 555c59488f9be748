package dev.retort.cli;

import dev.retort.api.ConfigurationException;
import dev.retort.cli.config.ConfigException;
import dev.retort.cli.config.Key;
import dev.retort.cli.config.Settings;
import dev.retort.loader.StateDirectory;
import dev.retort.api.Database;
import dev.retort.api.DatabaseDataSource;
import dev.retort.spi.Dialect;
import dev.retort.spi.Dialects;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.postgres.PostgresDialect;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Objects;

/**
 * The database a command works on, for the length of the command: the one the settings name
 * ({@code --url}, then {@code RETORT_URL}, then retort.yaml's {@code url:}, with its user and
 * password), or, when none is named, the embedded PostgreSQL whose data lives in {@code .retort/pg}
 * beside retort.yaml, started here and stopped by {@link #close()}.
 *
 * <pre>{@code
 * try (DatabaseSession db = DatabaseSession.open(settings)) {
 *     try (Connection c = db.connect()) { ... }
 * }
 * }</pre>
 */
public final class DatabaseSession implements AutoCloseable {
    /** The embedded server's data directory inside Retort's state directory. */
    public static final String EMBEDDED_DATA = "pg";

    private final Database database;
    private final Dialect dialect;
    private final EmbeddedServer server;
    private final String description;

    private DatabaseSession(Database database, Dialect dialect, EmbeddedServer server, String description) {
        this.database = database;
        this.dialect = dialect;
        this.server = server;
        this.description = description;
    }

    /**
     * Opens the session: checks the configured database's URL, or starts the embedded server. No
     * connection is opened yet, so an unreachable server is reported by the first {@link #connect()}.
     *
     * @throws ConfigException when no dialect takes the configured URL, naming where it came from
     * @throws dev.retort.api.DatabaseException when the embedded server does not start
     */
    public static DatabaseSession open(Settings settings) {
        Dialect dialect = dialect(settings);
        if (!settings.embedded()) {
            Database database = new Database(settings.url(), settings.user(),
                    settings.password() == null ? null : settings.password().reveal());
            return new DatabaseSession(database, dialect, null, settings.displayUrl());
        }
        EmbeddedServer server = EmbeddedServer.persistent(embeddedDataDirectory(settings));
        return new DatabaseSession(server.database(), dialect, server, settings.displayUrl());
    }

    /**
     * The dialect of the configured database, found without connecting (for offline SQL): the one that
     * takes the URL, or PostgreSQL for the embedded server.
     *
     * @throws ConfigException when no dialect takes the URL, naming where it came from
     */
    public static Dialect dialect(Settings settings) {
        if (settings.embedded()) return new PostgresDialect();
        try {
            return Dialects.forUrl(settings.url());
        } catch (ConfigurationException e) {
            throw ConfigException.at(settings.source(Key.URL), e.getMessage());
        }
    }

    /** Where the embedded server keeps its data: {@code .retort/pg} beside retort.yaml (made, with its .gitignore). */
    public static Path embeddedDataDirectory(Settings settings) {
        return StateDirectory.create(settings.stateDirectory()).resolve(EMBEDDED_DATA);
    }

    public Database database() {
        return database;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether this is the embedded server. */
    public boolean embedded() {
        return server != null;
    }

    /** A data source opening a new connection per call (no pool). */
    public DataSource dataSource() {
        return new DatabaseDataSource(dialect, database);
    }

    /**
     * A new connection; the caller closes it.
     *
     * @throws dev.retort.api.DatabaseException when the database cannot be reached, in one line
     */
    public Connection connect() {
        return dialect.connect(database);
    }

    /** The database fit to print: its URL without password, or the embedded server's directory. */
    public String describe() {
        return description;
    }

    /** Stops the embedded server, if this session started one; its data stays. */
    @Override
    public void close() {
        if (server != null) server.close();
    }

    @Override
    public String toString() {
        return "DatabaseSession[" + Objects.toString(description) + "]";
    }
}
