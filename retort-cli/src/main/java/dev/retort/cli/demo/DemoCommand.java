package dev.retort.cli.demo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code retort demo}: the seed project's demonstrations, played on the Java model. Everything they
 * print about the model is read from the objects they build.
 */
@Command(name = "demo", description = "Show the schema problem of shared models and its solutions.",
        subcommands = {ProblemCommand.class, SolutionCommand.class})
public final class DemoCommand implements Runnable {
    /** The tenant the demonstrations bind to. */
    static final String SCHEMA = "tenant_a";
    /** A second tenant, bound side by side with the first. */
    static final String OTHER_SCHEMA = "tenant_b";

    private final DemoModel model;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The demonstrations on the example model ({@code examples/models}). */
    public DemoCommand() {
        this(DemoModel.EXAMPLE);
    }

    /** The demonstrations on another model. */
    public DemoCommand(DemoModel model) {
        this.model = model;
    }

    DemoModel model() {
        return model;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a demonstration is required: problem or solution");
    }
}
