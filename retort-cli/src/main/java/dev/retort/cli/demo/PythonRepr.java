package dev.retort.cli.demo;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Formats values the way Python's {@code repr} does, so that the demonstrations print what the seed's
 * Python scripts print: {@code 'tenant_a'}, {@code None}, {@code ['test', 'child']}.
 */
final class PythonRepr {
    private PythonRepr() {
    }

    static String repr(Object value) {
        if (value == null) return "None";
        if (value instanceof Boolean b) return b ? "True" : "False";
        if (value instanceof CharSequence s) return string(s.toString());
        if (value instanceof Number) return value.toString();
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(PythonRepr::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        return string(value.toString());
    }

    /** Single quotes unless the text holds a single quote and no double one, as Python chooses. */
    private static String string(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder s = new StringBuilder().append(quote);
        text.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') s.append('\\').appendCodePoint(cp);
            else if (cp == '\n') s.append("\\n");
            else if (cp == '\r') s.append("\\r");
            else if (cp == '\t') s.append("\\t");
            else if (cp < 0x20 || cp == 0x7f) s.append(String.format("\\x%02x", cp));
            else s.appendCodePoint(cp);
        });
        return s.append(quote).toString();
    }
}
