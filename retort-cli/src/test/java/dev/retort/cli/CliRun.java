package dev.retort.cli;

import dev.retort.cli.config.Environment;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One run of the command line, with what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        return of(CommandLine.defaultFactory(), args);
    }

    public static CliRun of(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(factory, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs the command line as if started in {@code workingDirectory} with exactly these environment variables. */
    public static CliRun in(Path workingDirectory, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(new Main(workingDirectory, Environment.of(environment)), CommandLine.defaultFactory());
        int code = Main.run(commandLine, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Runs the command line as if at a terminal in {@code workingDirectory}, its questions answered by
     * {@code answers}.
     */
    public static CliRun atTerminal(Path workingDirectory, Map<String, String> environment, Confirmation answers, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main root = new Main(workingDirectory, Environment.of(environment), java.util.function.UnaryOperator.identity(), true)
                .confirmation(answers);
        int code = Main.run(Main.commandLine(root, CommandLine.defaultFactory()), new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs a command tree built by {@link Main#commandLine} and then changed by the test. */
    public static CliRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public List<String> outLines() {
        return out.lines().toList();
    }

    public List<String> errLines() {
        return err.lines().toList();
    }
}
