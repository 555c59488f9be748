package dev.retort.cli.migrate;

import dev.retort.cli.ExitCode;
import dev.retort.cli.config.SchemaOption;
import dev.retort.runner.AppliedStep;
import dev.retort.runner.DowngradeResult;
import dev.retort.runner.MigrationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import dev.retort.cli.fanout.FanOutOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code retort downgrade TARGET}: undo revisions of a schema, or print their SQL. */
@Command(name = "downgrade", sortOptions = false,
        description = {"Undo the schema's revisions that follow TARGET (base undoes all), each in its own transaction; "
                + "what a step destroys or cannot restore is printed as a warning.",
                "With --sql, print the SQL instead, without touching the database (from the heads, or FROM:TARGET)."})
public final class DowngradeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "base, a revision id or unique prefix, -N, REV-N; with --sql also FROM:TARGET.")
    String target;

    @Mixin
    SchemaOption schema;

    @Option(names = "--sql", description = "Print the SQL for the schema (every name qualified) instead of running it.")
    boolean sql;

    @Option(names = "--force", description = "Accept applied revisions whose files were edited since.")
    boolean force;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Mixin
    FanOutOptions fanOut;

    @Override
    public Integer call() {
        if (TenantRun.requested(spec, fanOut, schema)) {
            if (sql) throw new CommandLine.ParameterException(spec.commandLine(), "--sql works on one schema, not with --tenants");
            return TenantRun.run(spec, fanOut, lockTimeout.value(), (retort, shards, options, listener) -> retort.downgradeTenants(target, force, shards, options, listener));
        }
        Session session = Session.of(spec, schema);
        if (sql) {
            if (force) throw session.usage("--force applies to a run, not to --sql");
            session.out().print(session.offline().downgradeSql(target, session.schema()).text());
            return ExitCode.OK;
        }
        DowngradeResult result;
        try {
            result = session.online(lockTimeout.value(), retort -> retort.downgrade(target, session.schema(), force));
        } catch (MigrationException e) {
            e.completed().forEach(step -> print(session, e.schema(), step));
            session.out().flush();
            throw e;
        }
        for (AppliedStep step : result.steps()) print(session, result.schema(), step);
        if (result.nothingToDo()) session.out().println(result.schema() + " is already at " + Printing.heads(result.headsAfter()));
        return ExitCode.OK;
    }

    private static void print(Session session, String schema, AppliedStep step) {
        PrintWriter err = session.err();
        for (String warning : step.warnings()) err.println("warning: " + schema + ": " + step.revision().id() + ": " + warning);
        err.flush();
        session.out().println(Printing.step("downgraded", schema, step));
    }
}
