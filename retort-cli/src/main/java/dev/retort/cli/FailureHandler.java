package dev.retort.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Reports a command's failure as one line, {@code retort: <message>}, on stderr and exits with
 * {@link ExitCode#ERROR}; with {@code --debug} anywhere on the command line, the stack trace instead.
 */
public final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (debugRequested(parsed)) {
            failure.printStackTrace(err);
        } else {
            err.println("retort: " + oneLine(failure));
        }
        err.flush();
        return ExitCode.ERROR;
    }

    /** The message of a failure on one line; a failure without one is named by its type. */
    public static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = failure.getCause();
            return cause != null && cause != failure ? oneLine(cause) : failure.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean debugRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(Main.DEBUG)) return true;
        }
        return false;
    }
}
