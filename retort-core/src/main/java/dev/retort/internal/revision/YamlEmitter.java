package dev.retort.internal.revision;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prints a {@link YNode} tree as YAML, with comments, which SnakeYAML's own emitter cannot place.
 *
 * <p>Small mappings and lists go on one line when they fit in {@link #WIDTH} columns; the rest, and
 * every node marked block, one entry per line. Strings are written plain when that is unambiguous,
 * else single-quoted, else double-quoted with escapes; multi-line strings (SQL, mostly) as literal
 * blocks. Whether a plain string would read back as a string is asked of SnakeYAML's resolver, and
 * every literal block is parsed back before it is used, so the text always reads back to the same tree.
 */
final class YamlEmitter {
    static final int WIDTH = 100;
    private static final int INDENT = 2;
    /**
     * Plain strings: no indicator at the start, and no colon, hash, comma or bracket anywhere, so they
     * are also safe inside {@code {...}} and {@code [...]}.
     */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_(./$][A-Za-z0-9_ .()/+*<>=!%$;~|&@'\"-]*");
    /** Outside {@code {...}} and {@code [...]}, commas and brackets may stay plain too (a message "a, b"). */
    private static final Pattern BLOCK_PLAIN = Pattern.compile("[A-Za-z0-9_(./$][A-Za-z0-9_ .()/+*<>=!%$;~|&@'\",\\[\\]{}-]*");
    private static final Resolver RESOLVER = new Resolver();

    private final StringBuilder out = new StringBuilder();
    private Yaml verifier;

    private YamlEmitter() {
    }

    /** The document: comment lines, then the root mapping. */
    static String document(List<String> header, YNode.Map root) {
        YamlEmitter e = new YamlEmitter();
        for (String line : header) e.comment(line, 0);
        e.blockMap(root, 0, false);
        return e.out.toString();
    }

    private void comment(String text, int indent) {
        pad(indent);
        out.append("# ").append(commentText(text)).append('\n');
    }

    /** Comments are one line of printable text: a line break in a name must not end the comment. */
    static String commentText(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (isLineBreak(c) || !isPrintable(c) || c == '\t') s.append(' ');
            else s.appendCodePoint(c);
        });
        return s.toString().strip();
    }

    private void pad(int indent) {
        out.append(" ".repeat(indent));
    }

    private int column() {
        return out.length() - (out.lastIndexOf("\n") + 1);
    }

    private void blockMap(YNode.Map map, int indent, boolean firstOnCurrentLine) {
        boolean first = true;
        for (YNode.Entry e : map.entries()) {
            if (!(first && firstOnCurrentLine)) pad(indent);
            first = false;
            out.append(e.key()).append(':');
            value(e.value(), indent);
        }
    }

    private void blockSeq(YNode.Seq seq, int indent) {
        for (YNode.Item item : seq.items()) {
            for (String c : item.comments()) comment(c, indent);
            pad(indent);
            out.append('-');
            YNode v = item.value();
            if (v instanceof YNode.Map m && !m.entries().isEmpty() && !fits(inline(v))) {
                out.append(' ');
                blockMap(m, indent + INDENT, true);
            } else {
                value(v, indent);
            }
        }
    }

    /** Writes a value after {@code key:} or {@code -}, on the same line when it is short. */
    private void value(YNode v, int indent) {
        String inline = inline(v);
        boolean canBreak = v instanceof YNode.Map m && !m.entries().isEmpty()
                || v instanceof YNode.Seq s && !s.items().isEmpty()
                || v instanceof YNode.Str str && inline == null;
        if (v instanceof YNode.Str str && inline != null) inline = scalar(str.text(), BLOCK_PLAIN);
        if (inline != null && (!canBreak || fits(inline))) {
            out.append(' ').append(inline).append('\n');
        } else if (v instanceof YNode.Str s) {
            literal(s.text(), indent + INDENT);
        } else if (v instanceof YNode.Map m) {
            out.append('\n');
            blockMap(m, indent + INDENT, false);
        } else {
            out.append('\n');
            blockSeq((YNode.Seq) v, indent + INDENT);
        }
    }

    private boolean fits(String inline) {
        return inline != null && column() + 1 + inline.length() <= WIDTH;
    }

    /** The one-line form, or null when the node must be written in block style. */
    private String inline(YNode v) {
        if (v instanceof YNode.Null) return "null";
        if (v instanceof YNode.Raw r) return r.text();
        if (v instanceof YNode.Str s) return literalBlock(s.text()) != null ? null : scalar(s.text());
        if (v instanceof YNode.Map m) {
            if (m.block() && !m.entries().isEmpty()) return null;
            StringBuilder b = new StringBuilder("{");
            for (YNode.Entry e : m.entries()) {
                String value = inline(e.value());
                if (value == null) return null;
                if (b.length() > 1) b.append(", ");
                b.append(e.key()).append(": ").append(value);
            }
            return b.append('}').toString();
        }
        YNode.Seq s = (YNode.Seq) v;
        if (s.block() && !s.items().isEmpty()) return null;
        StringBuilder b = new StringBuilder("[");
        for (YNode.Item item : s.items()) {
            String value = item.comments().isEmpty() ? inline(item.value()) : null;
            if (value == null) return null;
            if (b.length() > 1) b.append(", ");
            b.append(value);
        }
        return b.append(']').toString();
    }

    private void literal(String text, int indent) {
        String[] block = literalBlock(text);
        out.append(' ').append(block[0]).append('\n');
        for (int i = 1; i < block.length; i++) {
            if (!block[i].isEmpty()) pad(indent);
            out.append(block[i]).append('\n');
        }
    }

    /**
     * A multi-line string as a literal block: the header ({@code |}, {@code |-} or {@code |+}) and the
     * lines, or null when it has no line break or cannot be written so (a character that needs an
     * escape, leading spaces that would be taken for indentation). Each candidate is parsed back.
     */
    private String[] literalBlock(String text) {
        if (text.indexOf('\n') < 0) return null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!isPrintable(c) || c == '\r' || c == 0xFEFF || (c != '\n' && isLineBreak(c))) return null;
            i += Character.charCount(c);
        }
        int trailing = 0;
        while (trailing < text.length() && text.charAt(text.length() - 1 - trailing) == '\n') trailing++;
        String header = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
        String body = trailing == 0 ? text : text.substring(0, text.length() - 1);
        String[] lines = body.split("\n", -1);
        String[] block = new String[lines.length + 1];
        block[0] = header;
        System.arraycopy(lines, 0, block, 1, lines.length);
        return readsBack(block, text) ? block : null;
    }

    private boolean readsBack(String[] block, String text) {
        StringBuilder doc = new StringBuilder("v: ").append(block[0]).append('\n');
        for (int i = 1; i < block.length; i++) {
            if (!block[i].isEmpty()) doc.append("  ");
            doc.append(block[i]).append('\n');
        }
        if (verifier == null) verifier = new Yaml(new SafeConstructor(new LoaderOptions()));
        try {
            Object loaded = verifier.load(doc.toString());
            return loaded instanceof Map<?, ?> m && text.equals(m.get("v"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A string on one line: plain, single-quoted or double-quoted, whichever is the simplest that is exact. */
    static String scalar(String s) {
        return scalar(s, PLAIN);
    }

    private static String scalar(String s, Pattern plain) {
        if (plain.matcher(s).matches() && !s.endsWith(" ")
                && RESOLVER.resolve(NodeId.scalar, s, true).equals(Tag.STR)) {
            return s;
        }
        // 'it''s' is correct but hard to read: a string with an apostrophe reads better in double quotes.
        if (singleQuotable(s) && (s.indexOf('\'') < 0 || s.indexOf('"') >= 0)) return "'" + s.replace("'", "''") + "'";
        return doubleQuoted(s);
    }

    private static boolean singleQuotable(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!isPrintable(c) || isLineBreak(c) || c == 0xFEFF || Character.isSurrogate((char) c)) return false;
            i += Character.charCount(c);
        }
        return true;
    }

    static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0 -> b.append("\\0");
                case 0x85 -> b.append("\\N");
                case 0x2028 -> b.append("\\L");
                case 0x2029 -> b.append("\\P");
                default -> {
                    if (isPrintable(c) && c != 0xFEFF && !Character.isSurrogate((char) c)) b.appendCodePoint(c);
                    else if (c <= 0xFF) b.append(String.format("\\x%02X", c));
                    else if (c <= 0xFFFF) b.append(String.format("\\u%04X", c));
                    else b.append(String.format("\\U%08X", c));
                }
            }
        }
        return b.append('"').toString();
    }

    /** YAML's printable set (section 5.1 of the 1.1 and 1.2 specifications). */
    static boolean isPrintable(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }
}
