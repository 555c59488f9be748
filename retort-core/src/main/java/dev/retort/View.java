package dev.retort;

import java.util.List;

/**
 * A view or a materialized view: a named query. The definition is the query as SQL, without the
 * tenant's schema (names of the view's own schema are written unqualified and resolve through the
 * search path; {@code ${schema}} stands for that schema where a name must be qualified), so one
 * definition serves every tenant.
 *
 * @param definition   the query ({@code SELECT ...}), without a trailing semicolon
 * @param materialized a materialized view: its rows are stored, and it may have indexes
 * @param options      options as {@code name=value}: {@code security_barrier=true},
 *                     {@code security_invoker=true}, {@code check_option=local} or {@code cascaded} for a
 *                     view, storage parameters ({@code fillfactor=70}) for a materialized view
 * @param indexes      the indexes of a materialized view (a view has none)
 * @param comment      the comment, or null
 */
public record View(String schema, String name, String definition, boolean materialized, List<String> options,
                   List<Index> indexes, String comment) {

    public View {
        String what = materialized ? "materialized view " : "view ";
        Identifiers.check(what.strip(), name);
        if (schema != null) Identifiers.check(what + name + ": schema", schema);
        if (definition == null || definition.isBlank()) throw new IllegalArgumentException(what + name + " has no definition");
        definition = stripSemicolon(definition);
        options = options == null ? List.of() : List.copyOf(options);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        for (String o : options) {
            if (o.indexOf('=') <= 0) throw new IllegalArgumentException(what + name + ": option '" + o + "' is not name=value");
        }
        if (!materialized && !indexes.isEmpty()) {
            throw new IllegalArgumentException("view " + name + ": only a materialized view has indexes");
        }
    }

    /** A plain view without options or comment. */
    public static View of(String name, String definition) {
        return new View(null, name, definition, false, List.of(), List.of(), null);
    }

    /** A query ends where its statement does: a trailing semicolon (as the catalog prints it) is no part of it. */
    private static String stripSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        return s;
    }

    public String key() {
        return schema == null ? name : schema + "." + name;
    }

    /** "view" or "materialized view", as the object is called in messages and SQL. */
    public String kind() {
        return materialized ? "materialized view" : "view";
    }

    public View withSchema(String newSchema) {
        return new View(newSchema, name, definition, materialized, options, indexes, comment);
    }

    public View withComment(String newComment) {
        return new View(schema, name, definition, materialized, options, indexes, newComment);
    }

    public View withIndexes(List<Index> newIndexes) {
        return new View(schema, name, definition, materialized, options, newIndexes, comment);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind()).append(' ').append(key());
        if (!options.isEmpty()) s.append(" with(").append(String.join(", ", options)).append(')');
        s.append(" as ").append(definition);
        indexes.forEach(i -> s.append("; ").append(i));
        if (comment != null) s.append(" comment '").append(comment).append('\'');
        return s.toString();
    }
}
