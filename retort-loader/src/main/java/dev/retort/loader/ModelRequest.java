package dev.retort.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which model to load and where to look for it: what a tool (the command line, the Maven plugin, the
 * Spring Boot starter) has read from its own configuration.
 *
 * @param source           a class that gives the model, or a package of JPA entities; null when only
 *                         the class path is wanted ({@link ModelLoader#classpath})
 * @param sourceOrigin     where {@code source} was configured ({@code retort.yaml:3}), prefixed to
 *                         messages about it; null for no prefix
 * @param classpath        the model's directories and jars ({@code dir/*} for the jars in dir); null
 *                         to ask Maven when {@code projectDirectory} holds a pom.xml, else to search nothing
 * @param classpathOrigin  where {@code classpath} was configured, for messages; null for no prefix
 * @param projectDirectory where a pom.xml is looked for when no classpath is given
 * @param stateDirectory   where Maven's classpath is cached (Retort's {@code .retort} directory)
 * @param workingDirectory what paths in messages are shown relative to
 */
public record ModelRequest(ModelSource source, String sourceOrigin, List<Path> classpath, String classpathOrigin,
                           Path projectDirectory, Path stateDirectory, Path workingDirectory) {
    /** Retort's directory of caches and data, beside the project's configuration. */
    public static final String STATE_DIRECTORY = ".retort";

    public ModelRequest {
        classpath = classpath == null ? null : List.copyOf(classpath);
        Objects.requireNonNull(projectDirectory, "project directory");
        Objects.requireNonNull(stateDirectory, "state directory");
        Objects.requireNonNull(workingDirectory, "working directory");
    }

    /**
     * The model on an explicit classpath, as a build plugin has it (the project's compile class path):
     * nothing is built, paths are shown relative to {@code projectDirectory}.
     */
    public static ModelRequest onClasspath(ModelSource source, List<Path> classpath, Path projectDirectory) {
        return new ModelRequest(source, null, Objects.requireNonNull(classpath, "classpath"), null,
                projectDirectory, projectDirectory.resolve(STATE_DIRECTORY), projectDirectory);
    }

    public ModelRequest withStateDirectory(Path directory) {
        return new ModelRequest(source, sourceOrigin, classpath, classpathOrigin, projectDirectory, directory, workingDirectory);
    }

    /** A path as messages show it: relative to the working directory when under it, else absolute. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path from = workingDirectory.toAbsolutePath().normalize();
        if (absolute.equals(from)) return ".";
        return absolute.startsWith(from) ? from.relativize(absolute).toString() : absolute.toString();
    }

    /** {@code message} prefixed with where the model was configured, when that is known. */
    String aboutSource(String message) {
        return sourceOrigin == null ? message : sourceOrigin + ": " + message;
    }

    /** {@code message} prefixed with where the classpath was configured, when that is known. */
    String aboutClasspath(String message) {
        return classpathOrigin == null ? message : classpathOrigin + ": " + message;
    }
}
