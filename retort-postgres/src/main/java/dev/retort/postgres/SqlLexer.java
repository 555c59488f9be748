package dev.retort.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits PostgreSQL expression text into tokens, enough to tell names, literals and operators apart
 * (string literals in every form, quoted identifiers, numbers, comments). Concatenating the tokens'
 * text gives the input back exactly.
 */
final class SqlLexer {

    enum Kind { WORD, QUOTED, STRING, NUMBER, OPERATOR, PUNCT, SPACE }

    record Token(Kind kind, String text) {
        boolean is(Kind k, String t) {
            return kind == k && text.equalsIgnoreCase(t);
        }

        boolean isPunct(String t) {
            return kind == Kind.PUNCT && text.equals(t);
        }

        /** The identifier a WORD or QUOTED token names, as stored: unquoted words fold to lower case. */
        String identifier() {
            if (kind == Kind.QUOTED) return text.substring(1, text.length() - 1).replace("\"\"", "\"");
            return text.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private SqlLexer() {
    }

    /** @throws IllegalArgumentException for an unterminated literal or quoted name */
    static List<Token> lex(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) i++;
                out.add(new Token(Kind.SPACE, sql.substring(start, i)));
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') i++;
                out.add(new Token(Kind.SPACE, sql.substring(start, i)));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) throw new IllegalArgumentException("unterminated comment in: " + sql);
                i = end + 2;
                out.add(new Token(Kind.SPACE, sql.substring(start, i)));
            } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
                boolean escapes = c != '\'';
                i = escapes ? i + 2 : i + 1;
                i = endOfString(sql, i, escapes);
                out.add(new Token(Kind.STRING, sql.substring(start, i)));
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("unterminated quoted name in: " + sql);
                    if (sql.charAt(i) == '"') {
                        if (i + 1 < n && sql.charAt(i + 1) == '"') {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                out.add(new Token(Kind.QUOTED, sql.substring(start, i)));
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                if (end < 0) throw new IllegalArgumentException("unterminated dollar quote in: " + sql);
                i = end + tag.length();
                out.add(new Token(Kind.STRING, sql.substring(start, i)));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) i++;
                if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) j++;
                    if (j < n && Character.isDigit(sql.charAt(j))) {
                        i = j;
                        while (i < n && Character.isDigit(sql.charAt(i))) i++;
                    }
                }
                out.add(new Token(Kind.NUMBER, sql.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_' || c > 127) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$'
                        || sql.charAt(i) > 127)) {
                    i++;
                }
                out.add(new Token(Kind.WORD, sql.substring(start, i)));
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                i += 2;
                out.add(new Token(Kind.PUNCT, "::"));
            } else if ("()[],;.:".indexOf(c) >= 0) {
                i++;
                out.add(new Token(Kind.PUNCT, String.valueOf(c)));
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                while (i < n && OPERATOR_CHARS.indexOf(sql.charAt(i)) >= 0
                        && !(sql.startsWith("--", i) || sql.startsWith("/*", i))) {
                    i++;
                }
                out.add(new Token(Kind.OPERATOR, sql.substring(start, i)));
            } else {
                i++;
                out.add(new Token(Kind.PUNCT, String.valueOf(c)));
            }
        }
        return out;
    }

    private static int endOfString(String sql, int i, boolean escapes) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated string literal in: " + sql);
    }

    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }

    /** The value of a string literal token ({@code 'it''s'} gives {@code it's}). */
    static String stringValue(Token t) {
        String s = t.text();
        if (s.startsWith("$")) {
            int tagEnd = s.indexOf('$', 1) + 1;
            return s.substring(tagEnd, s.length() - tagEnd);
        }
        if (s.startsWith("'")) return s.substring(1, s.length() - 1).replace("''", "'");
        StringBuilder out = new StringBuilder();
        String body = s.substring(2, s.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    default -> out.append(e);
                }
            } else if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
            tokens = lex(sql);
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
                String value = stringValue(t);
                String unqualified = unqualify(value, schema);
                if (!unqualified.equals(value)) {
                    out.append(PostgresSql.literal(unqualified));
                    continue;
                }
            }
            out.append(t.text());
        }
        return out.toString();
    }

    /** What stands for the schema being migrated in a body: {@code ${schema}.name}. */
    static final String SCHEMA_PLACEHOLDER = "${schema}";

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
            tokens = lex(sql);
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
            tokens = lex(sql);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot place the schema in text that does not lex: " + e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i + 3 < tokens.size() && tokens.get(i).isPunct("$") && tokens.get(i + 1).isPunct("{")
                    && tokens.get(i + 2).kind() == Kind.WORD && tokens.get(i + 2).text().equals("schema")
                    && tokens.get(i + 3).isPunct("}")) {
                if (schema == null) throw new IllegalArgumentException(SCHEMA_PLACEHOLDER + " needs a target schema, and none was given");
                out.append(PostgresSql.quote(schema));
                i += 3;
                continue;
            }
            out.append(tokens.get(i).text());
        }
        return out.toString();
    }
}
