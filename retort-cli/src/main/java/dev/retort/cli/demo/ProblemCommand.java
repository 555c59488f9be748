package dev.retort.cli.demo;

import dev.retort.MetaData;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import static dev.retort.cli.demo.DemoCommand.SCHEMA;
import static dev.retort.cli.demo.DemoOutput.literal;

/** {@code retort demo problem}: setting the schema of a model whose tables exist binds nothing. */
@Command(name = "problem", description = "Show that setting the schema of a shared model binds none of its tables.")
public final class ProblemCommand implements Runnable {
    @CommandLine.ParentCommand
    DemoCommand demo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        DemoOutput out = new DemoOutput(spec.commandLine().getOut());
        out.heading("The problem: setting the schema of a model whose tables are already defined");
        out.code("MetaData metadata = Models.metadata();   // the shared model, defined without a schema",
                "metadata.setSchema(" + literal(SCHEMA) + ");");
        MetaData metadata = demo.model().shared();
        metadata.setSchema(SCHEMA);
        out.state(metadata);
        out.blank();
        out.line("setSchema changes only the default for tables defined from now on. The tables defined");
        out.line("before keep their schema and their keys, so whatever reads metadata.tables (autogenerate");
        out.line("does) sees no tenant. `retort demo solution` shows four ways out.");
    }
}
