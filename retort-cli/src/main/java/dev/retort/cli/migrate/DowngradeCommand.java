package dev.retort.cli.migrate;

import dev.retort.cli.config.SchemaOption;
import dev.retort.api.AppliedStep;
import dev.retort.api.DowngradeResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import dev.retort.cli.fanout.FanOutOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
    DestructiveOptions destructive;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Mixin
    DdlTimeoutOptions ddlTimeouts;

    @Mixin
    FanOutOptions fanOut;

    @Override
    public Integer call() {
        return MigrationRun.<DowngradeResult>of(spec, schema, fanOut, lockTimeout)
                .tenants((retort, shards, options, listener) -> retort.downgradeTenants(target, force, shards, options, listener))
                .planned(destructive, "downgrade", (retort, s) -> retort.planDowngrade(target, s),
                        (retort, shards, allowEmpty) -> retort.planDowngradeTenants(target, shards, allowEmpty))
                .sql(sql, force, (retort, s) -> retort.downgradeSql(target, s))
                .completed(DowngradeCommand::step)
                .run((retort, s) -> retort.downgrade(target, s, force), DowngradeCommand::print);
    }

    private static void print(Session session, DowngradeResult result) {
        for (AppliedStep step : result.steps()) step(session, result.schema(), step);
        if (result.nothingToDo()) session.out().println(result.schema() + " is already at " + Printing.heads(result.headsAfter()));
    }

    /** What a step destroys was said before the run ({@link DestructiveOptions}). */
    private static void step(Session session, String schema, AppliedStep step) {
        session.out().println(Printing.step("downgraded", schema, step));
    }
}
