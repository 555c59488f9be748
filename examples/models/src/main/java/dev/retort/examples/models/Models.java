package dev.retort.examples.models;

import dev.retort.Dsl;
import dev.retort.MetaData;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;

/**
 * The shared model: tables defined once, without a schema, for every tenant. A consumer binds it to
 * its schema by cloning ({@code Models.metadata().withSchema("tenant_a")}).
 *
 * <p>The definition can also be replayed into a MetaData of the caller's choosing, which is how the
 * demonstrations show the alternatives to cloning (a default schema set before definition, or a
 * schema written into each table).
 */
public final class Models {
    private Models() {
    }

    /** A fresh, schema-agnostic MetaData holding the model. */
    public static MetaData metadata() {
        return define(new MetaData());
    }

    /** Defines the model's tables in {@code target}'s default schema (whatever it is now) and returns it. */
    public static MetaData define(MetaData target) {
        return define(target, null);
    }

    /**
     * Defines the model's tables in {@code target} and returns it.
     *
     * @param schema the schema to write into every table, or null for {@code target}'s default schema
     */
    public static MetaData define(MetaData target, String schema) {
        table(target, schema, "test",
                column("id", INTEGER).primaryKey(),
                column("name", varchar(100)).notNull());
        table(target, schema, "child",
                column("id", INTEGER).primaryKey(),
                column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE),
                index("test_id"));
        return target;
    }

    private static void table(MetaData target, String schema, String name, Dsl.TableElement... elements) {
        if (schema == null) {
            target.table(name, elements);
        } else {
            target.tableIn(schema, name, elements);
        }
    }
}
