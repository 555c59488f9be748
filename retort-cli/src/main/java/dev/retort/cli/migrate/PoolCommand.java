package dev.retort.cli.migrate;

import dev.retort.api.PoolStatus;
import dev.retort.cli.ExitCode;
import dev.retort.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code retort tenant pool ...}: the warm pool, schemas prepared at head ahead of time that
 * {@code tenant create} renames into tenants (docs/provisioning.md).
 */
@Command(name = "pool", description = "The warm pool: schemas prepared at head that tenant create renames into tenants.",
        subcommands = {PoolCommand.Fill.class, PoolCommand.Status.class, PoolCommand.Drain.class})
public final class PoolCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "tenant pool: give a subcommand (fill, status, drain)");
    }

    private static Session session(CommandLine.Model.CommandSpec spec) {
        return new Session(spec, Main.settings(spec, null), null);
    }

    /** {@code retort tenant pool fill N}. */
    @Command(name = "fill", description = "Prepare schemas at head until N are ready, each in one transaction as tenant create makes a tenant.")
    public static final class Fill implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "N", description = "How many pool schemas should be ready at head.")
        int size;

        @Mixin
        LockTimeoutOption lockTimeout;

        @Override
        public Integer call() {
            if (size < 0) throw new CommandLine.ParameterException(spec.commandLine(), "N must not be negative, got " + size);
            Session session = session(spec);
            PoolStatus[] both = session.online(lockTimeout.value(), retort -> new PoolStatus[] {retort.pool(), retort.fillPool(size)});
            int made = Math.max(0, both[1].ready().size() - both[0].ready().size());
            session.out().println("pool: " + both[1].summary() + " (" + made + " made)");
            return ExitCode.OK;
        }
    }

    /** {@code retort tenant pool status}. */
    @Command(name = "status", description = "How many pool schemas are ready at head, and how many are behind.")
    public static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--list", description = "Name every pool schema.")
        boolean list;

        @Override
        public Integer call() {
            Session session = session(spec);
            PoolStatus status = session.online(null, retort -> retort.pool());
            session.out().println("pool: " + status.summary());
            if (list) {
                status.ready().forEach(name -> session.out().println("  ready   " + name));
                status.behind().forEach(name -> session.out().println("  behind  " + name));
            }
            return ExitCode.OK;
        }
    }

    /** {@code retort tenant pool drain [--all]}. */
    @Command(name = "drain", description = "Drop the pool schemas that are not at head, or every pool schema with --all.")
    public static final class Drain implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--all", description = "Drop the ready ones too.")
        boolean all;

        @Override
        public Integer call() {
            Session session = session(spec);
            List<String> dropped = session.online(null, retort -> retort.drainPool(all));
            session.out().println("pool: dropped " + dropped.size() + (dropped.size() == 1 ? " schema" : " schemas"));
            return ExitCode.OK;
        }
    }
}
