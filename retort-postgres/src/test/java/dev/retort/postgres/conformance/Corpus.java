package dev.retort.postgres.conformance;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * sqldef's PostgreSQL cases, read from the corpus directory that sits outside the repository. It is
 * found through the system property or environment variable {@value #VARIABLE}, else at
 * {@code ../shared/conformance} from the repository root.
 */
final class Corpus {
    static final String VARIABLE = "RETORT_CONFORMANCE_DIR";
    static final String CASES = "sqldef/psqldef";

    private Corpus() {
    }

    /** One case of one file: the two schemas and the options sqldef runs it with. */
    record Case(String file, String name, String current, String desired, Map<String, Object> options) {
        String id() {
            return file + "/" + name;
        }

        Object option(String key) {
            return options.get(key);
        }

        boolean flag(String key, boolean otherwise) {
            Object v = options.get(key);
            return v instanceof Boolean b ? b : otherwise;
        }
    }

    /** The corpus directory (the one holding {@code sqldef/}), or empty when it is not there. */
    static Optional<Path> locate() {
        String given = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given.strip()).toAbsolutePath().normalize();
            return Files.isDirectory(p.resolve(CASES)) ? Optional.of(p) : Optional.empty();
        }
        Path root = repositoryRoot();
        if (root == null) return Optional.empty();
        Path p = root.resolve("../shared/conformance").toAbsolutePath().normalize();
        return Files.isDirectory(p.resolve(CASES)) ? Optional.of(p) : Optional.empty();
    }

    /** Where the corpus was looked for, for the message that says it is missing. */
    static String expectedPlace() {
        String given = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        if (given != null && !given.isBlank()) return given.strip() + " (from " + VARIABLE + ")";
        Path root = repositoryRoot();
        return (root == null ? "../shared/conformance" : root.resolve("../shared/conformance").normalize().toString())
                + " (set " + VARIABLE + " to use another place)";
    }

    /** The nearest directory upwards from the working directory that holds the root pom (the one listing modules). */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.isDirectory(dir.resolve("retort-core"))) return dir;
            dir = dir.getParent();
        }
        return null;
    }

    /** Every case of every {@code *.yml} file, files by name and cases in file order. */
    static List<Case> load(Path corpus) {
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus.resolve(CASES))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + corpus.resolve(CASES), e);
        }
        List<Case> out = new ArrayList<>();
        for (Path f : files) out.addAll(read(f));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Case> read(Path file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> doc;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = yaml.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Case> out = new ArrayList<>();
        if (doc == null) return out;
        String name = file.getFileName().toString();
        doc.forEach((caseName, body) -> {
            Map<String, Object> m = (Map<String, Object>) body;
            out.add(new Case(name, caseName, text(m.get("current")), text(m.get("desired")), m));
        });
        return out;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
