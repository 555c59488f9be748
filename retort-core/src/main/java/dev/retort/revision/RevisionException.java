package dev.retort.revision;

import dev.retort.RetortException;

/**
 * A problem with revisions that the user has to fix: an unknown or ambiguous target, several heads
 * where one is needed, a cycle, a dangling {@code down_revision}. The message is one line and names
 * the offending revision or file.
 */
public class RevisionException extends RetortException {
    public RevisionException(String message) {
        super(message);
    }

    public RevisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
