package dev.retort.cli.config;

import dev.retort.ModelProvider;

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
 * one exception: Retort's API (the classes that come from the same jar or directory as
 * {@link ModelProvider}, i.e. retort-core) is Retort's copy, even when the user's classpath holds
 * one too. Otherwise the user's {@code MetaData} would be another class than Retort's and could not
 * be handed over. Everything else (the user's classes, and their versions of libraries Retort also
 * uses) comes from the user's classpath, after the JDK.
 */
final class ModelClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

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
        this(classpath, retort, List.of(ModelProvider.class));
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
