package dev.retort.cli.migrate;

import dev.retort.api.RunPlan;
import dev.retort.api.TenantNames;
import dev.retort.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code upgrade} and {@code downgrade} do before a run that would destroy data: say what it
 * destroys, then refuse ({@code --no-destructive}), or, over tenants on a terminal, ask first unless
 * {@code --yes}. docs/runner.md describes it.
 */
public final class DestructiveOptions {

    @Option(names = "--no-destructive",
            description = "Refuse the run, running nothing, when a revision it would run destroys data (drops a table or column, "
                    + "narrows a type, removes an enum value, ...). For pipelines.")
    boolean refuse;

    @Option(names = {"-y", "--yes"}, description = "Over tenants on a terminal, run a destructive run without asking first.")
    boolean yes;

    /** A run the options or the person at the terminal turned down; nothing ran. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Before a run on one schema: the warnings, then the refusal if asked for. */
    void gate(CommandLine.Model.CommandSpec spec, String schema, RunPlan plan) {
        PrintWriter err = spec.commandLine().getErr();
        for (RunPlan.Loss loss : plan.losses()) {
            err.println("warning: " + TenantNames.display(schema) + ": " + loss.revision() + ": " + loss.change());
        }
        err.flush();
        if (refuse && plan.destructive()) {
            List<RunPlan.Loss> destroying = plan.losses().stream().filter(RunPlan.Loss::destroys).toList();
            throw new Refused("refused by --no-destructive: the run would destroy data in " + TenantNames.display(schema)
                    + " (" + destroying.get(0).change() + (destroying.size() > 1 ? " and " + (destroying.size() - 1) + " more" : "")
                    + "); nothing was run");
        }
    }

    /** Before a run over tenants: the warnings with their counts, the refusal, or the question on a terminal. */
    void gateTenants(CommandLine.Model.CommandSpec spec, String verb, RunPlan plan) {
        PrintWriter err = spec.commandLine().getErr();
        for (RunPlan.Loss loss : plan.losses()) {
            err.println("warning: " + loss.revision() + " " + loss.message().lines().findFirst().orElse("") + ": " + loss.change()
                    + ", on " + loss.tenants() + " of " + plan.tenants() + " tenants ("
                    + loss.examples().stream().map(TenantNames::display).collect(Collectors.joining(", "))
                    + (loss.tenants() > loss.examples().size() ? ", ..." : "") + ")");
        }
        err.flush();
        if (!plan.destructive()) return;
        String what = verb + " " + plan.changing() + " of " + plan.tenants() + " tenants, destroying data on "
                + plan.destroying() + " of them";
        if (refuse) throw new Refused("refused by --no-destructive: the run would " + what + "; nothing was run");
        Main root = Main.of(spec);
        if (root.terminal() && !yes && !root.confirmation().confirm(capitalised(what) + "?")) {
            throw new Refused("cancelled: nothing was run (--yes runs it without asking)");
        }
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
