package dev.retort.cli.migrate;

import dev.retort.cli.ExitCode;
import dev.retort.cli.config.SchemaOption;
import dev.retort.api.CheckResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import dev.retort.cli.Main;
import dev.retort.cli.fanout.FanOutOptions;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code retort check}: is the schema at head, its revision files unchanged, and does it match the model? */
@Command(name = "check", description = {"Check that a schema is at the head of the revisions, that no applied revision file was "
        + "edited, and that the schema matches the model.",
        "Exit code 0 when it does, 3 when revisions are pending, files were edited or the schema drifted (each listed), 1 on an error."})
public final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SchemaOption schema;

    @Mixin
    FanOutOptions fanOut;

    @Override
    public Integer call() {
        if (TenantRun.requested(spec, fanOut, schema)) {
            Main.settings(spec, null).requireModel();
            boolean clean = TenantReports.check(spec.commandLine().getOut(), TenantRun.read(spec, fanOut, (retort, shards) -> retort.checkTenants(shards, fanOut.allowEmpty()), SurveyReport::check));
            return clean ? ExitCode.OK : ExitCode.DIFFERENCES;
        }
        Session session = Session.of(spec, schema);
        // Without a model there is nothing to check against: say so before starting a server.
        session.settings().requireModel();
        CheckResult result = session.online(null, retort -> retort.check(session.schema()));
        String s = result.schema();
        if (result.clean()) {
            session.out().println(s + ": up to date at " + Printing.heads(result.heads()) + ", and matches the model");
            return ExitCode.OK;
        }
        result.problems().forEach(p -> session.out().println(s + ": " + p));
        return ExitCode.DIFFERENCES;
    }
}
