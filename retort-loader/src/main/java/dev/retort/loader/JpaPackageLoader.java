package dev.retort.loader;

import dev.retort.jpa.JpaModel;
import jakarta.persistence.Entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The model of {@code model: {jpa: PACKAGE, naming: ..., validation: ...}}: retort-jpa reads the entities of the
 * package and its subpackages from the project's classpath, through the model's class loader. The
 * MetaData it gives has no schema (bar entities with {@code @Table(schema)}); commands bind it to
 * the schema they work on, as they bind any model.
 *
 * <p>Before anything is read, the package must hold an {@code @Entity} class on that classpath, so
 * that a mistyped package, or classes not compiled yet, give one line naming the package and the
 * classpath searched.
 */
final class JpaPackageLoader {
    private JpaPackageLoader() {
    }

    static LoadedModel load(ModelSource.JpaPackage source, List<Path> classpath, ClassLoader loader, ModelRequest request) {
        String packageName = source.packageName();
        List<String> classes = classNames(packageName, classpath, request);
        if (classes.stream().noneMatch(name -> isEntity(name, loader, packageName))) {
            throw noEntities(packageName, classes.size(), classpath, request);
        }
        return new LoadedModel(packageName, "JPA entities, " + source.settings(), classpath,
                () -> JpaModel.builder()
                        .namingStrategy(source.naming().strategy())
                        .beanValidation(source.validation().mode())
                        .scanPackage(packageName, loader)
                        .build(),
                loader);
    }

    /**
     * Whether the class is an entity, as retort-jpa will see it. The annotation is Retort's own
     * {@link Entity}, which is the one the project's classes see too: the model's class loader shares
     * jakarta.persistence with Retort ({@link ModelClassLoader}).
     */
    private static boolean isEntity(String className, ClassLoader loader, String packageName) {
        try {
            return Class.forName(className, false, loader).isAnnotationPresent(Entity.class);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ModelLoadException("model package " + packageName + ": class " + className + " cannot be loaded: " + e, e);
        }
    }

    /** The classes of the package and its subpackages in the classpath's directories and jars, by name. */
    static List<String> classNames(String packageName, List<Path> classpath, ModelRequest request) {
        String path = packageName.replace('.', '/') + "/";
        TreeSet<String> names = new TreeSet<>();
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                Path dir = entry.resolve(path);
                if (!Files.isDirectory(dir)) continue;
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile)
                            .forEach(f -> add(entry.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"), names));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(path)) add(name, names);
                    }
                } catch (IOException e) {
                    throw new ModelLoadException("classpath entry " + request.display(entry) + " is not a readable jar: " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(names);
    }

    private static void add(String resource, TreeSet<String> names) {
        if (!resource.endsWith(".class")) return;
        String name = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
        if (name.endsWith("module-info") || name.endsWith("package-info")) return;
        names.add(name);
    }

    private static ModelLoadException noEntities(String packageName, int classes, List<Path> classpath, ModelRequest request) {
        String where = request.aboutSource("model package " + packageName + " has no JPA entities");
        if (classpath.isEmpty()) return new ModelLoadException(where + ": " + ModelLoader.NO_CLASSPATH);
        String found = classes == 0 ? "" : ": " + classes + (classes == 1 ? " class" : " classes") + " there, none annotated @Entity";
        return new ModelLoadException(where + " on the classpath (" + ModelLoader.shown(classpath, request) + ")" + found);
    }
}
