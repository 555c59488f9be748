package dev.retort.jpa;

/**
 * A mapping Retort cannot turn into a table: contradictory, incomplete or unsupported. The message
 * starts with the class, or the class and the attribute ({@code com.acme.Book.author}), at fault.
 */
public class JpaMappingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public JpaMappingException(String where, String problem) {
        super(where + ": " + problem);
    }
}
