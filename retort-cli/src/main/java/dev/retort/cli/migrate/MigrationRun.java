package dev.retort.cli.migrate;

import dev.retort.api.Retort;
import dev.retort.cli.ExitCode;
import dev.retort.cli.config.SchemaOption;
import dev.retort.cli.fanout.FanOutOptions;
import dev.retort.api.AppliedStep;
import dev.retort.api.MigrationException;
import dev.retort.api.RunPlan;
import dev.retort.api.Shard;
import dev.retort.api.SqlScript;
import picocli.CommandLine;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The run that {@code upgrade}, {@code downgrade} and {@code stamp} share: over the tenants that
 * {@code --tenants} or {@code --all-tenants} name ({@link TenantRun}), or on one schema, online or, for
 * {@code --sql}, as offline SQL. Each command gives its verb in these forms and its printing.
 *
 * @param <R> the result of the verb on one schema
 */
final class MigrationRun<R> {

    /** Prints one step of a run on one schema. */
    @FunctionalInterface
    interface StepPrinter {
        void print(Session session, String schema, AppliedStep step);
    }

    private final CommandLine.Model.CommandSpec spec;
    private final SchemaOption schema;
    private final FanOutOptions fanOut;
    private final LockTimeoutOption lockTimeout;
    private TenantRun.Verb onTenants;
    private boolean sql;
    private boolean force;
    private BiFunction<Retort, String, SqlScript> offline;
    private StepPrinter completed = (session, s, step) -> { };
    private DestructiveOptions destructive;
    private String verbName;
    private BiFunction<Retort, String, RunPlan> plan;
    private TenantPlan planTenants;

    /** What a verb would destroy over tenants, read before it runs. */
    @FunctionalInterface
    interface TenantPlan {
        RunPlan plan(Retort retort, List<Shard> shards, boolean allowEmpty);
    }

    private MigrationRun(CommandLine.Model.CommandSpec spec, SchemaOption schema, FanOutOptions fanOut, LockTimeoutOption lockTimeout) {
        this.spec = spec;
        this.schema = schema;
        this.fanOut = fanOut;
        this.lockTimeout = lockTimeout;
    }

    static <R> MigrationRun<R> of(CommandLine.Model.CommandSpec spec, SchemaOption schema, FanOutOptions fanOut, LockTimeoutOption lockTimeout) {
        return new MigrationRun<>(spec, schema, fanOut, lockTimeout);
    }

    /** The verb over the tenants' shards. */
    MigrationRun<R> tenants(TenantRun.Verb verb) {
        this.onTenants = verb;
        return this;
    }

    /** {@code --sql} and {@code --force} as given, and the SQL the verb would run on a schema. */
    MigrationRun<R> sql(boolean asked, boolean forced, BiFunction<Retort, String, SqlScript> verb) {
        this.sql = asked;
        this.force = forced;
        this.offline = verb;
        return this;
    }

    /**
     * What the verb would destroy, on one schema and over tenants, warned about (and refused or asked,
     * as the options say) before it runs.
     *
     * @param verb the verb's name for the question ({@code upgrade})
     */
    MigrationRun<R> planned(DestructiveOptions options, String verb, BiFunction<Retort, String, RunPlan> onSchema,
                            TenantPlan onTenants) {
        this.destructive = options;
        this.verbName = verb;
        this.plan = onSchema;
        this.planTenants = onTenants;
        return this;
    }

    /** How a step is printed when a run fails after committing it. */
    MigrationRun<R> completed(StepPrinter printer) {
        this.completed = printer;
        return this;
    }

    /** Runs the verb where the options say, and {@code print}s a one-schema result; the exit code. */
    int run(BiFunction<Retort, String, R> verb, BiConsumer<Session, R> print) {
        Objects.requireNonNull(onTenants, "tenants");
        if (TenantRun.requested(spec, fanOut, schema)) {
            if (sql) throw new CommandLine.ParameterException(spec.commandLine(), "--sql works on one schema, not with --tenants");
            TenantRun.Gate gate = destructive == null ? TenantRun.Gate.NONE : (retort, shards, options) ->
                    destructive.gateTenants(spec, verbName, planTenants.plan(retort, shards, options.allowEmpty()));
            return TenantRun.run(spec, fanOut, lockTimeout.value(), gate, onTenants);
        }
        Session session = Session.of(spec, schema);
        if (sql) {
            if (force) throw session.usage("--force applies to a run, not to --sql");
            session.out().print(offline.apply(session.offline(), session.schema()).text());
            return ExitCode.OK;
        }
        R result;
        try {
            result = session.online(lockTimeout.value(), retort -> {
                if (destructive != null) destructive.gate(spec, session.schema(), plan.apply(retort, session.schema()));
                return verb.apply(retort, session.schema());
            });
        } catch (MigrationException e) {
            // What the run committed before the failure stays: say so before the error.
            e.completed().forEach(step -> completed.print(session, e.schema(), step));
            session.out().flush();
            throw e;
        }
        print.accept(session, result);
        return ExitCode.OK;
    }
}
