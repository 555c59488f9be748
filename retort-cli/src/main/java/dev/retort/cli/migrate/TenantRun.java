package dev.retort.cli.migrate;

import dev.retort.api.Retort;
import dev.retort.cli.DatabaseSession;
import dev.retort.cli.ExitCode;
import dev.retort.cli.Main;
import dev.retort.cli.RetortFactory;
import dev.retort.cli.config.SchemaOption;
import dev.retort.cli.config.Settings;
import dev.retort.cli.fanout.FanOutOptions;
import dev.retort.cli.fanout.Progress;
import dev.retort.cli.fanout.TenantShards;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutReport;
import dev.retort.api.ReportWriter;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.spi.Dialect;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * A migration command over many tenants ({@code --tenants SPEC}): the shards the spec names on the
 * configured database, the fan-out with progress (a bar on a terminal, failures and the summary
 * otherwise) and the JSON report when asked for. Exit 0 when every tenant succeeded, 1 when any failed
 * or was skipped.
 */
final class TenantRun {

    /** One verb over the shards. */
    @FunctionalInterface
    interface Verb {
        FanOutReport run(Retort retort, List<Shard> shards, dev.retort.api.FanOutOptions options, FanOutListener listener);
    }

    private TenantRun() {
    }

    /** Whether the command was asked to work on tenants rather than one schema; refuses {@code --schema} with it. */
    static boolean requested(CommandLine.Model.CommandSpec spec, FanOutOptions fanOut, SchemaOption schema) {
        if (!fanOut.manyTenants(spec)) return false;
        if (schema.value() != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --schema or --tenants, not both");
        }
        return true;
    }

    /**
     * Runs a read over the shards {@code --tenants} names on the configured database ({@code current},
     * {@code check}: one connection per shard, no fan-out pools of {@code --jobs}).
     */
    static <T> T read(CommandLine.Model.CommandSpec spec, FanOutOptions fanOut, java.util.function.BiFunction<Retort, List<Shard>, T> work) {
        TenantSpec tenants = fanOut.tenants(spec);
        Settings settings = Main.settings(spec, null);
        checkListed(spec, tenants, settings);
        try (DatabaseSession db = DatabaseSession.open(settings)) {
            Retort retort = RetortFactory.online(settings, db, spec.commandLine().getErr()::println, null);
            return work.apply(retort, TenantShards.of(db.database(), settings.tenants(), tenants));
        }
    }

    /** Names listed on the command line are refused as a usage error before anything connects. */
    private static void checkListed(CommandLine.Model.CommandSpec spec, TenantSpec tenants, Settings settings) {
        if (!(tenants instanceof TenantSpec.Listed listed)) return;
        Dialect dialect = DatabaseSession.dialect(settings);
        for (String name : listed.schemas()) {
            Main.checkSchema(spec, FanOutOptions.TENANTS_OPTION, name, dialect, settings.tenantNamePattern());
        }
    }

    static int run(CommandLine.Model.CommandSpec spec, FanOutOptions fanOut, Duration lockTimeout, Verb verb) {
        TenantSpec tenants = fanOut.tenants(spec);
        dev.retort.api.FanOutOptions options = fanOut.options(spec);
        Settings settings = Main.settings(spec, null);
        checkListed(spec, tenants, settings);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FanOutReport report;
        try (DatabaseSession db = DatabaseSession.open(settings);
             ReportWriter json = fanOut.report() == null ? null : ReportWriter.json(settings.workingDirectory().resolve(fanOut.report()))) {
            Retort retort = RetortFactory.online(settings, db, err::println, lockTimeout);
            List<Shard> shards = TenantShards.of(db.database(), settings.tenants(), tenants);
            FanOutListener progress = Progress.of(Main.of(spec).terminal(), out, err, System::nanoTime);
            report = verb.run(retort, shards, options, json == null ? progress : FanOutListener.all(progress, json));
        }
        out.flush();
        return report.succeeded() ? ExitCode.OK : ExitCode.ERROR;
    }
}
