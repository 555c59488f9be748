package dev.retort.loader;

import dev.retort.MetaData;
import dev.retort.ModelProvider;
import dev.retort.jpa.JpaModel;

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
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the user's model: builds a class loader over the user's classpath and loads the requested
 * class from it. The classpath is the request's when it gives one (retort.yaml's {@code classpath:},
 * a build's compile class path); otherwise, when the project directory holds a pom.xml, Maven's (see
 * {@link MavenClasspath}); otherwise nothing. The class gives its model in one of three ways, tried in this order: it implements
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

    /** @param maven how Maven runs, when it must build the model's classpath */
    public ModelLoader(Maven maven, Consumer<String> progress) {
        this.maven = new MavenClasspath(maven, progress);
    }

    /**
     * The requested model, loaded; its code has not run yet (see {@link LoadedModel#metadata()}).
     *
     * @throws ModelLoadException when the classpath cannot be had (a missing entry, a failed Maven
     *                            build) or the model is not on it, or does not give a model
     */
    public LoadedModel load(ModelRequest request) {
        ModelSource source = request.source();
        if (source == null) throw new ModelLoadException(request.aboutSource("no model to load"));
        List<Path> classpath = classpath(request);
        ClassLoader loader = new ModelClassLoader(classpath, ModelLoader.class.getClassLoader());
        if (source instanceof ModelSource.JpaPackage entities) {
            return JpaPackageLoader.load(entities, classpath, loader, request);
        }
        String className = ((ModelSource.ModelClass) source).name();
        Class<?> type = find(className, loader, classpath, request);
        return access(className, type, classpath, loader);
    }

    /**
     * The model from classes an application already has, as the Spring Boot starter finds them: the
     * class (or the package's entities) is taken from {@code loader} as it is, nothing is built and
     * nothing isolated, and a package is scanned through the loader. As with {@link #load}, a class is
     * checked now and its code runs when {@link LoadedModel#metadata()} is asked; a package is read now,
     * so that one without entities fails at once.
     *
     * @throws ModelLoadException when the class is not there or gives no model, or the package holds no entity
     */
    public static LoadedModel inApplication(ModelSource source, ClassLoader loader) {
        Objects.requireNonNull(source, "model source");
        Objects.requireNonNull(loader, "class loader");
        if (source instanceof ModelSource.JpaPackage entities) {
            String packageName = entities.packageName();
            MetaData model;
            try {
                model = JpaModel.builder()
                        .namingStrategy(entities.naming().strategy())
                        .beanValidation(entities.validation().mode())
                        .scanPackage(packageName, loader)
                        .build();
            } catch (RuntimeException e) {
                if (loader.getResource(packageName.replace('.', '/')) == null) throw noEntities(packageName);
                throw LoadedModel.failed(packageName, e);
            }
            if (model.tables().isEmpty()) throw noEntities(packageName);
            return new LoadedModel(packageName, "JPA entities, " + entities.settings(), List.of(), () -> model, loader);
        }
        String className = ((ModelSource.ModelClass) source).name();
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new ModelLoadException("model class " + className + " not found by the application's class loader", e);
        } catch (LinkageError e) {
            throw new ModelLoadException("model class " + className + " cannot be loaded: " + e, e);
        }
        return access(className, type, List.of(), loader);
    }

    private static ModelLoadException noEntities(String packageName) {
        return new ModelLoadException("model package " + packageName + " has no JPA entities the application's class loader can see");
    }

    /** Whether a Maven project is in {@code directory}, so that the model's classpath comes from Maven. */
    public static boolean mavenProject(Path directory) {
        return Files.isRegularFile(directory.resolve(MavenReactor.POM));
    }

    /** The classpath the model is loaded from: explicit, from Maven, or empty. */
    public List<Path> classpath(ModelRequest request) {
        if (request.classpath() != null) return explicit(request);
        if (mavenProject(request.projectDirectory())) {
            return maven.resolve(request.projectDirectory(), request.stateDirectory());
        }
        return List.of();
    }

    /** The explicit entries, each of which must exist; {@code dir/*} stands for the jars in dir. */
    private static List<Path> explicit(ModelRequest request) {
        List<Path> entries = new ArrayList<>();
        for (Path entry : request.classpath()) {
            if (entry.getFileName() != null && entry.getFileName().toString().equals("*")) {
                Path dir = entry.getParent();
                if (!Files.isDirectory(dir)) {
                    throw new ModelLoadException(request.aboutClasspath("classpath entry " + request.display(entry) + ": no such directory"));
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
                }
            } else if (Files.exists(entry)) {
                entries.add(entry);
            } else {
                throw new ModelLoadException(request.aboutClasspath("classpath entry " + request.display(entry) + " does not exist"));
            }
        }
        return entries;
    }

    private static Class<?> find(String className, ClassLoader loader, List<Path> classpath, ModelRequest request) {
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
        throw notFound(className, classpath, request);
    }

    private static ModelLoadException notFound(String className, List<Path> classpath, ModelRequest request) {
        if (classpath.isEmpty()) {
            return new ModelLoadException(request.aboutSource("model class " + className + " not found: " + NO_CLASSPATH));
        }
        String suggestion = similar(className, classpath).stream().findFirst().map(s -> "; did you mean " + s + "?").orElse("");
        return new ModelLoadException(request.aboutSource("model class " + className + " not found on the classpath ("
                + shown(classpath, request) + ")" + suggestion));
    }

    static final String NO_CLASSPATH = "there is no classpath to search (give classpath: in retort.yaml,"
            + " or keep retort.yaml beside the model's pom.xml)";

    /** The classpath as messages show it: its first entries. */
    static String shown(List<Path> classpath, ModelRequest request) {
        String shown = classpath.stream().limit(SHOWN_ENTRIES).map(request::display).collect(Collectors.joining(", "));
        if (classpath.size() > SHOWN_ENTRIES) shown += " and " + (classpath.size() - SHOWN_ENTRIES) + " more";
        return shown;
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
