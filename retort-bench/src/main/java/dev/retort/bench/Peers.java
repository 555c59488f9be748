package dev.retort.bench;

import dev.retort.api.Database;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The peers of shared/bench/WORKLOAD.md, run as subprocesses: Alembic's {@code peer.py}, and Flyway's
 * Maven project, compiled once and then started with plain {@code java}. What counts is the seconds a
 * peer prints for a scenario, timed inside its own process, so that neither the start-up of Python or
 * of a JVM nor Maven is in the figure.
 */
final class Peers {
    /** The line a peer prints per scenario. */
    private static final Pattern RESULT = Pattern.compile("(\\w+) (\\S+) tables=(\\d+) tenants=(\\d+) seconds=([0-9.]+)");
    private static final int TAIL_LINES = 5;
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private Peers() {
    }

    /** One of the peer's result lines, as printed and as parsed. */
    record Result(String line, String scenario, int tables, int tenants, double seconds) {
    }

    /** A peer that failed: the message is one line, with the end of what the peer said on stderr. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    /** A peer that can time the fan-out scenario: the workload applied to fresh tenant schemas, one after another. */
    interface Peer extends AutoCloseable {
        String name();

        /** Runs the scenario in {@code database}, which should be empty scratch space. */
        Result fanOut(Database database, int tables, int tenants) throws IOException, InterruptedException;

        @Override
        default void close() throws IOException {
        }
    }

    /** {@code peer.py} of the given directory, run by a Python that has Alembic. */
    static final class Alembic implements Peer {
        /**
         * Runs the peer with a higher recursion limit: SQLAlchemy 1.4 reflects a table's foreign-key target
         * recursively, so a chain of 1000 tables exceeds Python's default limit of 1000 and autogen-noop dies
         * with a RecursionError. The limit is the interpreter's; Alembic does the same work.
         */
        private static final String RAISED_LIMIT = "import runpy, sys; sys.setrecursionlimit(int(sys.argv[1])); "
                + "path = sys.argv[2]; sys.argv = [path] + sys.argv[3:]; runpy.run_path(path, run_name='__main__')";

        static final String PYTHON = "/usr/bin/python3";
        static final int RECURSION_LIMIT = 10_000;

        private final Path script;
        private final String python;
        private final int recursionLimit;

        Alembic(Path directory) {
            this(directory, PYTHON, RECURSION_LIMIT);
        }

        Alembic(Path directory, String python, int recursionLimit) {
            this.script = directory.resolve("peer.py");
            if (!Files.isRegularFile(script)) throw new IllegalArgumentException("no peer.py in " + directory);
            this.python = python;
            this.recursionLimit = recursionLimit;
        }

        @Override
        public String name() {
            return "alembic";
        }

        /** Runs the comma-separated scenarios in {@code database}; returns a result per scenario timed. */
        List<Result> run(Database database, int tables, int tenants, String scenarios) throws IOException, InterruptedException {
            List<Result> results = Peers.run("the alembic peer", name(), List.of(python, "-c", RAISED_LIMIT, String.valueOf(recursionLimit), script.toString(),
                    "--url", sqlAlchemyUrl(database), "--tables", String.valueOf(tables), "--tenants", String.valueOf(tenants),
                    "--scenarios", scenarios), null);
            for (Result r : results) expect(name(), r, tables, r.scenario().equals("fanout") ? tenants : 1);
            return results;
        }

        @Override
        public Result fanOut(Database database, int tables, int tenants) throws IOException, InterruptedException {
            return only(name(), run(database, tables, tenants, "fanout"), "fanout");
        }
    }

    /**
     * The Flyway peer's Maven project, copied to a temporary directory (shared/ may be read-only) and
     * compiled there once, its class path resolved by Maven at the same time; each run is then a plain
     * JVM. The copy is deleted on {@link #close()}.
     */
    static final class Flyway implements Peer {
        private final Path copy;
        private final String classPath;

        private Flyway(Path copy, String classPath) {
            this.copy = copy;
            this.classPath = classPath;
        }

        static Flyway compile(Path directory) throws IOException, InterruptedException {
            if (!Files.isRegularFile(directory.resolve("pom.xml"))) throw new IllegalArgumentException("no pom.xml in " + directory);
            Path copy = Files.createTempDirectory("retort-bench-flyway-peer");
            try {
                copyTree(directory, copy);
                Path dependencies = copy.resolve("target").resolve("peer.classpath");
                Peers.run("the flyway peer's compilation", null, List.of("mvn", "-q", "-B", "-ntp", "-Dstyle.color=never", "compile",
                        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                        "-Dmdep.outputFile=" + dependencies, "-Dmdep.includeScope=runtime"), copy);
                return new Flyway(copy, copy.resolve("target").resolve("classes") + File.pathSeparator
                        + Files.readString(dependencies).strip());
            } catch (IOException | InterruptedException | RuntimeException e) {
                deleteTree(copy);
                throw e;
            }
        }

        @Override
        public String name() {
            return "flyway";
        }

        @Override
        public Result fanOut(Database database, int tables, int tenants) throws IOException, InterruptedException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Result r = only(name(), Peers.run("the flyway peer", name(), List.of(java, "-cp", classPath, "FlywayPeer",
                    database.url(), user(database), String.valueOf(tenants)), copy), "fanout");
            expect(name(), r, tables, tenants);
            return r;
        }

        @Override
        public void close() throws IOException {
            deleteTree(copy);
        }

        /** The peer takes the user apart from the URL; the driver's default is the system user's name. */
        private static String user(Database db) {
            String user = db.user() != null ? db.user() : db.urlParameter("user");
            return user != null ? user : System.getProperty("user.name");
        }
    }

    /**
     * Runs a command to its end and returns the result lines of {@code system} it printed on stdout
     * (none looked for when {@code system} is null). Stderr goes to a file rather than a pipe, so that a
     * chatty peer cannot block on it.
     *
     * @param what names the command in the message of a failure
     * @throws Failed on a non-zero exit, or when results were looked for and none was printed
     */
    private static List<Result> run(String what, String system, List<String> command, Path directory)
            throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("retort-bench-peer", ".stderr");
        try {
            Process p = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                    .redirectError(stderr.toFile()).start();
            p.getOutputStream().close();
            List<Result> results = new ArrayList<>();
            Deque<String> stdoutTail = new ArrayDeque<>();
            boolean mavenHelp = false;
            try (BufferedReader r = p.inputReader(StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = RESULT.matcher(line);
                    if (system != null && m.find() && m.group(1).equals(system)) {
                        results.add(new Result(line.substring(m.start()), m.group(2), Integer.parseInt(m.group(3)),
                                Integer.parseInt(m.group(4)), Double.parseDouble(m.group(5))));
                    } else if (!mavenHelp) {
                        // What Maven prints after "-> [Help 1]" is the same advice whatever went wrong.
                        mavenHelp = line.contains("-> [Help ");
                        if (!mavenHelp) keep(stdoutTail, line);
                    }
                }
            }
            int exit = p.waitFor();
            if (exit == 0 && (system == null || !results.isEmpty())) return results;
            Deque<String> stderrTail = new ArrayDeque<>();
            // Decoded leniently: a stray byte must not hide the peer's message.
            new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8).lines().forEach(line -> keep(stderrTail, line));
            // Maven reports its errors on stdout.
            Deque<String> tail = stderrTail.isEmpty() ? stdoutTail : stderrTail;
            throw new Failed(what + " failed (" + (exit != 0 ? "exit " + exit : "no result line") + "): "
                    + (tail.isEmpty() ? "it printed nothing" : String.join(" | ", tail)));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /** Keeps the last lines that say something: a Java stack trace's frames would crowd out its message. */
    private static void keep(Deque<String> tail, String line) {
        String s = ANSI_ESCAPE.matcher(line).replaceAll("").strip();
        if (s.isEmpty() || s.equals("[ERROR]") || s.startsWith("at ") || (s.startsWith("...") && s.endsWith("more"))) return;
        tail.addLast(s);
        if (tail.size() > TAIL_LINES) tail.removeFirst();
    }

    static Result only(String system, List<Result> results, String scenario) {
        return results.stream().filter(r -> r.scenario().equals(scenario)).findFirst()
                .orElseThrow(() -> new Failed("the " + system + " peer printed no " + scenario + " line"));
    }

    /** A peer that ran another workload than asked would be compared with the wrong thing. */
    private static void expect(String system, Result r, int tables, int tenants) {
        if (r.tables() != tables || r.tenants() != tenants) {
            throw new Failed("the " + system + " peer ran tables=" + r.tables() + " tenants=" + r.tenants()
                    + " where tables=" + tables + " tenants=" + tenants + " were asked: " + r.line());
        }
    }

    /** {@code postgresql://user[:password]@host:port/database} for SQLAlchemy, from the JDBC URL's parts. */
    static String sqlAlchemyUrl(Database db) {
        Matcher m = Pattern.compile("jdbc:postgresql://([^/?]*)/([^?]*)").matcher(db.url());
        if (!m.lookingAt()) throw new IllegalArgumentException("expected jdbc:postgresql://host[:port]/database: " + db.safeUrl());
        String user = db.user() != null ? db.user() : db.urlParameter("user");
        String password = db.password() != null ? db.password() : db.urlParameter("password");
        String credentials = user == null ? "" : user + (password == null ? "" : ":" + password) + "@";
        return "postgresql://" + credentials + m.group(1) + "/" + m.group(2);
    }

    /** Copies file by file, as new files: a copy of a read-only tree made with its modes could not be built in. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.write(target, Files.readAllBytes(p));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
