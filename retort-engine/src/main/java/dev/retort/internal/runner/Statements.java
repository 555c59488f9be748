package dev.retort.internal.runner;

/** Statements as messages quote them. */
final class Statements {
    static final int SHOWN = 160;

    private Statements() {
    }

    /** On one line, whitespace runs folded, cut after {@value #SHOWN} characters. */
    static String abbreviate(String sql) {
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.length() <= SHOWN ? one : one.substring(0, SHOWN - 3) + "...";
    }
}
