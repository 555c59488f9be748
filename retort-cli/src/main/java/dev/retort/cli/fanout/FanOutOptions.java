package dev.retort.cli.fanout;

import dev.retort.api.ConfigurationException;
import dev.retort.api.Jobs;
import dev.retort.api.TenantSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options of every command that works on many tenants:
 * {@code @Mixin FanOutOptions fanOut;} gives {@code --tenants}, {@code --jobs}, {@code --report} and
 * {@code --fail-fast}. docs/fanout.md describes them.
 */
public final class FanOutOptions {
    public static final String TENANTS_OPTION = "--tenants";
    public static final String JOBS_OPTION = "--jobs";

    @Option(names = TENANTS_OPTION, paramLabel = "SPEC",
            description = "The tenant schemas, over the configuration's tenants: a list of names and patterns (acme,tenant_*) "
                    + "| list:a,b,c | pattern:GLOB | query:SQL.")
    String tenants;

    @Option(names = "--all-tenants",
            description = "Every tenant that retort.yaml's tenants: section names, on the main database and on each of its shards.")
    boolean allTenants;

    @Option(names = JOBS_OPTION, paramLabel = "N",
            description = "Tenants worked on at once on each database, and its connection pool's size "
                    + "(default: twice the cores, at most 4).")
    Integer jobs;

    @Option(names = "--report", paramLabel = "FILE", description = "Write each tenant's outcome and the summary to FILE as JSON.")
    Path report;

    @Option(names = "--allow-empty",
            description = "Accept a tenant spec, or a pattern in it, that matches no schema (an error otherwise, to catch typos).")
    boolean allowEmpty;

    @Option(names = "--fail-fast", description = "Stop at the first failed tenant; tenants not yet started are skipped.")
    boolean failFast;

    /**
     * The tenant selection alone, for a command that reads the tenants in bulk and runs nothing per
     * tenant ({@code lint --tenants}): no jobs, no report, no fail-fast to give.
     */
    public static FanOutOptions selection(String tenants, boolean allTenants, boolean allowEmpty) {
        FanOutOptions o = new FanOutOptions();
        o.tenants = tenants;
        o.allTenants = allTenants;
        o.allowEmpty = allowEmpty;
        return o;
    }

    /** Whether the command works on many tenants: {@code --tenants SPEC}, or {@code --all-tenants} for retort.yaml's section. */
    public boolean manyTenants(CommandLine.Model.CommandSpec command) {
        if (allTenants && tenants != null) {
            throw new CommandLine.ParameterException(command.commandLine(), "give either --tenants or --all-tenants, not both");
        }
        return allTenants || tenants(command) != null;
    }

    /** The {@code --tenants} spec, or null when not given; a bad spec is a usage error of {@code command}. */
    public TenantSpec tenants(CommandLine.Model.CommandSpec command) {
        if (tenants == null) return null;
        try {
            return TenantSpec.parse(tenants);
        } catch (ConfigurationException e) {
            throw new CommandLine.ParameterException(command.commandLine(), TENANTS_OPTION + ": " + e.getMessage());
        }
    }

    /** The fan-out's options; a bad {@code --jobs} is a usage error of {@code command}. */
    public dev.retort.api.FanOutOptions options(CommandLine.Model.CommandSpec command) {
        int n = jobs == null ? Jobs.byDefault() : jobs;
        try {
            Jobs.check(n);
        } catch (ConfigurationException e) {
            throw new CommandLine.ParameterException(command.commandLine(), JOBS_OPTION + ": " + e.getMessage());
        }
        return dev.retort.api.FanOutOptions.defaults().withJobs(n).withFailFast(failFast).withAllowEmpty(allowEmpty);
    }

    /** The {@code --report} file, or null. */
    public boolean allowEmpty() {
        return allowEmpty;
    }

    public Path report() {
        return report;
    }
}
