package dev.retort.cli.demo;

import dev.retort.MetaData;

import static dev.retort.cli.demo.DemoCommand.SCHEMA;
import static dev.retort.cli.demo.DemoOutput.literal;

/** Solution 2: write the schema into every table definition. */
final class SchemaAtDefinition implements Solution {
    @Override
    public int number() {
        return 2;
    }

    @Override
    public String summary() {
        return "set the schema at definition time (tableIn)";
    }

    @Override
    public void show(DemoModel model, DemoOutput out) {
        MetaData metadata = model.define(new MetaData(), SCHEMA);
        String firstTable = metadata.tables().values().stream().findFirst().map(t -> literal(t.name())).orElse("...");
        out.code("MetaData metadata = new MetaData();",
                "metadata.tableIn(" + literal(SCHEMA) + ", " + firstTable + ", ...);   // and so for every table");
        out.state(metadata);
        out.blank();
        out.line("Cost: the schema is part of the model, so the model is no longer shared: every tenant");
        out.line("needs its own copy of every definition. The MetaData itself stays unbound (metadata.schema: "
                + PythonRepr.repr(metadata.schema()) + ").");
    }
}
