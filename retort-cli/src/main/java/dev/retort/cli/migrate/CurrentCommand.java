package dev.retort.cli.migrate;

import dev.retort.cli.ExitCode;
import dev.retort.cli.config.SchemaOption;
import dev.retort.api.CurrentResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import dev.retort.cli.Main;
import dev.retort.cli.fanout.FanOutOptions;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code retort current}: the revisions a schema is at. */
@Command(name = "current", description = "Print the revisions a schema is at, marking those that are heads of the revision graph.")
public final class CurrentCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SchemaOption schema;

    @Mixin
    FanOutOptions fanOut;

    @Override
    public Integer call() {
        if (TenantRun.requested(spec, fanOut, schema)) {
            TenantReports.current(spec.commandLine().getOut(), TenantRun.read(spec, fanOut, (retort, shards) -> retort.currentTenants(shards, fanOut.allowEmpty()), SurveyReport::current));
            return ExitCode.OK;
        }
        Session session = Session.of(spec, schema);
        CurrentResult result = session.online(null, retort -> retort.current(session.schema()));
        String s = result.schema();
        if (!result.schemaExists()) {
            session.out().println(s + ": base (the schema does not exist)");
        } else if (!result.tracked()) {
            session.out().println(s + ": base (no version table)");
        } else if (result.heads().isEmpty()) {
            session.out().println(s + ": base");
        }
        for (CurrentResult.Head head : result.heads()) {
            String what = head.revision() == null ? head.id() + " (not in the migrations directory)"
                    : Printing.revision(head.revision()) + (head.graphHead() ? " (head)" : "");
            session.out().println(s + ": " + what);
        }
        for (CurrentResult.Partial p : result.partial()) {
            String what = p.revision() == null ? p.id() + " (not in the migrations directory)" : Printing.revision(p.revision());
            session.out().println(s + ": " + what + ": " + p.describe() + " (the next " + (p.downgrade() ? "downgrade" : "upgrade")
                    + " goes on from step " + (p.step() + 1) + ")");
        }
        if (result.lastFailure() != null) {
            session.out().println(s + ": the last run failed (" + TenantReports.when(result.lastFailure()) + "): " + result.lastFailure().error());
        }
        return ExitCode.OK;
    }
}
