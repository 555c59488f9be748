package dev.retort.internal.revision;

import dev.retort.revision.RevisionException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the revision files of a class-path location: every {@code *.yaml} directly under it, in each
 * directory or jar of the class path that holds it. A class loader can say where a resource is but
 * not list a directory, so the entries are listed where they live.
 */
final class ClasspathRevisions {
    private ClasspathRevisions() {
    }

    /** {@code classpath:db/retort/} and {@code /db/retort} as {@code db/retort}. */
    static String normalise(String location) {
        String path = location.startsWith(MigrationsDirectory.CLASSPATH_PREFIX)
                ? location.substring(MigrationsDirectory.CLASSPATH_PREFIX.length()) : location;
        path = path.strip().replace('\\', '/');
        while (path.startsWith("/")) path = path.substring(1);
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if (path.isEmpty() || path.contains("..")) {
            throw new RevisionException("migrations location '" + location + "' is not a class-path directory such as classpath:db/retort");
        }
        return path;
    }

    /**
     * The texts of the revision files by file name, the first class-path entry's winning; null when no
     * entry holds the location at all (an empty directory gives an empty map).
     */
    static Map<String, String> read(String resource, ClassLoader loader) {
        Map<String, String> texts = new TreeMap<>();
        boolean found = false;
        try {
            Enumeration<URL> roots = loader.getResources(resource);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                found = true;
                if ("file".equals(root.getProtocol())) {
                    fromDirectory(Path.of(root.toURI()), texts);
                } else if ("jar".equals(root.getProtocol())) {
                    fromJar(root, resource, texts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path location " + resource + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("class-path location " + resource + " has a malformed URL", e);
        }
        return found ? texts : null;
    }

    private static void fromDirectory(Path dir, Map<String, String> texts) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (revisionFile(name) && Files.isRegularFile(f)) texts.putIfAbsent(name, Files.readString(f, StandardCharsets.UTF_8));
            }
        }
    }

    private static void fromJar(URL root, String resource, Map<String, String> texts) throws IOException {
        URLConnection connection = root.openConnection();
        if (!(connection instanceof JarURLConnection jar)) return;
        connection.setUseCaches(false);
        String prefix = resource + "/";
        try (JarFile file = jar.getJarFile()) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix)) continue;
                String fileName = name.substring(prefix.length());
                if (fileName.contains("/") || !revisionFile(fileName) || texts.containsKey(fileName)) continue;
                try (InputStream in = file.getInputStream(entry)) {
                    texts.put(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static boolean revisionFile(String name) {
        return Revisions.isRevisionFileName(name);
    }

    /** How messages name a file of the location: {@code classpath:db/retort/ab12_x.yaml}. */
    static Path displayPath(String resource, String fileName) {
        try {
            return Path.of(MigrationsDirectory.CLASSPATH_PREFIX + resource, fileName);
        } catch (InvalidPathException e) {
            return Path.of(resource, fileName);  // a file system without ':' in names
        }
    }
}
