package dev.retort.cli.authoring;

import dev.retort.api.RevisionInfo;
import dev.retort.cli.Main;
import dev.retort.cli.RetortFactory;
import dev.retort.cli.config.SchemaOption;
import dev.retort.cli.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code retort show REV}: one revision, its place in the graph and its operations. */
@Command(name = "show", sortOptions = false,
        description = {"Show one revision: its parents and children, file, message, and operations "
                + "(! marks those that can lose data; a downgrade that cannot restore data says so)."})
public final class ShowCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SchemaOption schema;

    @Parameters(paramLabel = "REV", description = "An id, a unique prefix of one, head, or a step from one (head-1).")
    String revision;

    @Override
    public void run() {
        Settings settings = Main.settings(spec, schema.value());
        RevisionInfo info = RetortFactory.configuration(settings, spec.commandLine().getErr()::println).load().show(revision);
        Listing.block(spec.commandLine().getOut(), info, settings);
        spec.commandLine().getOut().flush();
    }
}
