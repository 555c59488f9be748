package dev.retort.cli;

import dev.retort.cli.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;

/**
 * The {@code retort} command. Each subcommand is a class of its own; register it in
 * {@code subcommands} below, one per line. Commands print through {@code spec.commandLine().getOut()}
 * and signal failure by throwing: the handlers here turn that into one line on stderr and an
 * {@link ExitCode}.
 */
@Command(name = "retort", mixinStandardHelpOptions = true, version = "retort 0.1.0",
        scope = ScopeType.INHERIT,
        description = "Schema-aware migrations for schema-per-tenant databases.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DiffCommand.class,
                DemoCommand.class,
        })
public final class Main implements Runnable {
    static final String DEBUG = "--debug";
    static final String URL = "--url";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by {@link FailureHandler} from the parse result, wherever on the line it was given. */
    @Option(names = DEBUG, scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    boolean debug;

    /** The database of commands that use one, over {@code RETORT_URL}; none means the embedded server. */
    @Option(names = URL, scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "The database (default: RETORT_URL, else an embedded PostgreSQL in .retort/pg).")
    String url;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line on stdout and stderr and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line, printing to {@code out} and {@code err}, and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CommandLine.defaultFactory(), out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with commands made by {@code factory}. */
    public static int run(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(factory);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command tree with Retort's error handling and exit codes. */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(new Main(), factory)
                .setExecutionExceptionHandler(new FailureHandler())
                .setParameterExceptionHandler(new UsageErrorHandler());
    }

    /** The root command of the tree a (sub)command runs in, for the global options. */
    static Main of(CommandLine.Model.CommandSpec spec) {
        return (Main) spec.root().userObject();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
