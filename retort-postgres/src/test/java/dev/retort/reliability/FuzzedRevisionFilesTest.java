package dev.retort.reliability;

import dev.retort.api.Retort;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.revision.RevisionException;
import dev.retort.revision.RevisionFormatException;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated revision files (issue: nothing lost, ever): each seeded case damages a chain of real
 * revision files (RevisionMutator) and loads the directory. Every case must either load, or fail with
 * Retort's own error: a {@link RevisionFormatException} naming the damaged file and a line in it (line 0
 * only for a problem of the whole file), or a {@link RevisionException} of the graph naming the files
 * involved; always one line. Anything else (another exception, an Error such as a stack overflow)
 * is a defect. A sample goes through the facade's upgrade, which must open no connection at all.
 */
class FuzzedRevisionFilesTest {
    private static final int FILES = Scale.of("fuzz.files", 1_000, 10_000);
    private static final int THROUGH_FACADE = Scale.of("fuzz.facade", 40, 1_000);
    /** Problems about the file as a whole, which have no line to name. */
    private static final List<String> WHOLE_FILE = List.of("empty file", "too large");

    @Test
    void everyMutatedFileLoadsOrFailsWithTheRevisionFormatErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        RealRevisions real = new RealRevisions();
        RevisionMutator mutator = new RevisionMutator(real.files, RealRevisions.IDS);
        long seed = Scale.seed();
        Map<String, int[]> byMutation = new TreeMap<>(); // mutation -> {cases, loaded, format errors, graph errors}
        List<String> defects = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < FILES; i++) {
            RevisionMutator.Case c = mutator.next(seed * 1_000_003L + i);
            Path migrations = write(dir.resolve("case"), c);
            String outcome = outcome(migrations, c);
            for (String m : c.mutations()) {
                int[] counts = byMutation.computeIfAbsent(m, k -> new int[4]);
                counts[0]++;
                counts[outcome.equals("loaded") ? 1 : outcome.equals("format") ? 2 : outcome.equals("graph") ? 3 : 0] +=
                        outcome.equals("loaded") || outcome.equals("format") || outcome.equals("graph") ? 1 : 0;
            }
            if (!List.of("loaded", "format", "graph").contains(outcome)) {
                defects.add("case " + c.seed() + " " + c.mutations() + " on " + c.target() + ": " + outcome);
                keep(migrations, c);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("fuzzed revision files: %d cases (seed %d) in %d ms%n", FILES, seed, millis);
        byMutation.forEach((m, n) -> System.out.printf("  %-24s %5d cases: %5d loaded, %5d revision-format errors, %5d graph errors%n",
                m, n[0], n[1], n[2], n[3]));
        assertThat(defects).as("cases that ended otherwise than loaded or Retort's revision error").isEmpty();
    }

    @Test
    void aDamagedDirectoryReachesNoDatabase(@TempDir Path dir) throws IOException {
        RevisionMutator mutator = new RevisionMutator(new RealRevisions().files, RealRevisions.IDS);
        TestDatabase db = TestDatabase.postgres();
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        int refused = 0;
        for (int i = 0; i < THROUGH_FACADE; i++) {
            RevisionMutator.Case c = mutator.next(Scale.seed() * 7_919L + i);
            Path migrations = write(dir.resolve("case"), c);
            if (outcome(migrations, c).equals("loaded")) continue;
            Retort retort = Retort.configure().dataSource(counting).migrations(migrations).load();
            int before = counting.connections.get();
            String schema = "fuzz_never_" + i;
            Throwable thrown = null;
            try {
                retort.upgrade("head", schema);
            } catch (Throwable t) {
                thrown = t;
            }
            assertThat(thrown).as("case %d %s", c.seed(), c.mutations()).isInstanceOf(RevisionException.class);
            assertThat(counting.connections.get()).as("connections opened by case %d %s", c.seed(), c.mutations()).isEqualTo(before);
            refused++;
        }
        assertThat(refused).as("damaged directories tried").isGreaterThan(THROUGH_FACADE / 3);
        try (Connection c = db.connect(); var rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'fuzz\\_never\\_%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** loaded, format, graph, or what went wrong. */
    private static String outcome(Path migrations, RevisionMutator.Case c) {
        Path target = migrations.resolve(c.target());
        try {
            MigrationsDirectory.load(migrations);
            return "loaded";
        } catch (RevisionFormatException e) {
            if (e.getMessage().contains("\n") || e.getMessage().contains("\r")) return "message of several lines: " + e.getMessage();
            if (e.file() == null) return "no file named: " + e.getMessage();
            if (!e.getMessage().startsWith(e.file().toString())) return "message does not start with the file: " + e.getMessage();
            if (!e.file().equals(target) && !c.mutations().contains("cycle") && !c.mutations().contains("duplicate id")) {
                return "names another file than the damaged one: " + e.getMessage();
            }
            if (e.line() <= 0 && WHOLE_FILE.stream().noneMatch(e.problem()::startsWith)) return "no line: " + e.getMessage();
            if (e.line() > lines(e.file()) + 1) return "line " + e.line() + " past the end: " + e.getMessage();
            return "format";
        } catch (RevisionException e) {
            if (e.getMessage().contains("\n")) return "message of several lines: " + e.getMessage();
            boolean namesAFile;
            try (Stream<Path> files = Files.list(migrations)) {
                namesAFile = files.anyMatch(f -> e.getMessage().contains(f.getFileName().toString()));
            } catch (IOException io) {
                throw new IllegalStateException(io);
            }
            return namesAFile ? "graph" : "graph error naming no file: " + e.getMessage();
        } catch (Throwable t) {
            return t.getClass().getName() + ": " + t.getMessage();
        }
    }

    private static int lines(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int n = 1;
            for (byte b : bytes) if (b == '\n') n++;
            return n;
        } catch (IOException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static Path write(Path migrations, RevisionMutator.Case c) throws IOException {
        if (Files.exists(migrations)) {
            try (Stream<Path> old = Files.list(migrations)) {
                for (Path p : old.toList()) Files.delete(p);
            }
        } else {
            Files.createDirectories(migrations);
        }
        for (Map.Entry<String, byte[]> f : c.files().entrySet()) Files.write(migrations.resolve(f.getKey()), f.getValue());
        return migrations;
    }

    /** Keeps a failing case under target/ so that it can be looked at after the build. */
    private static void keep(Path migrations, RevisionMutator.Case c) throws IOException {
        Path kept = Path.of("target", "fuzz-defects", Long.toString(c.seed()));
        Files.createDirectories(kept);
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path f : files.toList()) Files.copy(f, kept.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(kept.resolve("MUTATIONS.txt"), c.mutations() + " on " + c.target() + "\n", StandardCharsets.UTF_8);
    }

    /** A data source that counts the connections it hands out: what proves that nothing reached the server. */
    private static final class CountingDataSource implements DataSource {
        private final DataSource delegate;
        final AtomicInteger connections = new AtomicInteger();

        CountingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            connections.incrementAndGet();
            return delegate.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
