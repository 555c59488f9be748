package dev.retort.cli.config;

import dev.retort.MetaData;
import dev.retort.ModelProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the user's model: builds a class loader over the user's classpath and loads the configured
 * class from it. The classpath is the {@code classpath:} entries when retort.yaml gives them;
 * otherwise, when a pom.xml is beside retort.yaml, Maven's (see {@link MavenClasspath}); otherwise
 * nothing. The class gives its model in one of three ways, tried in this order: it implements
 * {@link ModelProvider} (with a public no-argument constructor), it has a public static
 * {@code metadata()} method returning a MetaData, or it has a public static final MetaData field
 * {@code METADATA} (or {@code metadata}).
 */
public final class ModelLoader {
    static final List<String> FIELDS = List.of("METADATA", "metadata");
    private static final int SHOWN_ENTRIES = 6;

    private final MavenClasspath maven;

    /** @param progress where a line goes when Maven must build the model first (stderr) */
    public ModelLoader(Consumer<String> progress) {
        this(Maven.installed(), progress);
    }

    ModelLoader(Maven maven, Consumer<String> progress) {
        this.maven = new MavenClasspath(maven, progress);
    }

    /** The configured model, loaded; its code has not run yet (see {@link LoadedModel#metadata()}). */
    public LoadedModel load(Settings settings) {
        return load(settings, settings.stateDirectory());
    }

    /** As {@link #load(Settings)}, caching Maven's classpath in {@code stateDirectory}. */
    LoadedModel load(Settings settings, Path stateDirectory) {
        String className = settings.requireModel();
        List<Path> classpath = classpath(settings, stateDirectory);
        ClassLoader loader = new ModelClassLoader(classpath, ModelLoader.class.getClassLoader());
        Class<?> type = find(className, loader, classpath, settings);
        return access(className, type, classpath, loader);
    }

    /** The classpath the model is loaded from: explicit, from Maven, or empty. */
    public List<Path> classpath(Settings settings) {
        return classpath(settings, settings.stateDirectory());
    }

    private List<Path> classpath(Settings settings, Path stateDirectory) {
        if (settings.classpath() != null) return explicit(settings);
        if (Files.isRegularFile(settings.baseDirectory().resolve(MavenReactor.POM))) {
            return maven.resolve(settings.baseDirectory(), stateDirectory);
        }
        return List.of();
    }

    /** The {@code classpath:} entries, each of which must exist; {@code dir/*} stands for the jars in dir. */
    private static List<Path> explicit(Settings settings) {
        Source source = settings.source(Key.CLASSPATH);
        List<Path> entries = new ArrayList<>();
        for (Path entry : settings.classpath()) {
            if (entry.getFileName() != null && entry.getFileName().toString().equals("*")) {
                Path dir = entry.getParent();
                if (!Files.isDirectory(dir)) {
                    throw ConfigException.at(source, "classpath entry " + settings.display(entry) + ": no such directory");
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
                }
            } else if (Files.exists(entry)) {
                entries.add(entry);
            } else {
                throw ConfigException.at(source, "classpath entry " + settings.display(entry) + " does not exist");
            }
        }
        return entries;
    }

    private static Class<?> find(String className, ClassLoader loader, List<Path> classpath, Settings settings) {
        // A nested class may be written with dots (a.b.Outer.Inner); the JVM names it a.b.Outer$Inner.
        String name = className;
        while (true) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0 || !Character.isUpperCase(name.charAt(name.lastIndexOf('.', dot - 1) + 1))) break;
                name = name.substring(0, dot) + '$' + name.substring(dot + 1);
            } catch (LinkageError e) {
                throw new ModelLoadException("model class " + className + " cannot be loaded: " + e, e);
            }
        }
        throw notFound(className, classpath, settings);
    }

    private static ModelLoadException notFound(String className, List<Path> classpath, Settings settings) {
        Source source = settings.source(Key.MODEL);
        if (classpath.isEmpty()) {
            return new ModelLoadException(source.describe() + ": model class " + className
                    + " not found: there is no classpath to search (give classpath: in retort.yaml,"
                    + " or keep retort.yaml beside the model's pom.xml)");
        }
        String shown = classpath.stream().limit(SHOWN_ENTRIES).map(settings::display).collect(Collectors.joining(", "));
        if (classpath.size() > SHOWN_ENTRIES) shown += " and " + (classpath.size() - SHOWN_ENTRIES) + " more";
        String suggestion = similar(className, classpath).stream().findFirst().map(s -> "; did you mean " + s + "?").orElse("");
        return new ModelLoadException(source.describe() + ": model class " + className + " not found on the classpath ("
                + shown + ")" + suggestion);
    }

    /** Classes with the same simple name in the classpath's directories: the likeliest typo is the package. */
    private static List<String> similar(String className, List<Path> classpath) {
        String simple = className.substring(className.lastIndexOf('.') + 1) + ".class";
        TreeSet<String> found = new TreeSet<>();
        for (Path entry : classpath) {
            if (!Files.isDirectory(entry)) continue;
            try (Stream<Path> files = Files.walk(entry)) {
                files.filter(f -> f.getFileName().toString().equalsIgnoreCase(simple)).forEach(f -> {
                    String relative = entry.relativize(f).toString();
                    found.add(relative.substring(0, relative.length() - ".class".length()).replace(f.getFileSystem().getSeparator(), "."));
                });
            } catch (IOException | UncheckedIOException ignored) {
                // a suggestion is a courtesy; an unreadable directory just gives none
            }
        }
        return List.copyOf(found);
    }

    /** How the class gives its model, checked now so that a wrong class is reported before anything runs. */
    static LoadedModel access(String className, Class<?> type, List<Path> classpath, ClassLoader loader) {
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new ModelLoadException("model class " + className + " is not public");
        }
        if (ModelProvider.class.isAssignableFrom(type)) {
            if (Modifier.isAbstract(type.getModifiers())) {
                throw new ModelLoadException("model class " + className + " is abstract: name a concrete ModelProvider");
            }
            Constructor<?> constructor;
            try {
                constructor = type.getConstructor();
            } catch (NoSuchMethodException e) {
                throw new ModelLoadException("model class " + className
                        + " implements ModelProvider but has no public no-argument constructor");
            }
            return new LoadedModel(className, "ModelProvider", classpath,
                    () -> ((ModelProvider) constructor.newInstance()).metadata(), loader);
        }
        if (Arrays.stream(type.getInterfaces()).anyMatch(i -> i.getName().equals(ModelProvider.class.getName()))) {
            throw new ModelLoadException("model class " + className
                    + " implements a different copy of dev.retort.ModelProvider than Retort's");
        }
        Method method = staticMethod(type);
        if (method != null) {
            return new LoadedModel(className, "metadata()", classpath, () -> method.invoke(null), loader);
        }
        for (String name : FIELDS) {
            Field field = staticField(type, name);
            if (field != null) return new LoadedModel(className, name, classpath, () -> field.get(null), loader);
        }
        throw new ModelLoadException("model class " + className + " provides no model: implement dev.retort.ModelProvider,"
                + " or add a public static MetaData metadata() method or a public static final MetaData METADATA field");
    }

    private static Method staticMethod(Class<?> type) {
        try {
            Method method = type.getMethod("metadata");
            return Modifier.isStatic(method.getModifiers()) && MetaData.class.isAssignableFrom(method.getReturnType()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Field staticField(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            int modifiers = field.getModifiers();
            return Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && MetaData.class.isAssignableFrom(field.getType())
                    ? field : null;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
