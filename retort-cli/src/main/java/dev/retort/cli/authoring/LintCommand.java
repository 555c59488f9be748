package dev.retort.cli.authoring;

import dev.retort.api.LintFinding;
import dev.retort.cli.ExitCode;
import dev.retort.cli.Main;
import dev.retort.cli.RetortFactory;
import dev.retort.cli.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code retort lint [REVISION|--all] [--fail-on LEVEL]}: what in some revisions may lose data, fail on
 * the rows tenants already have, or hold locks that stall the application (docs/safety.md).
 */
@Command(name = "lint", sortOptions = false,
        description = {"Check revisions for operations that lose data, may fail on existing rows, or hold locks "
                + "that stall the application, each with the safe way to do the same.",
                "Checks the head revisions, the revision named, or every revision with --all; only upgrades are "
                        + "checked. A revision silences a rule for one operation with "
                        + "`lint: {ignore: [ID], reason: TEXT}` beside it.",
                "Exit code 0 when no finding reaches --fail-on, 3 when one does, 1 on an error."})
public final class LintCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REVISION",
            description = "An id or unique prefix, head, heads or a step (head-1); default: the heads.")
    String revision;

    @Option(names = "--all", description = "Check every revision.")
    boolean all;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "error (default), warning or none: the least severe finding that makes the exit code 3.")
    String failOn;

    @Override
    public Integer call() {
        if (all && revision != null) throw usage("give a REVISION or --all, not both");
        LintFinding.Severity threshold = threshold();
        Settings settings = Main.settings(spec, null);
        PrintWriter out = spec.commandLine().getOut();
        List<LintFinding> findings = RetortFactory.offline(settings, spec.commandLine().getErr()::println)
                .lint(all ? null : revision == null ? "heads" : revision);
        for (LintFinding f : findings) print(out, settings, f);
        long ignored = findings.stream().filter(LintFinding::isIgnored).count();
        long errors = findings.stream().filter(f -> !f.isIgnored() && f.severity() == LintFinding.Severity.ERROR).count();
        long warnings = findings.size() - ignored - errors;
        if (findings.isEmpty()) {
            out.println("no findings");
        } else {
            out.println(count(errors, "error") + ", " + count(warnings, "warning")
                    + (ignored == 0 ? "" : ", " + ignored + " ignored by their revisions"));
        }
        out.flush();
        boolean fails = threshold != null && findings.stream().anyMatch(f -> f.reaches(threshold));
        return fails ? ExitCode.DIFFERENCES : ExitCode.OK;
    }

    /** {@code FILE:LINE: error [rule] operation: explanation}, then the safe form or the reason it is silenced. */
    static void print(PrintWriter out, Settings settings, LintFinding f) {
        String where = f.file() == null ? f.revision() : settings.display(f.file()) + ":" + f.line();
        String level = f.isIgnored() ? "ignored" : f.severity().label();
        out.println(where + ": " + level + " [" + f.rule() + "] " + f.operation() + ": " + f.explanation());
        out.println("    " + (f.isIgnored() ? "reason: " + f.ignored() : "safe: " + f.alternative()));
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private LintFinding.Severity threshold() {
        String s = failOn.strip().toLowerCase(Locale.ROOT);
        if (s.equals("none")) return null;
        for (LintFinding.Severity level : LintFinding.Severity.values()) {
            if (level.label().equals(s)) return level;
        }
        throw usage("--fail-on takes error, warning or none, not '" + failOn + "'");
    }

    private CommandLine.ParameterException usage(String text) {
        return new CommandLine.ParameterException(spec.commandLine(), text);
    }
}
