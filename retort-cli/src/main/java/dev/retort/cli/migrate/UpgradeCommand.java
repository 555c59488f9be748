package dev.retort.cli.migrate;

import dev.retort.cli.ExitCode;
import dev.retort.cli.config.SchemaOption;
import dev.retort.runner.AppliedStep;
import dev.retort.runner.EditedRevision;
import dev.retort.runner.MigrationException;
import dev.retort.runner.UpgradeResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import dev.retort.cli.fanout.FanOutOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code retort upgrade [TARGET]}: apply the pending revisions to a schema, or print their SQL. */
@Command(name = "upgrade", sortOptions = false,
        description = {"Apply revisions to a schema up to TARGET (default: head), each in its own transaction; "
                + "the schema is created when missing.",
                "With --sql, print the SQL instead, without touching the database (TARGET from base, or FROM:TARGET)."})
public final class UpgradeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", defaultValue = "head",
            description = "head, heads, a revision id or unique prefix, +N, REV+N; with --sql also FROM:TARGET.")
    String target;

    @Mixin
    SchemaOption schema;

    @Option(names = "--sql", description = "Print the SQL for the schema (every name qualified) instead of running it.")
    boolean sql;

    @Option(names = "--force", description = "Accept applied revisions whose files were edited since, recording their new checksums.")
    boolean force;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Mixin
    FanOutOptions fanOut;

    @Override
    public Integer call() {
        if (TenantRun.requested(spec, fanOut, schema)) {
            if (sql) throw new CommandLine.ParameterException(spec.commandLine(), "--sql works on one schema, not with --tenants");
            return TenantRun.run(spec, fanOut, lockTimeout.value(), (retort, shards, options, listener) -> retort.upgradeTenants(target, force, shards, options, listener));
        }
        Session session = Session.of(spec, schema);
        if (sql) {
            if (force) throw session.usage("--force applies to a run, not to --sql");
            session.out().print(session.offline().upgradeSql(target, session.schema()).text());
            return ExitCode.OK;
        }
        PrintWriter out = session.out();
        UpgradeResult result;
        try {
            result = session.online(lockTimeout.value(), retort -> retort.upgrade(target, session.schema(), force));
        } catch (MigrationException e) {
            // What was applied before the failure stays applied: say so before the error.
            e.completed().forEach(step -> out.println(Printing.step("upgraded", e.schema(), step)));
            out.flush();
            throw e;
        }
        for (EditedRevision edited : result.accepted()) {
            session.err().println("warning: " + result.schema() + ": accepted the edited file of applied revision " + edited.describe());
        }
        if (result.schemaCreated()) out.println("created schema " + result.schema());
        for (AppliedStep step : result.steps()) out.println(Printing.step("upgraded", result.schema(), step));
        if (result.nothingToDo()) out.println(result.schema() + " is up to date at " + Printing.heads(result.headsAfter()));
        return ExitCode.OK;
    }
}
