package dev.retort.cli.authoring;

import dev.retort.api.LintFinding;
import dev.retort.cli.ExitCode;
import dev.retort.cli.Main;
import dev.retort.cli.RetortFactory;
import dev.retort.cli.config.Settings;
import dev.retort.cli.fanout.FanOutOptions;
import dev.retort.cli.migrate.TenantRun;
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
                "With --tenants (or --all-tenants), each finding about a table is weighed by that table across the "
                        + "tenants: their estimated rows and sizes, and the tenant with the most rows.",
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

    // The tenants' tables are read in bulk, one query per 500 tenants: there is nothing to run per
    // tenant, so the fan-out's --jobs, --fail-fast and --report have no place here.
    @Option(names = FanOutOptions.TENANTS_OPTION, paramLabel = "SPEC",
            description = "Weigh the findings by the tables of these tenant schemas: a list of names and patterns (acme,tenant_*) "
                    + "| list:a,b,c | pattern:GLOB | query:SQL.")
    String tenants;

    @Option(names = "--all-tenants",
            description = "Weigh them by every tenant that retort.yaml's tenants: section names, on the main database and its shards.")
    boolean allTenants;

    @Option(names = "--allow-empty",
            description = "Accept a tenant spec, or a pattern in it, that matches no schema (an error otherwise, to catch typos).")
    boolean allowEmpty;

    @Override
    public Integer call() {
        if (all && revision != null) throw usage("give a REVISION or --all, not both");
        LintFinding.Severity threshold = threshold();
        String target = all ? null : revision == null ? "heads" : revision;
        List<LintFinding> findings;
        FanOutOptions fanOut = FanOutOptions.selection(tenants, allTenants, allowEmpty);
        if (fanOut.manyTenants(spec)) {
            findings = TenantRun.read(spec, fanOut, (retort, shards) -> retort.lintTenants(target, shards, fanOut.allowEmpty()),
                    (file, started, result) -> { });
        } else {
            findings = RetortFactory.offline(Main.settings(spec, null), spec.commandLine().getErr()::println).lint(target);
        }
        Settings settings = Main.settings(spec, null);
        PrintWriter out = spec.commandLine().getOut();
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
        if (f.weight() != null) out.println("    tenants: " + weight(f.weight()));
    }

    /** {@code orders has 48.2 M rows (12.3 GB) over 998 of 1,000 tenants, the most 2.1 M in tenant_412}. */
    static String weight(LintFinding.Weight w) {
        String tenants = String.format(Locale.ROOT, "%,d", w.tenants()) + (w.tenants() == 1 ? " tenant" : " tenants");
        if (w.tenantsWithTable() == 0) return "no table " + w.table() + " in " + tenants;
        String over = w.tenantsWithTable() == w.tenants() ? tenants
                : String.format(Locale.ROOT, "%,d", w.tenantsWithTable()) + " of " + tenants;
        return w.table() + " has " + rows(w.rows()) + " (" + bytes(w.bytes()) + ") over " + over
                + ", the most " + rows(w.largestRows()) + " in " + w.largestTenant();
    }

    static String rows(long n) {
        if (n < 10_000) return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " row" : " rows");
        if (n < 1_000_000) return String.format(Locale.ROOT, "%.1f k rows", n / 1e3);
        if (n < 1_000_000_000) return String.format(Locale.ROOT, "%.1f M rows", n / 1e6);
        return String.format(Locale.ROOT, "%.1f G rows", n / 1e9);
    }

    static String bytes(long n) {
        String[] units = {"kB", "MB", "GB", "TB"};
        if (n < 1024) return n + " B";
        double v = n;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
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
