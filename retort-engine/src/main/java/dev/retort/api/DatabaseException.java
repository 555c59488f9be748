package dev.retort.api;

import dev.retort.RetortException;

/**
 * A database could not be used, said in one line that names the problem (server, database, user)
 * and never the password. The driver's exception stays attached as the cause for debugging.
 */
public class DatabaseException extends RetortException {
    public DatabaseException(String message, Throwable cause) {
        super(Database.redact(message), cause);
    }

    public DatabaseException(String message) {
        this(message, null);
    }
}
