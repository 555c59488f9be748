package dev.retort.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** Reports a wrong command line: picocli's message, then a suggestion or the usage; {@link ExitCode#USAGE}. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("retort: " + FailureHandler.oneLine(problem));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(problem, err)) {
            command.usage(err, command.getColorScheme());
        }
        err.flush();
        return ExitCode.USAGE;
    }
}
