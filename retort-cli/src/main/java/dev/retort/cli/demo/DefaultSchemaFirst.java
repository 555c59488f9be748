package dev.retort.cli.demo;

import dev.retort.MetaData;

import static dev.retort.cli.demo.DemoCommand.SCHEMA;
import static dev.retort.cli.demo.DemoOutput.literal;

/** Solution 3: give the MetaData its schema before any table is defined in it. */
final class DefaultSchemaFirst implements Solution {
    @Override
    public int number() {
        return 3;
    }

    @Override
    public String summary() {
        return "give the MetaData a default schema before defining the models (new MetaData(" + literal(SCHEMA) + "))";
    }

    @Override
    public void show(DemoModel model, DemoOutput out) {
        MetaData metadata = model.define(new MetaData(SCHEMA), null);
        out.code("MetaData metadata = new MetaData(" + literal(SCHEMA) + ");   // the default schema first",
                "Models.define(metadata);                     // then the tables, which take it");
        out.state(metadata);
        out.blank();
        out.line("Cost: the schema must be known before the tables are defined, so a shared module cannot");
        out.line("define the model once: each tenant runs every definition again into a MetaData of its own.");
    }
}
