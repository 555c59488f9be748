package dev.retort.cli.demo;

import java.util.List;

/** One way to bind a shared model to a schema, shown on a model of the caller's choosing. */
interface Solution {

    /** The four solutions, in the seed's order. */
    static List<Solution> all() {
        return List.of(new RebindAtRuntime(), new SchemaAtDefinition(), new DefaultSchemaFirst(), new CloneWithSchema());
    }

    int number();

    /** One line. */
    String summary();

    /** Binds the model this way, prints the three lines, and shows what it costs. */
    void show(DemoModel model, DemoOutput out);
}
