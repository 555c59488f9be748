package dev.retort.cli.migrate;

import dev.retort.api.CheckResult;
import dev.retort.api.Retort;
import dev.retort.api.Shard;
import dev.retort.api.StatusPage;
import dev.retort.api.TenantVersion;
import dev.retort.cli.ExitCode;
import dev.retort.cli.Main;
import dev.retort.cli.fanout.FanOutOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code retort status --tenants SPEC --html FILE}: the fleet on one self-contained page. */
@Command(name = "status", description = {
        "Write the tenants' status page: one self-contained HTML file with the tenants per revision as a chart, the tenants behind head"
                + " and those whose last run failed with their errors, the drift with --drift, and a search over every tenant."})
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    FanOutOptions fanOut;

    @Option(names = "--html", paramLabel = "FILE", required = true, description = "Where to write the page.")
    Path html;

    @Option(names = "--drift", description = "Also check every tenant against the model and show what drifted (reads the catalogs).")
    boolean drift;

    private record Status(StatusPage page, Map<String, List<TenantVersion>> current) {
    }

    @Override
    public Integer call() {
        if (!fanOut.manyTenants(spec)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "status needs the tenants: --tenants SPEC or --all-tenants");
        }
        Path file = Main.of(spec).workingDirectory().resolve(html);
        Status status = TenantRun.read(spec, fanOut, this::status, (report, started, result) -> { });
        try {
            Files.writeString(file, status.page().html());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + html + ": " + e.getMessage(), e);
        }
        long total = status.current().values().stream().mapToLong(List::size).sum();
        long atHead = status.current().values().stream().flatMap(List::stream).filter(TenantVersion::atHead).count();
        long failed = status.current().values().stream().flatMap(List::stream).filter(v -> v.lastFailure() != null).count();
        spec.commandLine().getOut().println("wrote " + html + ": " + total + (total == 1 ? " tenant, " : " tenants, ") + atHead + " at head, "
                + (total - atHead) + " behind, " + failed + " failed last");
        return ExitCode.OK;
    }

    private Status status(Retort retort, List<Shard> shards) {
        Map<String, List<TenantVersion>> current = retort.currentTenants(shards, fanOut.allowEmpty());
        StatusPage page = StatusPage.of(retort.heads().stream().map(h -> h.revision().id()).toList(), current);
        if (drift) {
            Map<String, List<CheckResult>> checks = retort.checkTenants(shards, fanOut.allowEmpty());
            page = page.withChecks(checks);
        }
        return new Status(page, current);
    }
}
