package dev.retort.cli.demo;

import dev.retort.MetaData;

import static dev.retort.cli.demo.DemoCommand.SCHEMA;
import static dev.retort.cli.demo.DemoOutput.literal;

/** Solution 1: move the tables of the shared MetaData itself. */
final class RebindAtRuntime implements Solution {
    @Override
    public int number() {
        return 1;
    }

    @Override
    public String summary() {
        return "update table schemas at runtime (MetaData.rebindInPlace)";
    }

    @Override
    public void show(DemoModel model, DemoOutput out) {
        MetaData shared = model.shared();
        // Another consumer in the same process holds the same shared object, as an import would give it.
        MetaData otherConsumer = shared;
        out.code("MetaData metadata = Models.metadata();",
                "metadata.rebindInPlace(" + literal(SCHEMA) + ");   // moves the tables of this very object");
        shared.rebindInPlace(SCHEMA);
        out.state(shared);
        out.blank();
        out.line("Cost: it mutates the shared model. A second consumer holding the same MetaData, which");
        out.line("wanted it schema-agnostic or bound to its own tenant, now sees this one's:");
        out.state("  second consumer: ", otherConsumer);
    }
}
