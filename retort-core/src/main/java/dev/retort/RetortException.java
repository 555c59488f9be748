package dev.retort;

/**
 * The root of every exception Retort raises on purpose: a problem the user can fix, said in one line
 * that names what is wrong (a file and line, a schema, a server) and never a password. Catch it to
 * handle any of Retort's failures; anything else that escapes is a bug.
 */
public class RetortException extends RuntimeException {
    public RetortException(String message) {
        super(message);
    }

    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
