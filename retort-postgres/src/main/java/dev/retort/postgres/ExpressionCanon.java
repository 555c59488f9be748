package dev.retort.postgres;

import dev.retort.internal.sql.SqlLexer;
import dev.retort.internal.sql.SqlLexer.Kind;
import dev.retort.internal.sql.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses a PostgreSQL scalar expression and prints it in one canonical form, so that the text a model
 * holds and the text the catalog prints for the same expression come out equal. The printed form is not
 * meant to be executed: casts are dropped, for instance.
 *
 * <p>What it folds: case of keywords and unquoted names; needless quotes on names; whitespace and
 * parentheses (re-inserted only where precedence needs them); casts ({@code x::t}, {@code CAST(x AS t)},
 * {@code t 'literal'}), except that a quoted number cast to a numeric type becomes the number;
 * {@code IN} lists into {@code = any(array[...])}; {@code BETWEEN} into two comparisons; {@code LIKE}
 * family into PostgreSQL's operators ({@code ~~}, ...); {@code !=} into {@code <>};
 * {@code CURRENT_TIMESTAMP} and {@code transaction_timestamp()} into {@code now()};
 * {@code x AT TIME ZONE z} into {@code timezone(z, x)}; nested {@code AND}/{@code OR} into one list.
 *
 * <p>Text it cannot parse (sub-queries, special function syntax) falls back to a token-level form: same
 * case and whitespace rules, nothing else.
 */
final class ExpressionCanon {

    static final Set<String> NUMERIC_TYPES = Set.of("smallint", "integer", "int", "bigint", "int2", "int4", "int8",
            "numeric", "decimal", "real", "float4", "float8", "double precision", "float");
    private static final Set<String> TYPE_PREFIXES = Set.of("interval", "date", "time", "timestamp", "timestamptz",
            "text", "uuid", "json", "jsonb", "boolean", "bool", "integer", "int", "bigint", "smallint", "numeric", "bytea",
            "inet", "cidr", "varchar");
    private static final Set<String> TYPE_TAIL_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone");
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
            "current_date", "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group",
            "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp",
            "not", "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union", "unique",
            "user", "using", "variadic", "when", "where", "window", "with", "between", "is", "like", "ilike", "similar");
    /** Words that end an operand: they belong to the surrounding syntax. */
    private static final Set<String> STOP_WORDS = Set.of("and", "or", "then", "else", "end", "when", "as", "from",
            "is", "in", "not", "like", "ilike", "similar", "between", "at", "collate", "escape", "isnull", "notnull",
            "asc", "desc", "nulls", "for");

    private static final int OR = 1, AND = 2, NOT = 3, IS = 4, CMP = 5, LIKE = 6, OTHER = 7, ADD = 8, MUL = 9, POW = 10,
            COLLATE = 11, UNARY = 12, ATOM = 20;

    private final List<Token> tokens;
    private int pos;

    private ExpressionCanon(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The canonical text of an expression; null stays null. */
    static String canonical(String sql) {
        if (sql == null) return null;
        List<Token> all;
        try {
            all = SqlLexer.lex(sql);
        } catch (IllegalArgumentException e) {
            return sql.strip().replaceAll("\\s+", " ");
        }
        List<Token> meaningful = all.stream().filter(t -> t.kind() != Kind.SPACE).toList();
        if (meaningful.isEmpty()) return "";
        try {
            ExpressionCanon p = new ExpressionCanon(meaningful);
            Node n = p.expression(0);
            if (p.pos != meaningful.size()) throw new Unsupported();
            return n.print(0);
        } catch (Unsupported | IndexOutOfBoundsException e) {
            return tokenForm(meaningful);
        }
    }

    /** The parsed canonical tree, for callers that look at the shape (a whole-literal default, say). */
    static Node parse(String sql) {
        try {
            List<Token> meaningful = SqlLexer.lex(sql).stream().filter(t -> t.kind() != Kind.SPACE).toList();
            ExpressionCanon p = new ExpressionCanon(meaningful);
            Node n = p.expression(0);
            return p.pos == meaningful.size() ? n : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String tokenForm(List<Token> tokens) {
        List<String> parts = new ArrayList<>();
        for (Token t : tokens) parts.add(t.kind() == Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : nameOrText(t));
        String s = String.join(" ", parts).replace("( ", "(").replace(" )", ")").replace(" ,", ",").replace(" . ", ".");
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) s = s.substring(1, s.length() - 1);
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '(') depth++;
            if (c == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }

    private static String nameOrText(Token t) {
        if (t.kind() == Kind.QUOTED) return name(t.identifier());
        if (t.kind() == Kind.STRING) return stringLiteral(SqlLexer.stringValue(t));
        return t.text();
    }

    /** A name as PostgreSQL would print it: bare when it can be, quoted otherwise. */
    static String name(String identifier) {
        if (identifier.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(identifier)) return identifier;
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A bare word lower-cased (it may be a keyword-named function such as {@code any}); a quoted one as a name. */
    private static String nameToken(Token t) {
        return t.kind() == Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : name(t.identifier());
    }

    static String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    // ---- the tree

    /** A parsed expression that prints itself canonically. */
    abstract static class Node {
        abstract int precedence();

        abstract String text();

        String print(int context) {
            return precedence() < context ? "(" + text() + ")" : text();
        }
    }

    /** A literal: a number, a string (kept in canonical quotes), true, false or null. */
    static final class Literal extends Node {
        final String text;
        final boolean string;

        Literal(String text, boolean string) {
            this.text = text;
            this.string = string;
        }

        int precedence() { return ATOM; }
        String text() { return text; }

        /** The value of a string literal, unquoted. */
        String value() {
            return string ? text.substring(1, text.length() - 1).replace("''", "'") : text;
        }
    }

    static final class Name extends Node {
        final String text;
        Name(String text) { this.text = text; }
        int precedence() { return ATOM; }
        String text() { return text; }
    }

    static final class Call extends Node {
        final String name;
        final List<Node> args;
        final String prefix;
        Call(String name, List<Node> args, String prefix) { this.name = name; this.args = args; this.prefix = prefix; }
        int precedence() { return ATOM; }
        String text() { return name + "(" + prefix + join(args) + ")"; }
    }

    static final class ArrayOf extends Node {
        final List<Node> items;
        ArrayOf(List<Node> items) { this.items = items; }
        int precedence() { return ATOM; }
        String text() { return "array[" + join(items) + "]"; }
    }

    static final class Row extends Node {
        final List<Node> items;
        Row(List<Node> items) { this.items = items; }
        int precedence() { return ATOM; }
        String text() { return "(" + join(items) + ")"; }
    }

    static final class Unary extends Node {
        final String op;
        final Node operand;
        final int prec;
        Unary(String op, Node operand, int prec) { this.op = op; this.operand = operand; this.prec = prec; }
        int precedence() { return prec; }
        String text() { return op + (op.equals("-") || op.equals("+") ? "" : " ") + operand.print(prec); }
    }

    static final class Binary extends Node {
        final String op;
        final Node left;
        final Node right;
        final int prec;
        Binary(String op, Node left, Node right, int prec) { this.op = op; this.left = left; this.right = right; this.prec = prec; }
        int precedence() { return prec; }
        String text() { return left.print(prec) + " " + op + " " + right.print(prec + 1); }
    }

    /** AND or OR over any number of operands, nested ones flattened. */
    static final class Junction extends Node {
        final String op;
        final List<Node> items;
        Junction(String op, List<Node> items) { this.op = op; this.items = items; }
        int precedence() { return op.equals("and") ? AND : OR; }
        String text() {
            List<String> parts = new ArrayList<>();
            for (Node n : items) parts.add(n.print(precedence() + 1));
            return String.join(" " + op + " ", parts);
        }
    }

    static final class Postfix extends Node {
        final Node operand;
        final String suffix;
        final int prec;
        Postfix(Node operand, String suffix, int prec) { this.operand = operand; this.suffix = suffix; this.prec = prec; }
        int precedence() { return prec; }
        String text() { return operand.print(prec + 1) + " " + suffix; }
    }

    static final class Subscript extends Node {
        final Node base;
        final String index;
        Subscript(Node base, String index) { this.base = base; this.index = index; }
        int precedence() { return ATOM; }
        String text() { return base.print(ATOM) + "[" + index + "]"; }
    }

    static final class Case extends Node {
        final String text;
        Case(String text) { this.text = text; }
        int precedence() { return ATOM; }
        String text() { return text; }
    }

    private static String join(List<Node> nodes) {
        List<String> parts = new ArrayList<>();
        for (Node n : nodes) parts.add(n.print(0));
        return String.join(", ", parts);
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    // ---- the parser (precedence climbing)

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private Token peek(int ahead) {
        return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
    }

    private boolean word(String w) {
        Token t = peek();
        return t != null && t.is(Kind.WORD, w);
    }

    private boolean word(int ahead, String w) {
        Token t = peek(ahead);
        return t != null && t.is(Kind.WORD, w);
    }

    private boolean punct(String p) {
        Token t = peek();
        return t != null && t.isPunct(p);
    }

    private void expect(String p) {
        if (!punct(p)) throw new Unsupported();
        pos++;
    }

    private void expectWord(String w) {
        if (!word(w)) throw new Unsupported();
        pos++;
    }

    private Node expression(int min) {
        Node left = prefix();
        while (true) {
            Token t = peek();
            if (t == null) return left;
            if (t.isPunct("::")) {
                pos++;
                left = cast(left, typeName());
                continue;
            }
            if (t.isPunct("[")) {
                pos++;
                int start = pos;
                int depth = 1;
                while (depth > 0) {
                    Token x = tokens.get(pos++);
                    if (x.isPunct("[")) depth++;
                    if (x.isPunct("]")) depth--;
                }
                List<String> inner = new ArrayList<>();
                for (Token x : tokens.subList(start, pos - 1)) inner.add(nameOrText(x));
                left = new Subscript(left, String.join("", inner));
                continue;
            }
            if (t.kind() == Kind.WORD) {
                String w = t.text().toLowerCase(Locale.ROOT);
                if (w.equals("or") && min <= OR) {
                    pos++;
                    left = junction("or", left, expression(OR + 1));
                } else if (w.equals("and") && min <= AND) {
                    pos++;
                    left = junction("and", left, expression(AND + 1));
                } else if ((w.equals("is") || w.equals("isnull") || w.equals("notnull")) && min <= IS) {
                    left = isTest(left);
                } else if (w.equals("not") && min <= LIKE && (word(1, "like") || word(1, "ilike") || word(1, "in")
                        || word(1, "between") || word(1, "similar"))) {
                    pos++;
                    left = likeInBetween(left, true);
                } else if ((w.equals("like") || w.equals("ilike") || w.equals("in") || w.equals("between")
                        || w.equals("similar")) && min <= LIKE) {
                    left = likeInBetween(left, false);
                } else if (w.equals("at") && word(1, "time") && word(2, "zone") && min <= COLLATE) {
                    pos += 3;
                    Node zone = expression(COLLATE + 1);
                    left = new Call("timezone", List.of(zone, left), "");
                } else if (w.equals("collate") && min <= COLLATE) {
                    pos++;
                    Token c = tokens.get(pos++);
                    if (c.kind() != Kind.WORD && c.kind() != Kind.QUOTED) throw new Unsupported();
                    left = new Postfix(left, "collate " + name(c.identifier()), COLLATE);
                } else {
                    return left;
                }
                continue;
            }
            if (t.kind() == Kind.OPERATOR) {
                String op = t.text().equals("!=") ? "<>" : t.text();
                int prec = binaryPrecedence(op);
                if (prec < min) return left;
                pos++;
                left = new Binary(op, left, expression(prec + 1), prec);
                continue;
            }
            return left;
        }
    }

    private static int binaryPrecedence(String op) {
        switch (op) {
            case "<": case ">": case "=": case "<=": case ">=": case "<>": return CMP;
            case "+": case "-": return ADD;
            case "*": case "/": case "%": return MUL;
            case "^": return POW;
            case "~~": case "!~~": case "~~*": case "!~~*": return LIKE;
            default: return OTHER;
        }
    }

    private static Node junction(String op, Node left, Node right) {
        List<Node> items = new ArrayList<>();
        for (Node n : List.of(left, right)) {
            if (n instanceof Junction j && j.op.equals(op)) items.addAll(j.items); else items.add(n);
        }
        return new Junction(op, items);
    }

    private Node isTest(Node left) {
        if (word("isnull")) { pos++; return new Postfix(left, "is null", IS); }
        if (word("notnull")) { pos++; return new Postfix(left, "is not null", IS); }
        pos++;
        boolean not = word("not");
        if (not) pos++;
        if (word("distinct")) {
            pos++;
            expectWord("from");
            return new Binary(not ? "is not distinct from" : "is distinct from", left, expression(IS + 1), IS);
        }
        Token t = tokens.get(pos++);
        if (t.kind() != Kind.WORD) throw new Unsupported();
        String what = t.text().toLowerCase(Locale.ROOT);
        if (!Set.of("null", "true", "false", "unknown").contains(what)) throw new Unsupported();
        return new Postfix(left, "is " + (not ? "not " : "") + what, IS);
    }

    private Node likeInBetween(Node left, boolean not) {
        String w = tokens.get(pos++).text().toLowerCase(Locale.ROOT);
        switch (w) {
            case "like", "ilike" -> {
                Node pattern = expression(LIKE + 1);
                if (word("escape")) throw new Unsupported();
                String op = (not ? "!" : "") + (w.equals("like") ? "~~" : "~~*");
                return new Binary(op, left, pattern, LIKE);
            }
            case "similar" -> throw new Unsupported();
            case "between" -> {
                if (word("symmetric")) throw new Unsupported();
                Node low = expression(LIKE + 1);
                expectWord("and");
                Node high = expression(LIKE + 1);
                return not ? new Junction("or", List.of(new Binary("<", left, low, CMP), new Binary(">", left, high, CMP)))
                        : new Junction("and", List.of(new Binary(">=", left, low, CMP), new Binary("<=", left, high, CMP)));
            }
            default -> {
                expect("(");
                if (word("select")) throw new Unsupported();
                List<Node> items = list(")");
                if (items.size() == 1) return new Binary(not ? "<>" : "=", left, items.get(0), CMP);
                return new Binary(not ? "<>" : "=", left, new Call(not ? "all" : "any", List.of(new ArrayOf(items)), ""), CMP);
            }
        }
    }

    private List<Node> list(String close) {
        List<Node> items = new ArrayList<>();
        if (punct(close)) {
            pos++;
            return items;
        }
        while (true) {
            items.add(expression(0));
            if (punct(",")) {
                pos++;
                continue;
            }
            expect(close);
            return items;
        }
    }

    private Node prefix() {
        Token t = tokens.get(pos++);
        switch (t.kind()) {
            case NUMBER:
                return new Literal(t.text(), false);
            case STRING:
                return new Literal(stringLiteral(SqlLexer.stringValue(t)), true);
            case OPERATOR:
                if (t.text().equals("-") || t.text().equals("+")) {
                    Node operand = expression(UNARY);
                    if (t.text().equals("-") && operand instanceof Literal l && !l.string && !l.text.startsWith("-")) {
                        return new Literal("-" + l.text, false);
                    }
                    return t.text().equals("+") ? operand : new Unary("-", operand, UNARY);
                }
                throw new Unsupported();
            case PUNCT:
                if (t.isPunct("(")) {
                    if (word("select") || word("with") || word("values")) throw new Unsupported();
                    List<Node> items = list(")");
                    if (items.isEmpty()) throw new Unsupported();
                    return items.size() == 1 ? items.get(0) : new Row(items);
                }
                throw new Unsupported();
            case QUOTED:
            case WORD:
                return wordPrefix(t);
            default:
                throw new Unsupported();
        }
    }

    private Node wordPrefix(Token t) {
        String w = t.kind() == Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : null;
        if (w != null) {
            switch (w) {
                case "not":
                    return new Unary("not", expression(NOT), NOT);
                case "true": case "false": case "null":
                    return new Literal(w, false);
                case "current_timestamp":
                    if (punct("(")) throw new Unsupported();
                    return new Call("now", List.of(), "");
                case "current_date": case "current_time": case "localtime": case "localtimestamp":
                case "current_user": case "session_user": case "current_role": case "current_catalog": case "user":
                    if (punct("(")) throw new Unsupported();
                    return new Name(w);
                case "array":
                    if (punct("[")) {
                        pos++;
                        return new ArrayOf(list("]"));
                    }
                    throw new Unsupported();
                case "cast":
                    if (!punct("(")) break;
                    pos++;
                    Node inner = expression(0);
                    expectWord("as");
                    String type = typeName();
                    expect(")");
                    return cast(inner, type);
                case "case":
                    return caseExpression();
                case "exists":
                    throw new Unsupported();
                default:
                    if (STOP_WORDS.contains(w)) throw new Unsupported();
                    if (TYPE_PREFIXES.contains(w) && peek() != null && peek().kind() == Kind.STRING) {
                        Token literal = tokens.get(pos++);
                        return cast(new Literal(stringLiteral(SqlLexer.stringValue(literal)), true), w);
                    }
            }
        }
        StringBuilder qualified = new StringBuilder(nameToken(t));
        while (punct(".") && peek(1) != null && (peek(1).kind() == Kind.WORD || peek(1).kind() == Kind.QUOTED)) {
            qualified.append('.').append(nameToken(peek(1)));
            pos += 2;
        }
        if (punct("(")) {
            pos++;
            String fn = qualified.toString();
            String prefix = "";
            if (word("distinct")) {
                pos++;
                prefix = "distinct ";
            }
            List<Node> args;
            if (punct("*")) {
                throw new Unsupported();
            } else if (peek() != null && peek().kind() == Kind.OPERATOR && peek().text().equals("*") && peek(1) != null && peek(1).isPunct(")")) {
                pos += 2;
                args = List.of(new Name("*"));
            } else {
                args = list(")");
            }
            if (fn.equals("transaction_timestamp") && args.isEmpty()) fn = "now";
            return new Call(fn, args, prefix);
        }
        return new Name(qualified.toString());
    }

    private Node caseExpression() {
        StringBuilder s = new StringBuilder("case");
        if (!word("when")) s.append(' ').append(expression(0).print(0));
        while (word("when")) {
            pos++;
            s.append(" when ").append(expression(0).print(0));
            expectWord("then");
            s.append(" then ").append(expression(0).print(0));
        }
        if (word("else")) {
            pos++;
            Node e = expression(0);
            if (!(e instanceof Literal l && l.text.equals("null"))) s.append(" else ").append(e.print(0));
        }
        expectWord("end");
        return new Case(s.append(" end").toString());
    }

    /** A type name after {@code ::} or {@code AS}: words, qualification, modifiers and array brackets. */
    private String typeName() {
        StringBuilder s = new StringBuilder();
        Token first = tokens.get(pos++);
        if (first.kind() != Kind.WORD && first.kind() != Kind.QUOTED) throw new Unsupported();
        s.append(first.kind() == Kind.WORD ? first.text().toLowerCase(Locale.ROOT) : name(first.identifier()));
        while (punct(".") && peek(1) != null) {
            s.append('.').append(name(peek(1).identifier()));
            pos += 2;
        }
        tailWords(s);
        if (punct("(")) {
            pos++;
            while (!punct(")")) pos++;
            pos++;
            tailWords(s);
        }
        while (punct("[")) {
            pos++;
            if (peek() != null && peek().kind() == Kind.NUMBER) pos++;
            expect("]");
            s.append("[]");
        }
        return s.toString();
    }

    private void tailWords(StringBuilder s) {
        while (peek() != null && peek().kind() == Kind.WORD && TYPE_TAIL_WORDS.contains(peek().text().toLowerCase(Locale.ROOT))) {
            // "time" starts a type's tail only after "with"/"without"; otherwise it would swallow "at time zone".
            String w = peek().text().toLowerCase(Locale.ROOT);
            if ((w.equals("time") || w.equals("zone")) && !(s.toString().endsWith(" with") || s.toString().endsWith(" without")
                    || s.toString().endsWith(" time"))) {
                return;
            }
            s.append(' ').append(w);
            pos++;
        }
    }

    /** Casts vanish, but a quoted number cast to a numeric type keeps its meaning as a bare number. */
    private static Node cast(Node operand, String type) {
        if (operand instanceof Literal l && l.string && NUMERIC_TYPES.contains(type) && isNumber(l.value())) {
            return new Literal(l.value().strip(), false);
        }
        return operand;
    }

    static boolean isNumber(String text) {
        return text.strip().matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    }
}
