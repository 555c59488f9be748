package dev.retort.cli.migrate;

import dev.retort.cli.config.SchemaOption;
import dev.retort.api.StampResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import dev.retort.cli.fanout.FanOutOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code retort stamp TARGET}: record the revision a schema is at, running nothing. */
@Command(name = "stamp", description = {"Record in the schema's version table that it is at TARGET, without running any revision: "
        + "for a schema created some other way, or to repair the table."})
public final class StampCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", description = "head, heads, base, a revision id or unique prefix.")
    String target;

    @Mixin
    SchemaOption schema;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Mixin
    FanOutOptions fanOut;

    @Override
    public Integer call() {
        return MigrationRun.<StampResult>of(spec, schema, fanOut, lockTimeout)
                .tenants((retort, shards, options, listener) -> retort.stampTenants(target, shards, options, listener))
                .run((retort, s) -> retort.stamp(target, s), StampCommand::print);
    }

    private static void print(Session session, StampResult result) {
        if (result.schemaCreated()) session.out().println("created schema " + result.schema());
        session.out().println("stamped " + result.schema() + ": " + Printing.heads(result.headsAfter())
                + " (was " + Printing.heads(result.headsBefore()) + ")");
    }
}
