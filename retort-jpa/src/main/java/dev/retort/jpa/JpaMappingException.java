package dev.retort.jpa;

import dev.retort.RetortException;

/**
 * A mapping Retort cannot turn into a table: contradictory, incomplete or unsupported. The message
 * starts with the class, or the class and the attribute ({@code com.acme.Book.author}), at fault.
 * A {@link RetortException}, as every failure Retort raises on purpose.
 */
public class JpaMappingException extends RetortException {
    private static final long serialVersionUID = 1L;

    public JpaMappingException(String where, String problem) {
        super(where + ": " + problem);
    }
}
