package dev.retort.cli.migrate;

import dev.retort.api.Retort;
import dev.retort.cli.CancelOnShutdown;
import dev.retort.cli.DatabaseSession;
import dev.retort.cli.ExitCode;
import dev.retort.cli.FailureHandler;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A migration command over many tenants ({@code --tenants SPEC}): the shards the spec names on the
 * configured database, the fan-out with progress (a bar on a terminal, failures and the summary
 * otherwise) and the JSON report when asked for. Exit 0 when every tenant succeeded, 1 when any failed
 * or was skipped.
 */
public final class TenantRun {

    /** One verb over the shards. */
    @FunctionalInterface
    interface Verb {
        FanOutReport run(Retort retort, List<Shard> shards, dev.retort.api.FanOutOptions options, FanOutListener listener);
    }

    /** What runs before the verb, once the shards are known: it may refuse the run by throwing. */
    @FunctionalInterface
    interface Gate {
        void check(Retort retort, List<Shard> shards, dev.retort.api.FanOutOptions options);

        Gate NONE = (retort, shards, options) -> { };
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
    public static <T> T read(CommandLine.Model.CommandSpec spec, FanOutOptions fanOut, BiFunction<Retort, List<Shard>, T> work,
                      ReportFile<T> report) {
        Path file = reportFile(spec, fanOut);
        Instant started = Instant.now();
        try {
            TenantSpec tenants = fanOut.tenants(spec);
            Settings settings = Main.settings(spec, null);
            checkListed(spec, tenants, settings);
            settings.requireMigrations();
            T result;
            try (DatabaseSession db = DatabaseSession.open(settings)) {
                Retort retort = RetortFactory.online(settings, db, spec.commandLine().getErr()::println, null);
                result = work.apply(retort, TenantShards.of(db.database(), settings.tenants(), tenants));
            }
            if (file != null) report.write(file, started, result);
            return result;
        } catch (RuntimeException e) {
            if (file != null) SurveyReport.failed(file, spec.name(), started, FailureHandler.oneLine(e));
            throw e;
        }
    }

    /** Writes a read's {@code --report}. */
    @FunctionalInterface
    public interface ReportFile<T> {
        void write(Path file, Instant started, T result);
    }

    /** The {@code --report} file, resolved against the working directory; null when not asked for. */
    private static Path reportFile(CommandLine.Model.CommandSpec spec, FanOutOptions fanOut) {
        return fanOut.report() == null ? null : Main.of(spec).workingDirectory().resolve(fanOut.report());
    }

    /** Names listed on the command line are refused as a usage error before anything connects. */
    private static void checkListed(CommandLine.Model.CommandSpec spec, TenantSpec tenants, Settings settings) {
        if (tenants instanceof TenantSpec.Union union) {
            for (TenantSpec part : union.parts()) checkListed(spec, part, settings);
        }
        if (!(tenants instanceof TenantSpec.Listed listed)) return;
        Dialect dialect = DatabaseSession.dialect(settings);
        for (String name : listed.schemas()) {
            Main.checkSchema(spec, FanOutOptions.TENANTS_OPTION, name, dialect, settings.tenantNamePattern());
        }
    }

    /**
     * Runs a verb over the shards with progress and, when asked for, the JSON report. The report file
     * is opened first, so that a run that cannot start (a bad setting, an unreachable server, a spec that
     * matches nothing) still leaves a whole report saying why.
     */
    static int run(CommandLine.Model.CommandSpec spec, FanOutOptions fanOut, Duration lockTimeout, Gate gate, Verb verb) {
        Path file = reportFile(spec, fanOut);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FanOutReport report;
        try (ReportWriter json = file == null ? null : ReportWriter.json(file)) {
            try {
                TenantSpec tenants = fanOut.tenants(spec);
                dev.retort.api.FanOutOptions options = fanOut.options(spec);
                Settings settings = Main.settings(spec, null);
                checkListed(spec, tenants, settings);
                settings.requireMigrations();
                try (DatabaseSession db = DatabaseSession.open(settings)) {
                    Retort retort = RetortFactory.online(settings, db, err::println, lockTimeout);
                    List<Shard> shards = TenantShards.of(db.database(), settings.tenants(), tenants);
                    gate.check(retort, shards, options);
                    FanOutListener progress = Progress.of(Main.of(spec).terminal(), out, err, System::nanoTime);
                    try (CancelOnShutdown ignored = CancelOnShutdown.install(retort)) {
                        report = verb.run(retort, shards, options, json == null ? progress : FanOutListener.all(progress, json));
                    }
                }
            } catch (RuntimeException e) {
                if (json != null) json.failed(FailureHandler.oneLine(e));
                throw e;
            }
        }
        out.flush();
        return report.succeeded() ? ExitCode.OK : ExitCode.ERROR;
    }
}
