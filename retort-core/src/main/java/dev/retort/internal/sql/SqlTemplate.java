package dev.retort.internal.sql;

import dev.retort.internal.sql.SqlLexer.Kind;
import dev.retort.internal.sql.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-written SQL of a revision, with its placeholders for the tenant schema:
 * <ul>
 *   <li>{@value #SCHEMA} becomes the quoted identifier of the schema ({@code "tenant_a"});</li>
 *   <li>{@value #SCHEMA_LITERAL} becomes a string literal holding its name ({@code 'tenant_a'}).</li>
 * </ul>
 * Both stand for a whole token, so they may appear in SQL code and inside dollar-quoted bodies (a
 * function's), never inside a string literal or a quoted name, where a tenant name holding a quote
 * would end the literal and turn the rest into SQL. {@link #problem} finds those when a revision is
 * read; {@link #render} refuses them again, and refuses a text that is more than one statement.
 * Placeholders in comments are left as written.
 */
public final class SqlTemplate {
    public static final String SCHEMA = "${schema}";
    public static final String SCHEMA_LITERAL = "${schema_literal}";
    private static final List<String> PLACEHOLDERS = List.of(SCHEMA, SCHEMA_LITERAL);

    private SqlTemplate() {
    }

    /** A placeholder where substitution could change what the statement says, with its 1-based line in the text. */
    public record Misplaced(String placeholder, int line, String where) {
        public String message() {
            String fix = placeholder.equals(SCHEMA)
                    ? "; write " + SCHEMA_LITERAL + " as the whole literal instead, or leave the name out: the SQL runs with the tenant schema as search_path"
                    : "; it stands for a whole literal";
            return placeholder + " inside " + where + " (line " + line + " of the SQL)" + fix;
        }
    }

    /** Whether the text uses a placeholder at all. */
    public static boolean usesPlaceholders(String sql) {
        return PLACEHOLDERS.stream().anyMatch(sql::contains);
    }

    /**
     * The first misplaced placeholder of the text, if any.
     *
     * @throws IllegalArgumentException when the text cannot be read (an unterminated literal or comment)
     */
    public static Optional<Misplaced> problem(String sql) {
        if (!usesPlaceholders(sql)) return Optional.empty();
        for (Occurrence o : occurrences(sql)) {
            String where = forbiddenIn(o.token());
            if (where != null) return Optional.of(new Misplaced(o.placeholder(), lineOf(sql, o.offset()), where));
        }
        return Optional.empty();
    }

    /**
     * The text with its placeholders replaced, checked to be exactly one statement (a trailing
     * semicolon allowed).
     *
     * @param quotedSchema  the schema as the dialect quotes an identifier
     * @param schemaLiteral the schema's name as the dialect writes a string literal
     * @throws IllegalArgumentException for a misplaced placeholder, a value that would end a dollar
     *                                  quote, or a text that is not one statement
     */
    public static String render(String sql, String quotedSchema, String schemaLiteral) {
        String rendered = sql;
        if (usesPlaceholders(sql)) {
            problem(sql).ifPresent(m -> {
                throw new IllegalArgumentException(m.message());
            });
            StringBuilder out = new StringBuilder();
            int copied = 0;
            for (Occurrence o : occurrences(sql)) {
                if (o.token().kind() == Kind.SPACE) continue; // a comment: left as written
                String value = o.placeholder().equals(SCHEMA) ? quotedSchema : schemaLiteral;
                if (o.token().kind() == Kind.STRING && value.indexOf('$') >= 0) {
                    // A dollar-quoted body: a '$' in the value could end the quote early.
                    throw new IllegalArgumentException("the schema name " + value + " holds a '$', so it cannot replace "
                            + o.placeholder() + " inside a dollar-quoted body");
                }
                out.append(sql, copied, o.offset()).append(value);
                copied = o.offset() + o.placeholder().length();
            }
            rendered = out.append(sql.substring(copied)).toString();
        }
        requireOneStatement(rendered);
        return rendered;
    }

    /** A placeholder found in the text, and the token its first character belongs to. */
    private record Occurrence(String placeholder, int offset, Token token) {
    }

    private static List<Occurrence> occurrences(String sql) {
        List<Token> tokens = SqlLexer.lex(sql);
        int[] starts = new int[tokens.size()];
        for (int i = 1; i < tokens.size(); i++) starts[i] = starts[i - 1] + tokens.get(i - 1).text().length();
        List<Occurrence> out = new ArrayList<>();
        int tokenIndex = 0;
        for (int at = sql.indexOf("${"); at >= 0; at = sql.indexOf("${", at + 1)) {
            String placeholder = placeholderAt(sql, at);
            if (placeholder == null) continue;
            while (tokenIndex + 1 < tokens.size() && starts[tokenIndex + 1] <= at) tokenIndex++;
            out.add(new Occurrence(placeholder, at, tokens.get(tokenIndex)));
            at += placeholder.length() - 1;
        }
        return out;
    }

    private static String placeholderAt(String sql, int at) {
        for (String p : PLACEHOLDERS) if (sql.startsWith(p, at)) return p;
        return null;
    }

    /**
     * Refuses a text that holds more than one statement, or none. A statement's trailing semicolons,
     * spaces and comments are allowed.
     *
     * @throws IllegalArgumentException saying which
     */
    public static void requireOneStatement(String sql) {
        List<Token> tokens = SqlLexer.lex(sql);
        boolean seenCode = false;
        boolean ended = false;
        for (Token t : tokens) {
            if (t.kind() == Kind.SPACE) continue;
            if (t.isPunct(";")) {
                if (!seenCode) throw new IllegalArgumentException("the SQL starts with an empty statement: " + firstLine(sql));
                ended = true;
            } else if (ended) {
                throw new IllegalArgumentException("the SQL holds more than one statement: " + firstLine(sql));
            } else {
                seenCode = true;
            }
        }
        if (!seenCode) throw new IllegalArgumentException("the SQL holds no statement");
    }

    /** What a token is, when a placeholder may not appear inside it; null when it may. */
    private static String forbiddenIn(Token t) {
        return switch (t.kind()) {
            case STRING -> t.text().startsWith("$") ? null : "a string literal";
            case QUOTED -> "a quoted name";
            default -> null;
        };
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private static String firstLine(String sql) {
        String s = sql.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}
