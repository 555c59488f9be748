package dev.retort.internal.jdbc;

/**
 * How Retort quotes the message of a failure it did not raise (a driver's, a server's, a library's):
 * its errors are one line, and those messages often run to a stack of detail lines.
 */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    /** The first line of {@code text}, stripped; {@code no reason given} when there is none. */
    public static String firstLine(String text) {
        if (text == null || text.isBlank()) return "no reason given";
        return text.strip().lines().findFirst().orElse("no reason given");
    }
}
