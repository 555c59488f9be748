package dev.retort.authoring;

import dev.retort.MetaData;

/**
 * Binding the model to the schema autogenerate compares with. A model without a default schema is
 * bound by cloning ({@link MetaData#withSchema}); a model already bound to another schema (a provider
 * that reads {@code TARGET_SCHEMA} while {@code --schema} names another tenant) is rebound the same
 * way, its default schema's tables moving to the target. Tables in fixed schemas (a shared
 * {@code public.tenants}) keep their schema either way.
 */
public final class ModelBinding {
    private ModelBinding() {
    }

    /** The model bound to {@code schema}: the model itself when it already is, else a clone. */
    public static MetaData bind(MetaData model, String schema) {
        return schema.equals(model.schema()) ? model : model.withSchema(schema);
    }
}
