package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import dev.retort.revision.RevisionFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static dev.retort.internal.revision.Fixtures.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code migrations: classpath:db/retort}: revisions read from the class path's directories and jars, never written there. */
class ClasspathMigrationsTest {

    @Test
    void revisionsAreReadFromADirectoryOnTheClassPath(@TempDir Path root) throws Exception {
        Path resources = root.resolve("classes");
        Path dir = Files.createDirectories(resources.resolve("db/retort"));
        Revision first = MigrationsDirectory.load(dir).create("initial", Fixtures.createSeedTables(), CREATED);
        Revision second = MigrationsDirectory.load(dir).create("more", List.of(), CREATED.plusSeconds(60));
        try (URLClassLoader loader = loader(resources)) {
            for (String location : List.of("classpath:db/retort", "classpath:/db/retort/", "db/retort")) {
                MigrationsDirectory loaded = MigrationsDirectory.loadClasspath(location, loader);
                assertThat(loaded.location()).isEqualTo("classpath:db/retort");
                assertThat(loaded.path()).isNull();
                assertThat(loaded.graph().history()).extracting(Revision::id).containsExactly(first.id(), second.id());
                assertThat(loaded.graph().get(first.id()).checksum()).isEqualTo(first.checksum());
            }
        }
    }

    @Test
    void revisionsAreReadFromAJarAndTheFirstEntryOfTheClassPathWins(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("src/db/retort"));
        Revision first = MigrationsDirectory.load(dir).create("initial", Fixtures.createSeedTables(), CREATED);
        Path jar = root.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "db/", null);
            add(out, "db/retort/", null);
            add(out, "db/retort/" + first.path().getFileName(), Files.readString(first.path()));
            add(out, "db/retort/README.md", "not a revision");
            add(out, "db/retort/old/x.yaml", "revision: [");
        }
        try (URLClassLoader loader = loader(jar)) {
            MigrationsDirectory loaded = MigrationsDirectory.loadClasspath("classpath:db/retort", loader);
            assertThat(loaded.graph().history()).extracting(Revision::id).containsExactly(first.id());
            assertThat(loaded.graph().get(first.id()).path()).hasToString("classpath:db/retort/" + first.path().getFileName());
        }
        // The same file name in a directory before the jar: the directory's file is the one read.
        Path shadow = Files.createDirectories(root.resolve("shadow/db/retort"));
        Files.writeString(shadow.resolve(first.path().getFileName()), "revision: [");
        try (URLClassLoader loader = loader(root.resolve("shadow"), jar)) {
            assertThatThrownBy(() -> MigrationsDirectory.loadClasspath("classpath:db/retort", loader))
                    .isInstanceOf(RevisionFormatException.class)
                    .hasMessageStartingWith("classpath:db/retort/" + first.path().getFileName() + ":1: ");
        }
    }

    @Test
    void nothingIsWrittenThereAndAMissingLocationIsNamed(@TempDir Path root) throws Exception {
        Path resources = root.resolve("classes");
        Files.createDirectories(resources.resolve("db/retort"));
        try (URLClassLoader loader = loader(resources)) {
            MigrationsDirectory loaded = MigrationsDirectory.loadClasspath("classpath:db/retort", loader);
            assertThat(loaded.graph().history()).isEmpty();
            assertThatThrownBy(() -> loaded.create("x", List.of(), CREATED))
                    .isInstanceOf(RevisionException.class)
                    .hasMessage("cannot write a revision into classpath:db/retort: a class-path location is read-only;"
                            + " give the migrations as a directory (the one its resources come from, such as"
                            + " src/main/resources/db/retort) to write revisions");
            assertThat(Files.list(resources.resolve("db/retort"))).isEmpty();
            assertThatThrownBy(() -> MigrationsDirectory.loadClasspath("classpath:db/nowhere", loader))
                    .isInstanceOf(RevisionException.class)
                    .hasMessageStartingWith("migrations location classpath:db/nowhere is not on the class path");
            assertThatThrownBy(() -> MigrationsDirectory.loadClasspath("classpath:../etc", loader))
                    .isInstanceOf(RevisionException.class).hasMessageContaining("not a class-path directory");
        }
    }

    private static URLClassLoader loader(Path... entries) throws IOException {
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) urls[i] = entries[i].toUri().toURL();
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static void add(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (text != null) {
            OutputStream o = out;
            o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
