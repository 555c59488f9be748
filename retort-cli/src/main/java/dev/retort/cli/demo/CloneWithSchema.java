package dev.retort.cli.demo;

import dev.retort.MetaData;

import static dev.retort.cli.demo.DemoCommand.OTHER_SCHEMA;
import static dev.retort.cli.demo.DemoCommand.SCHEMA;
import static dev.retort.cli.demo.DemoOutput.literal;

/** Solution 4: clone the shared model into the schema; the seed's clone_metadata_with_schema. */
final class CloneWithSchema implements Solution {
    @Override
    public int number() {
        return 4;
    }

    @Override
    public String summary() {
        return "clone the metadata with the schema (recommended: MetaData.withSchema)";
    }

    @Override
    public void show(DemoModel model, DemoOutput out) {
        MetaData shared = model.shared();
        out.code("MetaData shared = Models.metadata();                  // defined once, without a schema",
                "MetaData metadata = shared.withSchema(" + literal(SCHEMA) + ");   // a bound copy");
        MetaData metadata = shared.withSchema(SCHEMA);
        out.state(metadata);
        out.blank();
        MetaData other = shared.withSchema(OTHER_SCHEMA);
        out.line("Cost: none. The shared model is left as it was:");
        out.state("  shared: ", shared);
        out.line("so a second consumer binds it to " + PythonRepr.repr(OTHER_SCHEMA) + ", side by side with the first:");
        out.state("  " + SCHEMA + ": ", metadata);
        out.state("  " + OTHER_SCHEMA + ": ", other);
    }
}
