package dev.retort.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.quote;

/**
 * A routine's {@code SET name = value} clauses, kept as the catalog keeps them ({@code proconfig}:
 * {@code name=value}). Settings whose value is a list of names ({@code search_path} and its kind) hold
 * the list as PostgreSQL wrote it, each element double-quoted where needed; they are given back element
 * by element, as {@code pg_get_functiondef} does, so that the catalog ends up with the same text.
 */
final class RoutineSettings {
    /** PostgreSQL's settings marked GUC_LIST_QUOTE. */
    private static final Set<String> LISTS = Set.of("search_path", "temp_tablespaces", "session_preload_libraries",
            "shared_preload_libraries", "local_preload_libraries");

    private RoutineSettings() {
    }

    private static boolean isList(String name) {
        return LISTS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A {@code search_path} naming the routine's own schema names {@code ${schema}} instead, to follow it to any tenant. */
    static String placeholders(String entry, String schema) {
        int eq = entry.indexOf('=');
        String name = entry.substring(0, eq);
        if (!isList(name)) return entry;
        List<String> out = new ArrayList<>();
        for (String element : elements(entry.substring(eq + 1))) {
            out.add(unquote(element).equals(schema) ? PostgresSql.SCHEMA_PLACEHOLDER : element);
        }
        return name + "=" + String.join(", ", out);
    }

    /** {@code SET name = value} for one {@code name=value}, with {@code ${schema}} bound to {@code schema}. */
    static String clause(String entry, String schema) {
        int eq = entry.indexOf('=');
        String name = entry.substring(0, eq).strip();
        String value = entry.substring(eq + 1);
        if (!isList(name)) return "SET " + quote(name) + " = " + literal(value.strip());
        List<String> items = new ArrayList<>();
        for (String element : elements(value)) {
            if (element.equals(PostgresSql.SCHEMA_PLACEHOLDER)) {
                if (schema == null) throw new IllegalArgumentException(PostgresSql.SCHEMA_PLACEHOLDER + " in a setting needs a target schema");
                items.add(literal(schema));
            } else {
                items.add(literal(unquote(element)));
            }
        }
        return "SET " + quote(name) + " = " + (items.isEmpty() ? "''" : String.join(", ", items));
    }

    /** The elements of a list value, split at commas outside double quotes, each stripped. */
    static List<String> elements(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank() || !out.isEmpty()) out.add(current.toString().strip());
        return out;
    }

    private static String unquote(String element) {
        if (element.length() >= 2 && element.startsWith("\"") && element.endsWith("\"")) {
            return element.substring(1, element.length() - 1).replace("\"\"", "\"");
        }
        return element;
    }
}
