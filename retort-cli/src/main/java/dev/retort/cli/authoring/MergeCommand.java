package dev.retort.cli.authoring;

import dev.retort.cli.Main;
import dev.retort.cli.RetortFactory;
import dev.retort.cli.config.SchemaOption;
import dev.retort.cli.config.Settings;
import dev.retort.revision.Revision;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code retort merge -m MSG [REVS...]}: a revision without operations that joins branches. */
@Command(name = "merge", sortOptions = false,
        description = {"Write a merge revision: no operations, its down revisions the given revisions "
                + "(ids or unique prefixes), or every head when none is given."})
public final class MergeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SchemaOption schema;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the merge is for.")
    String message;

    @Parameters(paramLabel = "REVS", arity = "0..*", description = "The revisions to merge (default: every head).")
    List<String> revisions = List.of();

    @Override
    public void run() {
        Settings settings = Main.settings(spec, schema.value());
        Revision merge = RetortFactory.configuration(settings, spec.commandLine().getErr()::println).load().merge(message, revisions);
        spec.commandLine().getOut().println("Wrote " + settings.display(merge.path()) + " (revision " + merge.id()
                + ", merging " + String.join(", ", merge.downRevisions()) + ")");
        spec.commandLine().getOut().flush();
    }
}
