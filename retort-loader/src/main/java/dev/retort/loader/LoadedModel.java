package dev.retort.loader;

import dev.retort.MetaData;
import dev.retort.ModelProvider;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

/**
 * The user's model, found and ready to ask. {@link #metadata()} runs the user's code each time it is
 * called (a provider may give a fresh MetaData per call), with the model's class loader as the
 * thread's context loader, and reports a failure as a {@link ModelLoadException} that leads with the
 * user's own message.
 */
public final class LoadedModel implements ModelProvider {

    /** The user's code that returns the model. */
    @FunctionalInterface
    interface Access {
        Object get() throws Throwable;
    }

    private final String className;
    private final String via;
    private final List<Path> classpath;
    private final Access access;
    private final ClassLoader loader;

    LoadedModel(String className, String via, List<Path> classpath, Access access, ClassLoader loader) {
        this.className = className;
        this.via = via;
        this.classpath = List.copyOf(classpath);
        this.access = access;
        this.loader = loader;
    }

    /** The configured class, or the package of JPA entities. */
    public String className() {
        return className;
    }

    /**
     * How the class gives its model: {@code ModelProvider}, {@code metadata()}, or the field's name;
     * for a package, {@code JPA entities, naming jpa} (or {@code snake_case}).
     */
    public String via() {
        return via;
    }

    /** Where the class was found. */
    public List<Path> classpath() {
        return classpath;
    }

    @Override
    public MetaData metadata() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        Object model;
        try {
            model = access.get();
        } catch (Throwable failure) {
            throw failed(className, failure);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (model == null) throw new ModelLoadException("model " + className + " returned no MetaData (null) from " + via);
        if (!(model instanceof MetaData metadata)) {
            throw new ModelLoadException("model " + className + " returned a " + model.getClass().getName()
                    + " from " + via + ", not a dev.retort.MetaData");
        }
        return metadata;
    }

    /** A failure of the user's code, as one line that leads with the user's own message. */
    static ModelLoadException failed(String className, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ModelLoadException known) return known;
        if (cause instanceof NoClassDefFoundError missing) {
            return new ModelLoadException("model " + className + " needs class "
                    + String.valueOf(missing.getMessage()).replace('/', '.') + ", which is not on its classpath", cause);
        }
        String message = cause.getMessage();
        String what = cause.getClass().getSimpleName();
        return new ModelLoadException("model " + className + " failed: "
                + (message == null || message.isBlank() ? what : message + " (" + what + ")"), cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public String toString() {
        return "LoadedModel[" + className + " via " + via + ", classpath=" + classpath + "]";
    }
}
