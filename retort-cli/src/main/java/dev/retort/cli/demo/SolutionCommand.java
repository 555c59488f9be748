package dev.retort.cli.demo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

/** {@code retort demo solution [--list] [N]}: the four ways to bind a model to a schema, and what each costs. */
@Command(name = "solution", description = "Show the solutions to the problem: all of them, or solution N.")
public final class SolutionCommand implements Runnable {
    @CommandLine.ParentCommand
    DemoCommand demo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", description = "List the solutions, one line each.")
    boolean list;

    @Parameters(arity = "0..1", paramLabel = "N", description = "The solution to show; all of them when omitted.")
    Integer number;

    @Override
    public void run() {
        List<Solution> solutions = Solution.all();
        if (number != null && (number < 1 || number > solutions.size())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "there is no solution " + number + ": choose 1 to " + solutions.size());
        }
        if (list && number != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --list or N, not both");
        }
        PrintWriter writer = spec.commandLine().getOut();
        if (list) {
            solutions.forEach(s -> writer.println(s.number() + ". " + s.summary()));
            return;
        }
        DemoOutput out = new DemoOutput(writer);
        boolean first = true;
        for (Solution s : solutions) {
            if (number != null && s.number() != number) continue;
            if (!first) {
                out.blank();
                out.blank();
            }
            first = false;
            out.heading("Solution " + s.number() + ": " + s.summary());
            s.show(demo.model(), out);
        }
    }
}
