package dev.retort.jpa;

import dev.retort.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackageScanTest {
    private static final String PACKAGE = "dev.retort.jpa.scan";
    private static final String PATH = "dev/retort/jpa/scan";

    private static MetaData expected() {
        MetaData md = new MetaData();
        md.table("writer", column("id", BIGINT).primaryKey(), column("fee", BIGINT));
        md.table("draft", column("id", BIGINT).primaryKey(), column("writer_id", BIGINT).references("writer.id"));
        return md;
    }

    @Test
    void scansADirectoryWithSubpackagesAndAutoAppliedConverters() {
        MetaData actual = JpaModel.builder().scanPackage(PACKAGE, getClass().getClassLoader()).build();
        Expect.sameModel(actual, expected());
        // classes in name order: dev.retort.jpa.scan.Writer before dev.retort.jpa.scan.sub.Draft
        assertThat(actual.tables().keySet()).containsExactly("writer", "draft");
    }

    @ParameterizedTest(name = "directory entries: {0}")
    @ValueSource(booleans = {true, false})
    void scansAJar(boolean directoryEntries, @TempDir Path dir) throws Exception {
        Path classes = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("model.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes.resolve(PATH))) {
            for (Path f : files.toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                if (Files.isDirectory(f)) {
                    if (directoryEntries) out.putNextEntry(new JarEntry(name + "/"));
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, new Hiding(getClass().getClassLoader()))) {
            MetaData actual = JpaModel.builder().scanPackage(PACKAGE, loader).build();
            Expect.sameModel(actual, expected());
            assertThat(loader.loadClass(PACKAGE + ".Writer").getClassLoader()).isSameAs(loader);
        }
    }

    @Test
    void anEmptyPackageIsAnError() {
        assertThatThrownBy(() -> JpaModel.builder().scanPackage("dev.retort.jpa.nothing.here", getClass().getClassLoader()).build())
                .isInstanceOf(JpaMappingException.class)
                .hasMessageStartingWith("package dev.retort.jpa.nothing.here: no classes found");
    }

    /** The test class path without the scanned package, so that only the jar provides it. */
    private static final class Hiding extends ClassLoader {
        Hiding(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(PACKAGE + ".")) throw new ClassNotFoundException(name);
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith(PATH) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith(PATH) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
