package dev.retort.cli.migrate;

import dev.retort.cli.config.SchemaOption;
import dev.retort.api.AppliedStep;
import dev.retort.api.EditedRevision;
import dev.retort.api.UpgradeResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import dev.retort.cli.fanout.FanOutOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
    DdlTimeoutOptions ddlTimeouts;

    @Mixin
    DestructiveOptions destructive;

    @Mixin
    FanOutOptions fanOut;

    @Override
    public Integer call() {
        return MigrationRun.<UpgradeResult>of(spec, schema, fanOut, lockTimeout)
                .tenants((retort, shards, options, listener) -> retort.upgradeTenants(target, force, shards, options, listener))
                .planned(destructive, "upgrade", (retort, s) -> retort.planUpgrade(target, s),
                        (retort, shards, allowEmpty) -> retort.planUpgradeTenants(target, shards, allowEmpty))
                .sql(sql, force, (retort, s) -> retort.upgradeSql(target, s))
                .completed(UpgradeCommand::step)
                .run((retort, s) -> retort.upgrade(target, s, force), UpgradeCommand::print);
    }

    private static void print(Session session, UpgradeResult result) {
        for (EditedRevision edited : result.accepted()) {
            session.err().println("warning: " + result.schema() + ": accepted the edited file of applied revision " + edited.describe());
        }
        if (result.schemaCreated()) session.out().println("created schema " + result.schema());
        for (AppliedStep step : result.steps()) step(session, result.schema(), step);
        if (result.nothingToDo()) session.out().println(result.schema() + " is up to date at " + Printing.heads(result.headsAfter()));
    }

    private static void step(Session session, String schema, AppliedStep step) {
        session.out().println(Printing.step("upgraded", schema, step));
    }
}
