package dev.retort.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens by PostgreSQL's lexical rules, enough to tell names, literals and
 * operators apart (string literals in every form, dollar quotes, quoted identifiers, numbers, nested
 * comments). Concatenating the tokens' text gives the input back exactly. Security checks rely on it
 * (placeholders outside literals, one statement per text), so it must never end a literal or a
 * comment before the server would. String literals are read with {@code standard_conforming_strings}
 * on, PostgreSQL's default since 9.1.
 */
public final class SqlLexer {

    public enum Kind { WORD, QUOTED, STRING, NUMBER, OPERATOR, PUNCT, SPACE }

    public record Token(Kind kind, String text) {
        public boolean is(Kind k, String t) {
            return kind == k && text.equalsIgnoreCase(t);
        }

        public boolean isPunct(String t) {
            return kind == Kind.PUNCT && text.equals(t);
        }

        /** The identifier a WORD or QUOTED token names, as stored: unquoted words fold to lower case. */
        public String identifier() {
            if (kind == Kind.QUOTED) return text.substring(1, text.length() - 1).replace("\"\"", "\"");
            return text.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private SqlLexer() {
    }

    /** @throws IllegalArgumentException for an unterminated literal or quoted name */
    public static List<Token> lex(String sql) {
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
                i = endOfComment(sql, i);
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

    /**
     * PostgreSQL's block comments nest: a comment that holds another ends at the outer closing mark.
     * Ending at the first one would read the rest of the comment as code.
     */
    private static int endOfComment(String sql, int i) {
        int depth = 0;
        int n = sql.length();
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) return i;
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated comment in: " + sql);
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
    public static String stringValue(Token t) {
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
}
