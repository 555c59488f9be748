package dev.retort.compare;

import dev.retort.Constraint;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.Table;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of both sides the diff may touch: the tables in managed schemas. The database side is a
 * working copy that renames rewrite, so that everything after them compares the renamed objects.
 */
final class Scope {
    final CompareOptions options;
    final Definitions definitions;
    /** Managed model tables by key, in model order. */
    final Map<String, Table> model = new LinkedHashMap<>();
    /** Managed database tables by key, in database order; rewritten by {@link Renames}. */
    final Map<String, Table> database = new LinkedHashMap<>();
    private final Map<String, Integer> modelOrder = new HashMap<>();
    private final Map<String, Set<String>> modelNames = new HashMap<>();

    Scope(MetaData modelData, MetaData databaseData, CompareOptions options) {
        this.options = options;
        this.definitions = new Definitions(options.normaliser());
        for (Table t : modelData.tables().values()) {
            if (options.manages(t.schema())) {
                modelOrder.put(t.key(), model.size());
                model.put(t.key(), t);
                Set<String> names = modelNames.computeIfAbsent(schemaKey(t.schema()), k -> new HashSet<>());
                names.add(t.name());
                t.constraints().stream().map(Constraint::name).forEach(names::add);
                t.indexes().stream().map(Index::name).forEach(names::add);
            }
        }
        for (Table t : databaseData.tables().values()) {
            if (options.manages(t.schema())) database.put(t.key(), t);
        }
    }

    /** Whether the model names a table, constraint or index of this schema so. */
    boolean modelUsesName(String schema, String name) {
        return modelNames.getOrDefault(schemaKey(schema), Set.of()).contains(name);
    }

    /** Position in the model; tables only in the database come after, in the order of their keys. */
    int modelOrder(String tableKey) {
        return modelOrder.getOrDefault(tableKey, Integer.MAX_VALUE);
    }

    static String key(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    private static String schemaKey(String schema) {
        return Objects.requireNonNullElse(schema, "");
    }
}
