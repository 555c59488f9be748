package dev.retort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A collection of tables, keyed {@code "schema.name"} (or {@code "name"} without a schema), with an
 * optional default schema and a naming convention.
 *
 * <h2>Schema rules (SQLAlchemy's, exactly)</h2>
 * <ol>
 *   <li>A table defined without a schema takes the MetaData's default schema <em>at definition
 *       time</em>; so do its foreign keys and enum types that name no schema.</li>
 *   <li>Changing the default schema afterwards ({@link #setSchema}) changes neither the schema nor the
 *       key of any table already defined. This is the trap the seed project demonstrates: setting the
 *       schema on a shared model does not bind it.</li>
 *   <li>A schema given explicitly ({@link #tableIn}) wins over the default. The table's foreign keys
 *       and enum types that name no schema take the table's schema. (SQLAlchemy would resolve such a
 *       key against the MetaData's default schema; a key written {@code "test.id"} next to its table
 *       in a schema means that schema's {@code test} far more often.)</li>
 *   <li>To bind a model to a schema, clone it: {@link #withSchema(String)} or
 *       {@link Table#toMetaData(MetaData, String, ReferredSchemaFn)} return new objects and never touch
 *       the source.</li>
 * </ol>
 *
 * <p>The default schema and the table registry are the only mutable state, kept to reproduce
 * SQLAlchemy's behaviour; everything inside is an immutable value. The registry is copy-on-write, so
 * any number of threads may clone one model while it is being read.
 */
public final class MetaData {
    private final NamingConvention naming;
    private volatile String schema;
    private volatile Map<String, Table> tables = Map.of();
    private volatile Map<String, Sequence> sequences = Map.of();
    private volatile Map<String, SqlType.Enum> enumTypes = Map.of();
    private volatile Programs programs = Programs.EMPTY;
    private volatile Map<String, Domain> domains = Map.of();

    // Lookups for add()'s checks, guarded by this object's lock, so that defining n tables costs O(n)
    // checks rather than a scan of every table per definition (a thousand-table model is common).
    private Map<String, String> relationOwners = new HashMap<>();
    private Map<String, List<Incoming>> incomingForeignKeys = new HashMap<>();
    private Map<String, Incoming> enumUses = new HashMap<>();

    /** A foreign key of table {@code from} (or the table using an enum type). */
    private record Incoming(Table from, ForeignKey foreignKey, SqlType.Enum enumType) {
    }

    public MetaData() {
        this(null, NamingConvention.DEFAULT);
    }

    public MetaData(String schema) {
        this(schema, NamingConvention.DEFAULT);
    }

    public MetaData(String schema, NamingConvention naming) {
        if (schema != null) Identifiers.check("schema", schema);
        this.schema = schema;
        this.naming = Objects.requireNonNull(naming, "naming convention");
    }

    /** The default schema for tables defined from now on; null for none. */
    public String schema() {
        return schema;
    }

    /**
     * Sets the default schema for tables defined <em>after</em> this call. Tables already defined keep
     * their schema and their keys: use {@link #withSchema(String)} to bind a model.
     */
    public void setSchema(String newSchema) {
        if (newSchema != null) Identifiers.check("schema", newSchema);
        this.schema = newSchema;
    }

    public NamingConvention namingConvention() {
        return naming;
    }

    /** The tables by key, in definition order; an unmodifiable snapshot. */
    public Map<String, Table> tables() {
        return tables;
    }

    /** The table with this key ({@code "schema.name"} or {@code "name"}), or null. */
    public Table get(String key) {
        return tables.get(key);
    }

    public Map<String, Sequence> sequences() {
        return sequences;
    }

    /**
     * The enum types registered with {@link #addEnum} (reflection registers every type a schema holds,
     * used or not), then those the tables use, each once.
     */
    public List<SqlType.Enum> enums() {
        Map<String, SqlType.Enum> out = new LinkedHashMap<>(enumTypes);
        tables.values().forEach(t -> t.enumTypes().forEach(e -> out.putIfAbsent(e.key(), e)));
        return List.copyOf(out.values());
    }

    /** Domains by key ({@code schema.name}), in definition order. */
    public Map<String, Domain> domains() {
        return domains;
    }

    /** Defines a domain in the default schema and registers it. */
    public Domain domain(Dsl.DomainDef definition) {
        return addDomain(definition.build(schema));
    }

    /** Registers a domain (without a schema: the default schema's). */
    public synchronized Domain addDomain(Domain domain) {
        Domain bound = domain.schema() == null && schema != null ? domain.withSchema(schema) : domain;
        if (domains.containsKey(bound.key()) || enumTypes.containsKey(bound.key())) {
            throw new IllegalArgumentException("domain " + bound.key() + ": a type of that name is already defined in this MetaData");
        }
        Map<String, Domain> next = new LinkedHashMap<>(domains);
        next.put(bound.key(), bound);
        domains = Collections.unmodifiableMap(next);
        return bound;
    }

    /** Views and materialized views by key ({@code schema.name}), in definition order. */
    public Map<String, View> views() {
        return programs.views();
    }

    /** Functions and procedures by key ({@code schema.name(types)}), in definition order. */
    public Map<String, Routine> routines() {
        return programs.routines();
    }

    /** Triggers by key ({@code schema.table.name}), in definition order. */
    public Map<String, Trigger> triggers() {
        return programs.triggers();
    }

    /** Row-level security policies by key ({@code schema.table.name}), in definition order. */
    public Map<String, Policy> policies() {
        return programs.policies();
    }

    /** Row-level security settings by table key; a table without one has it disabled. */
    public Map<String, RowSecurity> rowSecurity() {
        return programs.rowSecurity();
    }

    /** Defines a view in the default schema and registers it. */
    public View view(ViewDef definition) {
        return addView(definition.build(naming, schema));
    }

    /** Defines a function or procedure in the default schema and registers it. */
    public Routine routine(RoutineDef definition) {
        return addRoutine(definition.build(schema));
    }

    /** Defines a trigger on a table of the default schema and registers it. */
    public Trigger trigger(TriggerDef definition) {
        return addTrigger(definition.build(schema));
    }

    /** Defines a row-level security policy on a table of the default schema and registers it. */
    public Policy policy(PolicyDef definition) {
        return addPolicy(definition.build(schema));
    }

    /** {@code ALTER TABLE ... ENABLE ROW LEVEL SECURITY} for a table of the default schema. */
    public RowSecurity enableRowLevelSecurity(String table) {
        return addRowSecurity(new RowSecurity(schema, table, true, false));
    }

    /** Row-level security enabled and forced: the table's owner is subject to its policies too. */
    public RowSecurity forceRowLevelSecurity(String table) {
        return addRowSecurity(new RowSecurity(schema, table, true, true));
    }

    /**
     * Registers a view (a view without a schema takes the default schema). Views share the namespace of
     * tables and indexes.
     *
     * @throws IllegalArgumentException when the name is taken in its schema
     */
    public synchronized View addView(View view) {
        View bound = view.schema() == null && schema != null ? view.withSchema(schema) : view;
        for (String n : viewRelationNames(bound)) {
            String owner = relationOwners.get(relationKey(bound.schema(), n));
            if (owner != null) {
                throw new IllegalArgumentException(bound.kind() + " " + bound.key() + ": the name " + n + " is already used by "
                        + (owner.startsWith("view ") ? owner : "table " + owner) + " in the same schema");
            }
        }
        programs = programs.withView(bound);
        for (String n : viewRelationNames(bound)) relationOwners.put(relationKey(bound.schema(), n), "view " + bound.key());
        return bound;
    }

    private static List<String> viewRelationNames(View v) {
        List<String> names = new ArrayList<>();
        names.add(v.name());
        v.indexes().forEach(i -> names.add(i.name()));
        return names;
    }

    /** Registers a function or procedure (without a schema: the default schema's). */
    public synchronized Routine addRoutine(Routine routine) {
        Routine bound = routine.schema() == null && schema != null ? routine.withSchema(schema) : routine;
        programs = programs.withRoutine(bound);
        return bound;
    }

    /** Registers a trigger (without a schema: the default schema's, and its function's too when it names none). */
    public synchronized Trigger addTrigger(Trigger trigger) {
        Trigger bound = trigger;
        if (bound.schema() == null && schema != null) {
            bound = bound.withSchema(schema);
            if (bound.functionSchema() == null) bound = bound.withFunctionSchema(schema);
        }
        programs = programs.withTrigger(bound);
        return bound;
    }

    /** Registers a row-level security policy (without a schema: the default schema's). */
    public synchronized Policy addPolicy(Policy policy) {
        Policy bound = policy.schema() == null && schema != null ? policy.withSchema(schema) : policy;
        programs = programs.withPolicy(bound);
        return bound;
    }

    /** Sets a table's row-level security (without a schema: the default schema's); a later call replaces it. */
    public synchronized RowSecurity addRowSecurity(RowSecurity rowSecurity) {
        RowSecurity bound = rowSecurity.schema() == null && schema != null ? rowSecurity.withSchema(schema) : rowSecurity;
        programs = programs.withRowSecurity(bound);
        return bound;
    }

    /** The schemas that hold this model's tables, enums and sequences (null for schema-less ones left out). */
    public List<String> schemas() {
        List<String> out = new ArrayList<>();
        tables.values().forEach(t -> { if (t.schema() != null && !out.contains(t.schema())) out.add(t.schema()); });
        return out;
    }

    /** Defines a table in the default schema (rule 1) and registers it. */
    public Table table(String name, Dsl.TableElement... elements) {
        return add(Dsl.define(this, schema, name, elements));
    }

    /** Defines a table in an explicit schema (rule 3) and registers it. */
    public Table tableIn(String tableSchema, String name, Dsl.TableElement... elements) {
        Objects.requireNonNull(tableSchema, "schema; use table(name, ...) for the default schema");
        return add(Dsl.define(this, tableSchema, name, elements));
    }

    /**
     * Registers a table already built. Checks that its key is new, that foreign keys between it and the
     * tables already here name existing columns, that enum types of one name agree, and that index and
     * key names stay unique within the schema.
     *
     * @throws IllegalArgumentException naming the offending object
     */
    public synchronized Table add(Table table) {
        Map<String, Table> current = tables;
        if (current.containsKey(table.key())) {
            throw new IllegalArgumentException("table " + table.key() + " is already defined in this MetaData");
        }
        checkForeignKeys(table, current);
        checkRelationNames(table);
        checkEnums(table);
        register(table);
        Map<String, Table> next = new LinkedHashMap<>(current);
        next.put(table.key(), table);
        tables = Collections.unmodifiableMap(next);
        return table;
    }

    private void register(Table table) {
        for (String n : relationNames(table)) relationOwners.put(relationKey(table.schema(), n), table.key());
        for (ForeignKey fk : table.foreignKeys()) {
            incomingForeignKeys.computeIfAbsent(fk.referredKey(), k -> new ArrayList<>()).add(new Incoming(table, fk, null));
        }
        for (SqlType.Enum e : table.enumTypes()) enumUses.putIfAbsent(e.key(), new Incoming(table, null, e));
    }

    public synchronized Sequence addSequence(Sequence sequence) {
        Sequence bound = sequence.schema() == null && schema != null ? sequence.withSchema(schema) : sequence;
        if (sequences.containsKey(bound.key())) {
            throw new IllegalArgumentException("sequence " + bound.key() + " is already defined in this MetaData");
        }
        Map<String, Sequence> next = new LinkedHashMap<>(sequences);
        next.put(bound.key(), bound);
        sequences = Collections.unmodifiableMap(next);
        return bound;
    }

    /**
     * Registers an enum type that no table may use (yet). A type without a schema takes the default
     * schema, as a table does.
     *
     * @throws IllegalArgumentException when a type of that name with other labels is already registered
     */
    public synchronized SqlType.Enum addEnum(SqlType.Enum type) {
        SqlType.Enum bound = type.schema() == null && schema != null ? type.withSchema(schema) : type;
        SqlType.Enum known = enumTypes.get(bound.key());
        if (known != null && !known.equals(bound)) {
            throw new IllegalArgumentException("enum type " + bound.key() + " is already defined with labels " + known.labels());
        }
        Map<String, SqlType.Enum> next = new LinkedHashMap<>(enumTypes);
        next.put(bound.key(), bound);
        enumTypes = Collections.unmodifiableMap(next);
        return bound;
    }

    /**
     * The seed's {@code clone_metadata_with_schema}: a new MetaData whose default schema is
     * {@code newSchema}, holding a copy of every table bound to it (foreign keys and enum types follow
     * {@link Table#bind}'s rule). Tables and sequences already in a schema other than this model's default
     * keep it, as SQLAlchemy's {@code to_metadata(schema=...)} does for keys into other schemas. This
     * MetaData is not touched.
     */
    public MetaData withSchema(String newSchema) {
        return withSchema(newSchema, null);
    }

    public MetaData withSchema(String newSchema, ReferredSchemaFn referredSchemaFn) {
        MetaData target = new MetaData(newSchema, naming);
        String from = schema;
        Map<String, Table> snapshot = tables;
        for (Table t : snapshot.values()) {
            String to = Objects.equals(t.schema(), from) ? newSchema : Table.RETAIN_SCHEMA;
            t.toMetaData(target, to, referredSchemaFn);
        }
        for (Sequence s : sequences.values()) {
            target.addSequence(Objects.equals(s.schema(), from) ? s.withSchema(newSchema) : s);
        }
        for (SqlType.Enum e : enumTypes.values()) {
            target.addEnum(Objects.equals(e.schema(), from) ? e.withSchema(newSchema) : e);
        }
        for (Domain d : domains.values()) {
            target.addDomain(Objects.equals(d.schema(), from) ? d.withSchema(newSchema) : d);
        }
        programs.copyInto(target, from, newSchema);
        return target;
    }

    /**
     * Solution 1 of the seed, kept to show its cost: rebinds <em>this</em> MetaData to {@code newSchema}
     * in place, exactly as {@link #withSchema(String)} would bind a copy, so every other holder of this
     * object sees the change too. Prefer {@link #withSchema(String)}.
     *
     * @throws IllegalArgumentException when the rebound model is invalid (two tables ending up with one
     *                                  key, say), leaving this MetaData as it was
     */
    public synchronized void rebindInPlace(String newSchema) {
        // Binding a copy first reuses withSchema's rule and its checks, and makes the swap all-or-nothing.
        MetaData bound = withSchema(newSchema);
        relationOwners = bound.relationOwners;
        incomingForeignKeys = bound.incomingForeignKeys;
        enumUses = bound.enumUses;
        tables = bound.tables;
        sequences = bound.sequences;
        domains = bound.domains;
        programs = bound.programs;
        schema = newSchema;
    }

    private void checkForeignKeys(Table table, Map<String, Table> current) {
        for (ForeignKey fk : table.foreignKeys()) {
            Table target = fk.referredKey().equals(table.key()) ? table : current.get(fk.referredKey());
            if (target != null) requireReferredColumns(table, fk, target);
        }
        for (Incoming in : incomingForeignKeys.getOrDefault(table.key(), List.of())) {
            requireReferredColumns(in.from(), in.foreignKey(), table);
        }
    }

    private static void requireReferredColumns(Table from, ForeignKey fk, Table to) {
        for (String c : fk.referredColumns()) {
            if (to.column(c).isEmpty()) {
                throw new IllegalArgumentException("table " + from.key() + ": " + fk + " refers to column "
                        + to.key() + "." + c + ", which does not exist");
            }
        }
    }

    /** Tables, indexes, primary keys and unique constraints share one namespace per schema in PostgreSQL. */
    private void checkRelationNames(Table table) {
        for (String n : relationNames(table)) {
            String owner = relationOwners.get(relationKey(table.schema(), n));
            if (owner != null) {
                throw new IllegalArgumentException("table " + table.key() + ": the name " + n
                        + " is already used by " + (owner.startsWith("view ") ? owner : "table " + owner)
                        + " in the same schema (a naming-convention collision?)");
            }
        }
    }

    private static String relationKey(String schema, String name) {
        return (schema == null ? "" : schema) + '\0' + name;
    }

    private static List<String> relationNames(Table t) {
        List<String> names = new ArrayList<>();
        names.add(t.name());
        if (t.primaryKey() != null) names.add(t.primaryKey().name());
        t.uniques().forEach(u -> names.add(u.name()));
        t.indexes().forEach(i -> names.add(i.name()));
        t.exclusions().forEach(x -> names.add(x.name()));
        return names;
    }

    private void checkEnums(Table table) {
        for (SqlType.Enum e : table.enumTypes()) {
            Incoming other = enumUses.get(e.key());
            if (other != null && !other.enumType().equals(e)) {
                throw new IllegalArgumentException("table " + table.key() + ": enum type " + e.key()
                        + " has labels " + e.labels() + " but table " + other.from().key() + " defines it as "
                        + other.enumType().labels());
            }
        }
    }

    @Override
    public String toString() {
        return "MetaData(schema=" + (schema == null ? "None" : "'" + schema + "'") + ", tables=" + tables.keySet() + ")";
    }
}
