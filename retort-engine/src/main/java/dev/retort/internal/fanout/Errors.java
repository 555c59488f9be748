package dev.retort.internal.fanout;

/** A failure as a tenant's outcome shows it: one line, no password, bounded. */
final class Errors {
    private Errors() {
    }

    static String oneLine(Throwable failure, Redactor redactor) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = failure.getCause();
            if (cause != null && cause != failure) return oneLine(cause, redactor);
            return failure.getClass().getSimpleName();
        }
        return oneLine(message, redactor);
    }

    /**
     * The first non-blank line (PostgreSQL puts details and positions on later lines), with
     * whitespace runs folded.
     */
    static String oneLine(String text, Redactor redactor) {
        if (text == null) return null;
        String line = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return redactor.apply(line.replaceAll("\\s+", " "));
    }
}
