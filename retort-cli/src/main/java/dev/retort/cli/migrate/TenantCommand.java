package dev.retort.cli.migrate;

import dev.retort.cli.ExitCode;
import dev.retort.cli.Main;
import dev.retort.api.CreateMethod;
import dev.retort.api.CreateResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code retort tenant ...}: provisioning tenant schemas. */
@Command(name = "tenant", description = "Provision tenant schemas.", subcommands = {TenantCommand.Create.class, PoolCommand.class})
public final class TenantCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "tenant: give a subcommand (create, pool)");
    }

    /** {@code retort tenant create NAME}: a new schema at head, in one transaction. */
    @Command(name = "create", sortOptions = false,
            description = {"Create the schema NAME and bring it to head in one transaction: by renaming a schema of the warm pool "
                    + "(tenant pool fill), by replaying every revision, or from the model with every revision recorded as applied. "
                    + "A schema that exists must be empty."})
    public static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The tenant schema to create.")
        String name;

        @Option(names = "--method", paramLabel = "auto|pool|replay|model", defaultValue = "auto",
                description = "pool: rename a pool schema at head, else replay; replay: run every revision; "
                        + "model: create from the model and record head; auto (default): pool.")
        String method;

        @Mixin
        LockTimeoutOption lockTimeout;

        @Mixin
        DdlTimeoutOptions ddlTimeouts;

        @Override
        public Integer call() {
            CreateMethod how;
            try {
                how = CreateMethod.valueOf(method.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--method: expected auto, pool, replay or model, got " + method);
            }
            Session session = new Session(spec, Main.settings(spec, name, "NAME"), name);
            CreateResult r = session.online(lockTimeout.value(), retort -> retort.createTenant(name, how));
            session.out().println("created " + r.schema() + " at " + Printing.heads(r.heads()) + " ("
                    + r.method().name().toLowerCase(Locale.ROOT) + ", " + r.statements() + " statements, " + r.millis() + " ms)");
            return ExitCode.OK;
        }
    }
}
