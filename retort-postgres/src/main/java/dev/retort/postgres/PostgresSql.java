package dev.retort.postgres;

import dev.retort.internal.sql.SqlLexer;
import dev.retort.internal.sql.SqlLexer.Kind;
import dev.retort.internal.sql.SqlLexer.Token;
import dev.retort.internal.sql.SqlTemplate;

import java.util.List;

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

    /**
     * The text with references to objects in {@code schema} made unqualified: {@code s.f(x)} becomes
     * {@code f(x)}, {@code 'a'::s.status} becomes {@code 'a'::status} and {@code 's.seq'::regclass}
     * becomes {@code 'seq'::regclass}. Reflection uses it so that catalog text does not depend on the
     * schema it was read from.
     */
    static String unqualify(String sql, String schema) {
        if (sql == null) return null;
        List<Token> tokens;
        try {
            tokens = SqlLexer.lex(sql);
        } catch (IllegalArgumentException e) {
            return sql;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean name = t.kind() == Kind.WORD || t.kind() == Kind.QUOTED;
            if (name && t.identifier().equals(schema) && i + 2 < tokens.size() && tokens.get(i + 1).isPunct(".")
                    && (tokens.get(i + 2).kind() == Kind.WORD || tokens.get(i + 2).kind() == Kind.QUOTED)
                    && (i == 0 || !tokens.get(i - 1).isPunct("."))) {
                i++;
                continue;
            }
            if (t.kind() == Kind.STRING && t.text().startsWith("'") && i + 2 < tokens.size() && tokens.get(i + 1).isPunct("::")
                    && tokens.get(i + 2).is(Kind.WORD, "regclass")) {
                String value = SqlLexer.stringValue(t);
                String unqualified = unqualify(value, schema);
                if (!unqualified.equals(value)) {
                    out.append(literal(unqualified));
                    continue;
                }
            }
            out.append(t.text());
        }
        return out.toString();
    }

    /** What stands for the schema being migrated in a body: {@code ${schema}.name}. */
    static final String SCHEMA_PLACEHOLDER = SqlTemplate.SCHEMA;

    /**
     * Body text (a view's query, a routine's source, a condition) with names qualified by its own schema
     * written {@code ${schema}.name} instead: the server prints a name of the search path's schema
     * qualified only where the unqualified name would mean something else (a {@code pg_catalog} function
     * of the same name), and a routine's source keeps the qualified names its author wrote; either way the
     * qualification matters, and must follow the body to whichever schema is migrated. Text in string
     * literals is left alone. Text that does not lex is returned as it is.
     */
    static String placeholders(String sql, String schema) {
        if (sql == null || schema == null) return sql;
        List<Token> tokens;
        try {
            tokens = SqlLexer.lex(sql);
        } catch (IllegalArgumentException e) {
            return sql;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean name = t.kind() == Kind.WORD || t.kind() == Kind.QUOTED;
            if (name && t.identifier().equals(schema) && i + 1 < tokens.size() && tokens.get(i + 1).isPunct(".")
                    && (i == 0 || !tokens.get(i - 1).isPunct("."))) {
                out.append(SCHEMA_PLACEHOLDER);
                continue;
            }
            out.append(t.text());
        }
        return out.toString();
    }

    /**
     * The reverse of {@link #placeholders}: every {@code ${schema}} outside string literals becomes the
     * quoted schema. A placeholder inside a literal stays text (it is not a name there).
     *
     * @throws IllegalArgumentException when the text holds a placeholder and no schema is given
     */
    static String bindPlaceholders(String sql, String schema) {
        if (sql == null || !sql.contains(SCHEMA_PLACEHOLDER)) return sql;
        List<Token> tokens;
        try {
            tokens = SqlLexer.lex(sql);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot place the schema in text that does not lex: " + e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i + 3 < tokens.size() && tokens.get(i).isPunct("$") && tokens.get(i + 1).isPunct("{")
                    && tokens.get(i + 2).kind() == Kind.WORD && tokens.get(i + 2).text().equals("schema")
                    && tokens.get(i + 3).isPunct("}")) {
                if (schema == null) throw new IllegalArgumentException(SCHEMA_PLACEHOLDER + " needs a target schema, and none was given");
                out.append(quote(schema));
                i += 3;
                continue;
            }
            out.append(tokens.get(i).text());
        }
        return out.toString();
    }
}
