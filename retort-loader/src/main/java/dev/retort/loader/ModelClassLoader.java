package dev.retort.loader;

import dev.retort.ModelProvider;
import dev.retort.jpa.JpaModel;
import jakarta.persistence.Entity;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the user's model from the user's classpath, isolated from Retort's own dependencies, with
 * one exception: Retort's API is Retort's copy, even when the user's classpath holds one too (see
 * {@link #SHARED}). Everything else (the user's classes, and their versions of libraries Retort also
 * uses) comes from the user's classpath, after the JDK.
 */
final class ModelClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    /**
     * One class of each jar (or directory) whose classes the model gets from Retort:
     * <ul>
     *   <li>retort-core ({@code ModelProvider}): otherwise the user's {@code MetaData} would be another
     *       class than Retort's and could not be handed over;</li>
     *   <li>jakarta.persistence ({@code Entity}): retort-jpa, running in Retort, asks the user's entity
     *       classes for annotations by Retort's Class objects ({@code isAnnotationPresent(Entity.class)}).
     *       An annotation's type is resolved through the loader of the class it annotates: if the
     *       model's loader took the API from the user's jar, the user's {@code @Entity} would be another
     *       class than retort-jpa's and every entity would look unannotated; with no API jar on the
     *       user's classpath (a {@code provided} dependency) reflection would drop the annotations,
     *       silently. Shared, the user's classes and retort-jpa see one API;</li>
     *   <li>retort-jpa ({@code JpaModel}): a model class that reads its entities itself
     *       ({@code JpaModel.builder()...build()} in a static {@code metadata()}) runs the same reader
     *       as {@code model: {jpa: ...}}, one that matches the retort-core it builds on, and its
     *       {@code JpaMappingException}s are Retort's.</li>
     * </ul>
     */
    static final List<Class<?>> SHARED = List.of(ModelProvider.class, Entity.class, JpaModel.class);

    private final ClassLoader retort;
    private final Set<URL> sharedLocations;

    /**
     * @param classpath the user's directories and jars
     * @param retort    the loader of Retort's classes
     * @param shared    classes whose whole jar (or directory) Retort shares with the model
     */
    ModelClassLoader(List<Path> classpath, ClassLoader retort, List<Class<?>> shared) {
        super("retort-model", urls(classpath), ClassLoader.getPlatformClassLoader());
        this.retort = retort;
        this.sharedLocations = shared.stream().map(ModelClassLoader::location).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    ModelClassLoader(List<Path> classpath, ClassLoader retort) {
        this(classpath, retort, SHARED);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> shared = shared(name);
            return shared != null ? shared : super.loadClass(name, resolve);
        }
    }

    /** Retort's copy of the class when it belongs to the shared API, else null. */
    private Class<?> shared(String name) {
        if (name.startsWith("java.")) return null;
        try {
            Class<?> type = retort.loadClass(name);
            return sharedLocations.contains(location(type)) ? type : null;
        } catch (ClassNotFoundException | LinkageError notRetorts) {
            return null;
        }
    }

    private static URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    private static URL[] urls(List<Path> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("classpath entry " + classpath.get(i) + ": " + e.getMessage(), e);
            }
        }
        return urls;
    }
}
