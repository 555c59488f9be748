package dev.retort.postgres;

/**
 * Turning names and text into PostgreSQL tokens. {@link #quote} is the one quoting routine for
 * identifiers: everything that names an object goes through it.
 */
final class PostgresSql {
    private PostgresSql() {
    }

    /**
     * A quoted identifier: always double-quoted, embedded double quotes doubled, so that case, reserved
     * words, punctuation and unicode all survive exactly.
     *
     * @throws IllegalArgumentException for a null or empty name, or one holding a NUL (PostgreSQL cannot store it)
     */
    public static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) throw new IllegalArgumentException("an identifier is empty");
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains a NUL character: " + identifier.replace('\0', '?'));
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."name"}, or {@code "name"} for a null schema. */
    public static String qualify(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /**
     * A string literal that means the same text whatever {@code standard_conforming_strings} says:
     * text with a backslash is written as an escape string ({@code E'...'}).
     *
     * @throws IllegalArgumentException for text holding a NUL
     */
    public static String literal(String text) {
        if (text.indexOf('\0') >= 0) throw new IllegalArgumentException("text contains a NUL character");
        String doubled = text.replace("'", "''");
        if (text.indexOf('\\') < 0) return "'" + doubled + "'";
        return "E'" + doubled.replace("\\", "\\\\") + "'";
    }

    /**
     * Wraps a body in a dollar quote whose tag the body does not contain, so that no name or text
     * inside can end the quote early.
     */
    static String dollarQuote(String body) {
        String tag = "$retort$";
        for (int i = 1; body.contains(tag); i++) tag = "$retort" + i + "$";
        return tag + body + tag;
    }
}
