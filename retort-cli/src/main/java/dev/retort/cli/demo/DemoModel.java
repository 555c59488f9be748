package dev.retort.cli.demo;

import dev.retort.MetaData;
import dev.retort.examples.models.Models;

/**
 * The model the demonstrations play with. They need the definition itself, not only a MetaData,
 * because two of the solutions change how the tables are defined.
 */
@FunctionalInterface
public interface DemoModel {
    /** The shared example model, {@code examples/models}. */
    DemoModel EXAMPLE = Models::define;

    /**
     * Defines the model's tables in {@code target} and returns it.
     *
     * @param schema the schema to write into every table, or null for {@code target}'s default schema
     */
    MetaData define(MetaData target, String schema);

    /** The model as a shared module holds it: defined once, without a schema. */
    default MetaData shared() {
        return define(new MetaData(), null);
    }
}
