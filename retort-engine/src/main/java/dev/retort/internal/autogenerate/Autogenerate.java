package dev.retort.internal.autogenerate;

import dev.retort.MetaData;
import dev.retort.compare.Canonical;
import dev.retort.compare.CompareOptions;
import dev.retort.compare.Diff;
import dev.retort.compare.Differ;
import dev.retort.api.DatabaseException;
import dev.retort.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.retort.internal.jdbc.ErrorMessages.firstLine;

/**
 * Reflect and compare: the operations that bring live schemas to a model, or one live schema to
 * another. Revision autogenerate, the drift check of a fan-out and {@code retort diff} all go through
 * here, so that they agree on what a difference is.
 *
 * <p>Every schema named must exist: reflection reads a missing schema as an empty one, and a diff
 * against it would create everything (or, the other way round, drop everything), so existence is
 * checked first and a missing schema is an error that names it, unless the caller asks for exactly that
 * ({@link #withMissingSchemasEmpty}). Failures are one-line
 * {@link DatabaseException}s: a database error while reading, or an object that the model cannot
 * represent (an enum type without labels, a table without columns).
 *
 * <p>The returned diffs are bound to the schema they act in; {@code diff.rebind(schema, null)} makes
 * them schema-agnostic, to apply to any tenant.
 */
public final class Autogenerate {
    private final Dialect dialect;
    private final boolean includeDrops;
    private final Set<String> ignoredTables;
    private final boolean missingSchemasEmpty;

    private Autogenerate(Dialect dialect, boolean includeDrops, Set<String> ignoredTables, boolean missingSchemasEmpty) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.includeDrops = includeDrops;
        this.ignoredTables = Set.copyOf(ignoredTables);
        this.missingSchemasEmpty = missingSchemasEmpty;
    }

    /** Compares through this dialect, drops included. */
    public static Autogenerate with(Dialect dialect) {
        return new Autogenerate(dialect, true, Set.of(), false);
    }

    /**
     * Whether what the database has and the model (or the other schema) lacks is dropped. Without
     * drops only additions and changes are emitted.
     */
    public Autogenerate withDrops(boolean drops) {
        return new Autogenerate(dialect, drops, ignoredTables, missingSchemasEmpty);
    }

    /**
     * Leaves tables of these names out of every schema read, as if they were not there: Retort's own
     * version table lives in each tenant schema and belongs to no model, so it must never be dropped
     * or reported as drift.
     */
    public Autogenerate ignoringTables(Collection<String> tableNames) {
        Set<String> all = new HashSet<>(ignoredTables);
        all.addAll(tableNames);
        return new Autogenerate(dialect, includeDrops, all, missingSchemasEmpty);
    }

    /**
     * Whether a schema that does not exist is read as an empty one instead of being an error. The diff
     * against it creates everything, and no {@code create_schema} (the differ's {@code createSchemas}
     * stays off): whoever applies the operations creates the schema, as the runner creates its target
     * schema, so that they stay valid for any schema. Revision autogenerate for a tenant not created yet
     * wants exactly this.
     */
    public Autogenerate withMissingSchemasEmpty(boolean empty) {
        return new Autogenerate(dialect, includeDrops, ignoredTables, empty);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** {@code with(dialect).autogenerate(connection, boundModel, schema)}. */
    public static Diff autogenerate(Connection connection, Dialect dialect, MetaData boundModel, String schema) {
        return with(dialect).autogenerate(connection, boundModel, schema);
    }

    /**
     * The operations that make {@code schema} match the model. Objects of the model in other schemas
     * (a shared table its foreign keys refer to) are referred to, never created or dropped.
     *
     * @param boundModel the model bound to {@code schema} ({@code model.withSchema(schema)})
     * @throws IllegalArgumentException when the model is bound to another schema, or contradicts itself
     * @throws DatabaseException        when the schema does not exist, cannot be read, or holds an object
     *                                  Retort cannot represent
     */
    public Diff autogenerate(Connection connection, MetaData boundModel, String schema) {
        requireBound(boundModel, schema);
        MetaData database = reflect(connection, List.of(schema)).get(schema);
        return Differ.compare(boundModel, database, options(schema).withCanonical(canonical(connection, boundModel, schema)));
    }

    /**
     * One diff per schema, each making that schema match the model bound to it, read with one
     * reflection for all schemas: the drift check of many tenants costs about as much as one.
     *
     * @param model a model whose default schema is the one to replace by each tenant's (usually none)
     * @return the diffs by schema, in the order given, each bound to its schema
     */
    public Map<String, Diff> autogenerateEach(Connection connection, MetaData model, Collection<String> schemas) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(schemas));
        Map<String, MetaData> reflected = reflect(connection, wanted);
        Map<String, Diff> out = new LinkedHashMap<>();
        if (wanted.isEmpty()) return out;
        // The canonical forms hold no schema: found once, for the first tenant, they serve every other.
        String first = wanted.get(0);
        Canonical canonical = canonical(connection, model.withSchema(first), first);
        for (String schema : wanted) {
            out.put(schema, Differ.compare(model.withSchema(schema), reflected.get(schema),
                    options(schema).withCanonical(canonical.rebind(first, schema))));
        }
        return out;
    }

    /**
     * The operations that make schema {@code fromSchema} (on {@code from}) match schema {@code toSchema}
     * (on {@code to}): {@code toSchema} is reflected, its objects retargeted onto {@code fromSchema} (the
     * clone-with-schema of the reflected model), and compared with {@code fromSchema} as a model is. What
     * {@code toSchema} refers to in other schemas stays referred to, not created. The two connections may
     * be one.
     *
     * @throws DatabaseException when a schema does not exist, cannot be read, or holds an object Retort
     *                           cannot represent
     */
    public Diff diff(Connection from, String fromSchema, Connection to, String toSchema) {
        MetaData target;
        MetaData current;
        if (from == to) {
            Map<String, MetaData> both = reflect(from, List.of(fromSchema, toSchema));
            current = both.get(fromSchema);
            target = both.get(toSchema);
        } else {
            current = reflect(from, List.of(fromSchema)).get(fromSchema);
            target = reflect(to, List.of(toSchema)).get(toSchema);
        }
        MetaData model;
        try {
            model = target.withSchema(fromSchema);
        } catch (IllegalArgumentException e) {
            throw new DatabaseException("schema " + toSchema + " cannot be retargeted onto " + fromSchema + ": " + e.getMessage(), e);
        }
        return Differ.compare(model, current, options(fromSchema));
    }

    /**
     * Objects of kinds Retort does not manage that differ between the two schemas, one line each:
     * {@code not managed: domain posint (only in tenant_b)}, {@code (only in tenant_a)} or
     * {@code (differs)}, by kind and name. Empty when the dialect reports none.
     */
    public List<String> notManaged(Connection from, String fromSchema, Connection to, String toSchema) {
        Map<String, String> a;
        Map<String, String> b;
        try {
            if (from == to) {
                Map<String, Map<String, String>> both = dialect.unmanagedObjects(from, List.of(fromSchema, toSchema));
                a = both.getOrDefault(fromSchema, Map.of());
                b = both.getOrDefault(toSchema, Map.of());
            } else {
                a = dialect.unmanagedObjects(from, List.of(fromSchema)).getOrDefault(fromSchema, Map.of());
                b = dialect.unmanagedObjects(to, List.of(toSchema)).getOrDefault(toSchema, Map.of());
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot list the objects of " + fromSchema + " and " + toSchema + ": " + e.getMessage(), e);
        }
        java.util.SortedSet<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> out = new java.util.ArrayList<>();
        for (String k : keys) {
            if (!a.containsKey(k)) out.add("not managed: " + k + " (only in " + toSchema + ")");
            else if (!b.containsKey(k)) out.add("not managed: " + k + " (only in " + fromSchema + ")");
            else if (!java.util.Objects.equals(a.get(k), b.get(k))) out.add("not managed: " + k + " (differs)");
        }
        return out;
    }

    /**
     * Reads schemas, each of which must exist, in one reflection.
     *
     * @throws DatabaseException naming a missing schema, the database error, or the object Retort cannot represent
     */
    public Map<String, MetaData> reflect(Connection connection, List<String> schemas) {
        if (!missingSchemasEmpty) requireSchemas(connection, schemas);
        try {
            Map<String, MetaData> read = dialect.reflect(connection, schemas);
            if (ignoredTables.isEmpty()) return read;
            Map<String, MetaData> out = new LinkedHashMap<>();
            read.forEach((schema, md) -> out.put(schema, withoutIgnored(md)));
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read schema" + (schemas.size() == 1 ? " " : "s ")
                    + String.join(", ", schemas) + ": " + firstLine(e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            // The model refuses what it cannot hold (a table without columns, an enum type without labels).
            throw new DatabaseException((schemas.size() == 1 ? "schema " + schemas.get(0) + " holds"
                    : "schemas " + String.join(", ", schemas) + " hold") + " an object Retort does not support: " + e.getMessage(), e);
        }
    }

    /** The reflected schema without the ignored tables; the same MetaData when it holds none of them. */
    private MetaData withoutIgnored(MetaData md) {
        if (md.tables().values().stream().noneMatch(t -> ignoredTables.contains(t.name()))) return md;
        MetaData out = new MetaData(md.schema(), md.namingConvention());
        md.tables().values().stream().filter(t -> !ignoredTables.contains(t.name())).forEach(out::add);
        md.sequences().values().forEach(out::addSequence);
        md.enums().forEach(out::addEnum);
        md.domains().values().forEach(out::addDomain);
        md.views().values().forEach(out::addView);
        md.routines().values().forEach(out::addRoutine);
        md.triggers().values().stream().filter(t -> !ignoredTables.contains(t.table())).forEach(out::addTrigger);
        md.policies().values().stream().filter(p -> !ignoredTables.contains(p.table())).forEach(out::addPolicy);
        md.rowSecurity().values().stream().filter(r -> !ignoredTables.contains(r.table())).forEach(out::addRowSecurity);
        return out;
    }

    private void requireSchemas(Connection connection, List<String> schemas) {
        Set<String> existing;
        try {
            existing = new HashSet<>(dialect.existingSchemas(connection));
        } catch (SQLException e) {
            throw new DatabaseException("cannot list the schemas: " + firstLine(e.getMessage()), e);
        }
        List<String> missing = new ArrayList<>();
        for (String s : schemas) {
            if (!existing.contains(s)) missing.add(s);
        }
        if (missing.isEmpty()) return;
        String where = databaseName(connection);
        throw new DatabaseException((missing.size() == 1 ? "schema " + missing.get(0) + " does not exist"
                : "schemas " + String.join(", ", missing) + " do not exist") + (where == null ? "" : " in database " + where));
    }

    private static String databaseName(Connection connection) {
        try {
            return connection.getCatalog();
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * The model's bodies as the database prints them.
     *
     * @throws IllegalArgumentException naming an object whose definition the database refuses
     * @throws DatabaseException        when the database fails otherwise
     */
    private Canonical canonical(Connection connection, MetaData boundModel, String schema) {
        try {
            return dialect.canonical(connection, boundModel, schema);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the model's definitions back from the database: " + firstLine(e.getMessage()), e);
        }
    }

    private CompareOptions options(String schema) {
        return CompareOptions.managing(schema).withNormaliser(dialect.normaliser()).withDrops(includeDrops);
    }

    private static void requireBound(MetaData model, String schema) {
        if (!Objects.equals(model.schema(), schema)) {
            throw new IllegalArgumentException("the model is bound to " + (model.schema() == null ? "no schema" : "schema " + model.schema())
                    + ", not to " + schema + ": compare model.withSchema(\"" + schema + "\")");
        }
    }
}
