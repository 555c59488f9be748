package dev.retort;

import java.nio.charset.StandardCharsets;

/**
 * Checks identifiers where they enter the model, so that a bad name is reported against the object
 * that carries it rather than by the database later. The limit is PostgreSQL's: 63 bytes of UTF-8.
 */
public final class Identifiers {
    public static final int MAX_BYTES = 63;

    private Identifiers() {
    }

    /**
     * @param what what the name belongs to, for the message ("table", "column child.test_id", ...)
     * @throws IllegalArgumentException when the name is null, empty, blank, too long or holds a NUL
     */
    public static String check(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " name is empty");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " name is blank: '" + name + "'");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " name contains a NUL character");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(what + " name '" + name + "' is " + bytes
                    + " bytes long; the limit is " + MAX_BYTES);
        }
        return name;
    }
}
