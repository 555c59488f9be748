package dev.retort.internal.revision;

import java.util.HashMap;
import java.util.Map;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import dev.retort.revision.RevisionFormatException;
import dev.retort.operations.Operation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of revision files, one {@code <id>_<slug>.yaml} per revision. Loading reads every
 * {@code *.yaml} file in it (not in subdirectories; other files and hidden files are ignored) and
 * builds the graph. An instance is a snapshot: after writing a revision, load again to see it.
 *
 * <p>The directory may also be a class-path location ({@link #loadClasspath}), so that an application
 * jar carries its revisions: read-only, since a jar cannot be written to.
 */
public final class MigrationsDirectory {
    /** How a class-path location is written in configurations: {@code classpath:db/retort}. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    private final Path dir;
    private final String classpathLocation;
    private final RevisionGraph graph;
    private final Map<String, RevisionReader.Read> sources;

    private MigrationsDirectory(Path dir, String classpathLocation, List<RevisionReader.Read> read) {
        this.dir = dir;
        this.classpathLocation = classpathLocation;
        this.graph = RevisionGraph.of(read.stream().map(RevisionReader.Read::revision).toList());
        Map<String, RevisionReader.Read> byId = new HashMap<>();
        for (RevisionReader.Read r : read) byId.put(r.revision().id(), r);
        this.sources = byId;
    }

    /**
     * @throws RevisionFormatException for the first file (by name) that cannot be read
     * @throws RevisionException       when the directory is missing or the revisions do not form a graph
     */
    public static MigrationsDirectory load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RevisionException("migrations directory " + dir + " does not exist (`retort init` creates it)");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(MigrationsDirectory::isRevisionFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<RevisionReader.Read> revisions = new ArrayList<>();
        for (Path f : files) revisions.add(RevisionReader.readWithSources(f));
        return new MigrationsDirectory(dir, null, revisions);
    }

    /**
     * The revision files under a class-path location ({@code db/retort}), from directories and jars
     * alike; where several class-path entries hold a file of the same name, the first one's counts.
     * Messages name the files {@code classpath:db/retort/<file>}.
     *
     * @throws RevisionFormatException for the first file (by name) that cannot be read
     * @throws RevisionException       when no class-path entry holds the location, or the revisions form no graph
     */
    public static MigrationsDirectory loadClasspath(String location, ClassLoader loader) {
        String resource = ClasspathRevisions.normalise(location);
        Map<String, String> texts = ClasspathRevisions.read(resource, loader);
        if (texts == null) {
            throw new RevisionException("migrations location " + CLASSPATH_PREFIX + resource + " is not on the class path"
                    + " (is the directory in the project's resources, and the project built?)");
        }
        List<RevisionReader.Read> revisions = new ArrayList<>();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            revisions.add(RevisionReader.parseWithSources(file.getValue(), ClasspathRevisions.displayPath(resource, file.getKey())));
        }
        return new MigrationsDirectory(null, resource, revisions);
    }

    /**
     * Refuses a class-path location, which revisions cannot be written to.
     *
     * @throws RevisionException naming the location and what to configure instead
     */
    public void requireWritable() {
        if (dir != null) return;
        throw new RevisionException("cannot write a revision into " + location() + ": a class-path location is read-only;"
                + " give the migrations as a directory (the one its resources come from, such as src/main/resources/"
                + classpathLocation + ") to write revisions");
    }

    /** The directory, or the class-path location as configured: {@code classpath:db/retort}. */
    public String location() {
        return dir != null ? dir.toString() : CLASSPATH_PREFIX + classpathLocation;
    }

    private static boolean isRevisionFile(Path p) {
        String name = p.getFileName().toString();
        return Revisions.isRevisionFileName(name) && Files.isRegularFile(p);
    }

    /** The directory; null for a class-path location. */
    public Path path() {
        return dir;
    }

    public RevisionGraph graph() {
        return graph;
    }

    /**
     * Where each upgrade operation of a revision is in its file, and what lint rules it silences; in
     * the order of {@link Revision#upgrade()}.
     */
    public List<OperationSource> upgradeSources(String id) {
        RevisionReader.Read read = sources.get(graph.get(id).id());
        return read.upgrade();
    }

    /** What a revision's file says beside its revision: lines, lint annotations, timeouts. */
    public RevisionReader.Read read(String id) {
        return sources.get(graph.get(id).id());
    }

    /** A fresh random id that no revision here has. */
    public String newId() {
        String id;
        do {
            id = Revisions.newId();
        } while (graph.contains(id));
        return id;
    }

    /**
     * Writes a new revision after the current head, its downgrade the inverse of {@code upgrade}
     * (empty for a revision to fill by hand).
     *
     * @throws RevisionException when there are several heads: merge them first
     */
    public Revision create(String message, List<Operation> upgrade, Instant created) {
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            throw new RevisionException("multiple heads (" + String.join(", ", heads)
                    + "): merge them with `retort merge -m MSG` first");
        }
        return write(Revision.fromOperations(newId(), heads, message, created, upgrade));
    }

    public Revision create(String message, List<Operation> upgrade) {
        return create(message, upgrade, Revisions.now());
    }

    /** Writes a merge revision, without operations, that follows every head. */
    public Revision merge(String message, Instant created) {
        List<String> heads = graph.heads();
        if (heads.size() < 2) {
            throw new RevisionException("nothing to merge: there " + (heads.isEmpty() ? "are no revisions" : "is one head, " + heads.get(0)));
        }
        return merge(message, heads, created);
    }

    public Revision merge(String message) {
        return merge(message, Revisions.now());
    }

    /** Writes a merge revision following the given revisions (ids or unique prefixes). */
    public Revision merge(String message, List<String> revisions, Instant created) {
        List<String> ids = revisions.stream().map(graph::match).distinct().toList();
        if (ids.size() < 2) throw new RevisionException("a merge needs at least two revisions; got " + String.join(", ", ids));
        return write(Revision.of(newId(), ids, message, created, List.of(), List.of()));
    }

    /**
     * Writes a revision as {@code <id>_<slug>.yaml} and returns it with its path. The file is written
     * under a hidden temporary name and then moved into place, so a crash leaves no half-written
     * revision behind; it is read back before the move, so a file this method writes always loads.
     *
     * @throws RevisionException when the id is taken, a down revision is unknown, or the file exists
     */
    public Revision write(Revision revision) {
        requireWritable();
        if (graph.contains(revision.id())) {
            throw new RevisionException("revision " + revision.id() + " already exists: " + graph.get(revision.id()).source());
        }
        for (String down : revision.downRevisions()) {
            if (!graph.contains(down)) throw new RevisionException("down_revision '" + down + "' is not a known revision");
        }
        Path target = dir.resolve(Revisions.fileName(revision));
        String text = RevisionWriter.write(revision);
        Revision written = revision.withPath(target);
        Revision readBack = RevisionReader.parse(text, target);
        if (!readBack.equals(written)) {
            throw new IllegalStateException("revision " + revision.id() + " does not read back as written; this is a bug in Retort");
        }
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(temp, text);
            Files.move(temp, target);
        } catch (FileAlreadyExistsException e) {
            throw new RevisionException("cannot write " + target + ": the file exists");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Only a leftover hidden file, which loading ignores.
            }
        }
        return written;
    }
}
