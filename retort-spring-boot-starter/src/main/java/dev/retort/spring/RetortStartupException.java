package dev.retort.spring;

import dev.retort.RetortException;

/**
 * Startup stopped by Retort: a property that is wrong (named in the message), or tenants that failed
 * their migration or check (each named, with its error). One line, no password.
 */
public class RetortStartupException extends RetortException {
    public RetortStartupException(String message) {
        super(message);
    }

    public RetortStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
