package dev.retort.examples.consumer;

import dev.retort.MetaData;
import dev.retort.ModelProvider;
import dev.retort.examples.models.Models;

import java.util.Map;

/**
 * The consumer's model: the shared models bound to the schema named by {@code TARGET_SCHEMA}
 * ({@value #DEFAULT_SCHEMA} when unset). The shared MetaData is cloned, never changed, so other
 * consumers in the same process may bind it to other schemas at the same time.
 */
public final class TenantModel implements ModelProvider {
    public static final String SCHEMA_VARIABLE = "TARGET_SCHEMA";
    public static final String DEFAULT_SCHEMA = "tenant_a";

    /** One shared, schema-agnostic model per process, as the models package would hold it. */
    private static final MetaData SHARED = Models.metadata();

    private final String schema;

    /** Reads {@code TARGET_SCHEMA} from the environment. */
    public TenantModel() {
        this(System.getenv());
    }

    /** Reads {@code TARGET_SCHEMA} from the given variables. */
    public TenantModel(Map<String, String> environment) {
        this(targetSchema(environment));
    }

    private TenantModel(String schema) {
        this.schema = schema;
    }

    /** A model bound to this schema, whatever the environment says. */
    public static TenantModel forSchema(String schema) {
        return new TenantModel(schema);
    }

    /** {@code TARGET_SCHEMA}, or {@value #DEFAULT_SCHEMA} when it is unset or blank. */
    public static String targetSchema(Map<String, String> environment) {
        String value = environment.get(SCHEMA_VARIABLE);
        return value == null || value.isBlank() ? DEFAULT_SCHEMA : value.strip();
    }

    public String schema() {
        return schema;
    }

    @Override
    public MetaData metadata() {
        return SHARED.withSchema(schema);
    }
}
