package dev.retort.compare;

import dev.retort.MetaData;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link Differ} compares.
 *
 * @param normaliser     the dialect's canonical forms of types, defaults and expressions
 * @param managedSchemas the schemas whose tables, enum types and sequences the diff may create, alter
 *                       or drop; objects in any other schema are only referred to. Null manages every
 *                       schema, schema-less objects included.
 * @param createSchemas  emit {@code CreateSchema} for each managed schema the model uses and the
 *                       database holds nothing in. Reflection cannot tell an empty schema from a missing
 *                       one, so set it only when the caller knows those schemas do not exist.
 * @param includeDrops   drop tables, columns, constraints, indexes, enum types and labels, and
 *                       sequences that the database has and the model lacks. Without it only additions
 *                       and changes are emitted (a change may still drop and re-create an object).
 * @param canonical      the model's views, routines, triggers and policies as the database prints them
 *                       ({@link Canonical#NONE}: the model's texts are compared as they are)
 */
public record CompareOptions(Normaliser normaliser, Set<String> managedSchemas, boolean createSchemas,
                             boolean includeDrops, Canonical canonical) {

    public CompareOptions(Normaliser normaliser, Set<String> managedSchemas, boolean createSchemas, boolean includeDrops) {
        this(normaliser, managedSchemas, createSchemas, includeDrops, Canonical.NONE);
    }

    public CompareOptions {
        Objects.requireNonNull(normaliser, "normaliser");
        if (canonical == null) canonical = Canonical.NONE;
        if (managedSchemas != null) {
            if (managedSchemas.isEmpty()) {
                throw new IllegalArgumentException("no managed schema given; pass null to manage every schema");
            }
            managedSchemas = Set.copyOf(managedSchemas);
        }
    }

    /** Every schema managed, literal comparison, no schema creation, drops included. */
    public static CompareOptions everySchema() {
        return new CompareOptions(Normaliser.LITERAL, null, false, true);
    }

    /** Only these schemas managed, literal comparison, no schema creation, drops included. */
    public static CompareOptions managing(String... schemas) {
        return new CompareOptions(Normaliser.LITERAL, new LinkedHashSet<>(Arrays.asList(schemas)), false, true);
    }

    /** Manages the model's default schema when it has one (a model bound by {@code withSchema}), else every schema. */
    public static CompareOptions forModel(MetaData model) {
        return model.schema() == null ? everySchema() : managing(model.schema());
    }

    public CompareOptions withNormaliser(Normaliser newNormaliser) {
        return new CompareOptions(newNormaliser, managedSchemas, createSchemas, includeDrops, canonical);
    }

    public CompareOptions withManagedSchemas(Set<String> schemas) {
        return new CompareOptions(normaliser, schemas, createSchemas, includeDrops, canonical);
    }

    public CompareOptions withCreateSchemas(boolean create) {
        return new CompareOptions(normaliser, managedSchemas, create, includeDrops, canonical);
    }

    public CompareOptions withDrops(boolean drops) {
        return new CompareOptions(normaliser, managedSchemas, createSchemas, drops, canonical);
    }

    /** The model's bodies as the database prints them, to compare with what reflection read. */
    public CompareOptions withCanonical(Canonical forms) {
        return new CompareOptions(normaliser, managedSchemas, createSchemas, includeDrops, forms);
    }

    /** True when objects in this schema (null: schema-less) may be created, altered or dropped. */
    public boolean manages(String schema) {
        return managedSchemas == null || (schema != null && managedSchemas.contains(schema));
    }
}
