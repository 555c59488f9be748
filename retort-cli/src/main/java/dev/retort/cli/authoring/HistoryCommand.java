package dev.retort.cli.authoring;

import dev.retort.api.RevisionInfo;
import dev.retort.cli.Main;
import dev.retort.cli.RetortFactory;
import dev.retort.cli.config.SchemaOption;
import dev.retort.cli.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code retort history}: every revision, newest first, one line each (Alembic's form). */
@Command(name = "history", sortOptions = false,
        description = {"List the revisions, newest first: PARENTS -> ID (markers), MESSAGE.",
                "Markers: (head) nothing follows it, (branchpoint) several revisions follow it, "
                        + "(mergepoint) it merges several. <base> stands for no parent."})
public final class HistoryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SchemaOption schema;

    @Option(names = {"-v", "--verbose"}, description = "Show each revision as `retort show` does.")
    boolean verbose;

    @Override
    public void run() {
        Settings settings = Main.settings(spec, schema.value());
        List<RevisionInfo> history = RetortFactory.configuration(settings, spec.commandLine().getErr()::println).load().history();
        Listing.print(spec.commandLine().getOut(), history, settings, verbose, Listing::line);
    }
}
