package dev.retort.api;

import dev.retort.RetortException;

/**
 * A run refused or failed: a locked schema, an edited or missing revision file, a failed revision.
 * The message is one line that names the schema and the offending thing.
 */
public class RunnerException extends RetortException {
    public RunnerException(String message) {
        super(message);
    }

    public RunnerException(String message, Throwable cause) {
        super(message, cause);
    }
}
