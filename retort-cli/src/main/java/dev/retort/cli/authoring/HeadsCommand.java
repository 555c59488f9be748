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

/** {@code retort heads}: the revisions nothing follows. More than one means the history must be merged. */
@Command(name = "heads", sortOptions = false,
        description = {"List the heads: the revisions nothing follows, one per line (ID (head), MESSAGE).",
                "Several heads must be merged (retort merge -m MSG) before a new revision is made."})
public final class HeadsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SchemaOption schema;

    @Option(names = {"-v", "--verbose"}, description = "Show each head as `retort show` does.")
    boolean verbose;

    @Override
    public void run() {
        Settings settings = Main.settings(spec, schema.value());
        List<RevisionInfo> heads = RetortFactory.configuration(settings, spec.commandLine().getErr()::println).load().heads();
        Listing.print(spec.commandLine().getOut(), heads, settings, verbose, Listing::head);
    }
}
