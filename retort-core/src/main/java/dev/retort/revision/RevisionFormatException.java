package dev.retort.revision;

import java.nio.file.Path;

/**
 * A revision file that cannot be read: malformed YAML, an unknown operation or key, a missing or
 * ill-typed value. The message reads {@code FILE:LINE: problem}, like a compiler's.
 */
public class RevisionFormatException extends RevisionException {
    private final transient Path file;
    private final int line;
    private final String problem;

    /**
     * @param file the file, or null for text that came from nowhere in particular
     * @param line the 1-based line, or 0 when the problem concerns the whole file
     */
    public RevisionFormatException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    public RevisionFormatException(Path file, int line, String problem, Throwable cause) {
        super(location(file, line) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    private static String location(Path file, int line) {
        String where = file == null ? "<revision>" : file.toString();
        return line > 0 ? where + ":" + line : where;
    }

    public Path file() {
        return file;
    }

    /** 1-based; 0 when the problem is not tied to one line. */
    public int line() {
        return line;
    }

    /** The message without the location. */
    public String problem() {
        return problem;
    }
}
