package dev.retort.loader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The classpath of a Maven module's main code, compiled: its {@code target/classes} and its runtime
 * dependencies, as {@code mvn compile dependency:build-classpath} gives them. Maven takes seconds, so
 * the result is cached in the state directory and Maven runs again only when a pom or a main source
 * of the module, or of a reactor module on its classpath, is newer than the cache, or when an entry
 * has disappeared (after {@code mvn clean}, say).
 */
final class MavenClasspath {
    static final String CACHE = "classpath";
    static final String BUILDING = "retort: building the model (mvn compile)...";
    static final String LOG = "maven.log";
    private static final String OUTPUT = "classpath.maven";
    private static final String CLASSES = "target/classes";
    private static final int TAIL_LINES = 8;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    /** Maven's closing advice after an error, the same every time: not worth a line of the message. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "\\[ERROR]\\s*(->.*|To see the full stack trace.*|Re-run Maven.*|For more information.*|\\[Help \\d+].*)?");

    private final Maven maven;
    private final Consumer<String> progress;

    MavenClasspath(Maven maven, Consumer<String> progress) {
        this.maven = maven;
        this.progress = progress;
    }

    /** The classpath of the module in {@code moduleDirectory}, cached in {@code stateDirectory}. */
    List<Path> resolve(Path moduleDirectory, Path stateDirectory) {
        MavenReactor reactor = MavenReactor.of(moduleDirectory);
        Path cache = stateDirectory.resolve(CACHE);
        List<Path> cached = read(cache);
        if (cached != null && fresh(cache, cached, reactor)) return cached;
        progress.accept(BUILDING);
        List<Path> built = build(reactor, StateDirectory.create(stateDirectory));
        write(cache, built);
        return built;
    }

    private List<Path> build(MavenReactor reactor, Path stateDirectory) {
        Path output = stateDirectory.resolve(OUTPUT);
        Path log = stateDirectory.resolve(LOG);
        List<String> arguments = new ArrayList<>(List.of("-q", "-B", "-ntp", "compile", "dependency:build-classpath",
                "-Dmdep.outputFile=" + output.toAbsolutePath(),
                // build-classpath reads includeScope; "mdep.includeScope" would be ignored and bring in test jars.
                "-DincludeScope=runtime"));
        if (!reactor.standalone()) arguments.addAll(List.of("-pl", reactor.module(), "-am"));
        int exit;
        try {
            Files.deleteIfExists(output);
            exit = maven.run(reactor.root(), arguments, log);
        } catch (IOException e) {
            throw new ModelLoadException("cannot run Maven in " + reactor.root() + " (" + e.getMessage()
                    + "): install Maven, or list the model's classes and jars under classpath: in retort.yaml", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelLoadException("interrupted while Maven was building the model", e);
        }
        if (exit != 0) {
            String goal = reactor.standalone() ? "compile" : "compile -pl " + reactor.module() + " -am";
            throw new ModelLoadException("building the model failed: mvn " + goal + " in " + reactor.root()
                    + " exited with " + exit + ": " + tail(log) + " (all of its output: " + log + ")");
        }
        if (!Files.isRegularFile(output)) {
            throw new ModelLoadException("Maven built the model but wrote no classpath to " + output + " (its output: " + log + ")");
        }
        // The module's own classes first: they must win over anything of the same name in a dependency.
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(reactor.moduleDirectory().resolve(CLASSES));
        try {
            for (String entry : Files.readString(output, StandardCharsets.UTF_8).strip().split(Pattern.quote(File.pathSeparator))) {
                if (!entry.isBlank()) entries.add(Path.of(entry.strip()).toAbsolutePath().normalize());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + output + ": " + e.getMessage(), e);
        }
        return entries.stream().filter(Files::exists).toList();
    }

    /** The cached classpath, or null when there is none. */
    private static List<Path> read(Path cache) {
        if (!Files.isRegularFile(cache)) return null;
        try {
            return Files.readAllLines(cache, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(Path::of).toList();
        } catch (IOException | RuntimeException unreadable) {
            return null;  // a damaged cache is rebuilt, not reported
        }
    }

    private static void write(Path cache, List<Path> entries) {
        StringBuilder text = new StringBuilder("# The model's classpath from Maven; Retort rebuilds it when sources change.\n");
        entries.forEach(entry -> text.append(entry).append('\n'));
        Path temporary = cache.resolveSibling(CACHE + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + cache + ": " + e.getMessage(), e);
        }
    }

    /** Whether nothing the classpath was built from has changed since the cache was written. */
    private static boolean fresh(Path cache, List<Path> entries, MavenReactor reactor) {
        if (!entries.stream().allMatch(Files::exists)) return false;
        try {
            FileTime built = Files.getLastModifiedTime(cache);
            List<Path> watched = new ArrayList<>(reactor.poms());
            Set<Path> modules = new LinkedHashSet<>();
            modules.add(reactor.moduleDirectory());
            for (Path entry : entries) {
                // A reactor module on the classpath is there as its target/classes: its sources count too.
                if (entry.endsWith(CLASSES)) {
                    Path module = entry.getParent().getParent();
                    if (Files.isRegularFile(module.resolve(MavenReactor.POM))) modules.add(module);
                }
            }
            for (Path module : modules) {
                watched.add(module.resolve(MavenReactor.POM));
                Path main = module.resolve("src/main");
                watched.add(Files.isDirectory(main) ? main : module.resolve("src"));
            }
            for (Path path : watched) {
                if (Files.exists(path) && newerThan(path, built)) return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the file, or anything under the directory (directories too: they change when a file is added or removed), is newer. */
    private static boolean newerThan(Path path, FileTime time) throws IOException {
        boolean[] newer = {false};
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return check(attributes);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                return check(attributes);
            }

            private FileVisitResult check(BasicFileAttributes attributes) {
                if (attributes.lastModifiedTime().compareTo(time) > 0) {
                    newer[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return newer[0];
    }

    /** The last lines Maven printed, without colours, blank lines and its closing advice, on one line. */
    static String tail(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(its output could not be read: " + e.getMessage() + ")";
        }
        List<String> kept = lines.stream()
                .map(line -> ANSI.matcher(line).replaceAll("").strip())
                .filter(line -> !line.isEmpty() && !BOILERPLATE.matcher(line).matches())
                .toList();
        if (kept.isEmpty()) return "(nothing)";
        return String.join(" | ", kept.subList(Math.max(0, kept.size() - TAIL_LINES), kept.size()));
    }
}
