package dev.retort.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code retort} command. Each subcommand is a class of its own in this package or below it. */
@Command(name = "retort", mixinStandardHelpOptions = true, version = "retort 0.1.0",
        description = "Schema-aware migrations for schema-per-tenant databases.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
