package dev.retort.cli;

import java.util.function.UnaryOperator;
import dev.retort.api.ConfigurationException;
import dev.retort.Identifiers;
import dev.retort.cli.authoring.HeadsCommand;
import dev.retort.cli.authoring.HistoryCommand;
import dev.retort.cli.authoring.LintCommand;
import dev.retort.cli.migrate.DdlTimeoutOptions;
import dev.retort.api.DdlTimeouts;
import dev.retort.cli.authoring.MergeCommand;
import dev.retort.cli.authoring.RevisionCommand;
import dev.retort.cli.authoring.ShowCommand;
import dev.retort.cli.config.ConfigCommand;
import dev.retort.cli.config.Environment;
import dev.retort.cli.config.InitCommand;
import dev.retort.cli.config.JdbcUrls;
import dev.retort.cli.config.Key;
import dev.retort.cli.config.Overrides;
import dev.retort.cli.config.Settings;
import dev.retort.cli.config.SettingsLoader;
import dev.retort.cli.config.Source;
import dev.retort.cli.demo.DemoCommand;
import dev.retort.cli.migrate.CheckCommand;
import dev.retort.cli.migrate.CurrentCommand;
import dev.retort.cli.migrate.DowngradeCommand;
import dev.retort.cli.migrate.StampCommand;
import dev.retort.cli.migrate.UpgradeCommand;
import dev.retort.spi.Dialect;
import dev.retort.spi.Dialects;
import dev.retort.api.TenantNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The {@code retort} command. Each subcommand is a class of its own; register it in
 * {@code subcommands} below, one per line. Commands print through {@code spec.commandLine().getOut()}
 * and signal failure by throwing: the handlers here turn that into one line on stderr and an
 * {@link ExitCode}.
 */
@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = Version.class,
        scope = ScopeType.INHERIT,
        description = "Schema-aware migrations for schema-per-tenant databases.",
        subcommands = {
                CommandLine.HelpCommand.class,
                InitCommand.class,
                ConfigCommand.class,
                DiffCommand.class,
                RevisionCommand.class,
                LintCommand.class,
                UpgradeCommand.class,
                DowngradeCommand.class,
                CurrentCommand.class,
                StampCommand.class,
                CheckCommand.class,
                dev.retort.cli.migrate.StatusCommand.class,
                dev.retort.cli.migrate.TenantCommand.class,
                MergeCommand.class,
                HistoryCommand.class,
                HeadsCommand.class,
                ShowCommand.class,
                DemoCommand.class,
        })
public final class Main implements Runnable {
    static final String DEBUG = "--debug";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by {@link FailureHandler} from the parse result, wherever on the line it was given. */
    @Option(names = DEBUG, scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    boolean debug;

    @Option(names = Overrides.CONFIG_OPTION, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The configuration file (default: retort.yaml in the working directory).")
    Path config;

    @Option(names = Overrides.URL_OPTION, scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "The database, over RETORT_URL and the configuration's url.")
    String url;

    private final Path workingDirectory;
    private final Environment environment;
    private final UnaryOperator<Settings> adjust;
    private final boolean terminal;
    private Confirmation confirmation = Confirmation.console();

    /** The command as a process runs it: in its working directory, with its environment. */
    public Main() {
        this(Path.of("").toAbsolutePath(), Environment.system());
    }

    /** The command as if run in {@code workingDirectory} with {@code environment}; for tests. */
    public Main(Path workingDirectory, Environment environment) {
        this(workingDirectory, environment, UnaryOperator.identity(), System.console() != null);
    }

    /**
     * The commands run inside another program (the Maven plugin): {@code adjust} changes the settings
     * every command reads (the host's own configuration over the file's), and {@code terminal} says
     * whether a progress bar may be drawn.
     */
    public Main(Path workingDirectory, Environment environment, UnaryOperator<Settings> adjust, boolean terminal) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.environment = environment;
        this.adjust = adjust;
        this.terminal = terminal;
    }

    /** Whether output goes to a terminal, where a progress bar can be drawn. */
    public boolean terminal() {
        return terminal;
    }

    /** Who answers a command's questions (a destructive run over tenants asks first on a terminal). */
    public Confirmation confirmation() {
        return confirmation;
    }

    /** Answers questions otherwise than at the console: a test's script, a host program's policy. */
    public Main confirmation(Confirmation newConfirmation) {
        this.confirmation = newConfirmation;
        return this;
    }

    /** The root command of the tree a (sub)command runs in, for its global options and environment. */
    public static Main of(CommandLine.Model.CommandSpec spec) {
        return (Main) spec.root().userObject();
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public Environment environment() {
        return environment;
    }

    /**
     * The settings in effect for a command: the configuration file, the environment, then the
     * command line ({@code --config}, {@code --url}, and the command's own {@code --schema}). A bad
     * option value is a usage error of {@code command}.
     *
     * @param command the running command
     * @param schema  its {@code --schema}, or null
     */
    public static Settings settings(CommandLine.Model.CommandSpec command, String schema) {
        return settings(command, schema, Overrides.SCHEMA_OPTION);
    }

    /**
     * {@link #settings(CommandLine.Model.CommandSpec, String)} for a command that takes its schema
     * otherwise than by {@code --schema}.
     *
     * @param schemaLabel how the command names the schema's parameter in messages ({@code NAME})
     */
    public static Settings settings(CommandLine.Model.CommandSpec command, String schema, String schemaLabel) {
        Main root = of(command);
        if (root.url != null && JdbcUrls.problem(root.url) != null) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    Overrides.URL_OPTION + " " + JdbcUrls.problem(root.url));
        }
        if (root.url != null) {
            try {
                Dialects.forUrl(root.url);
            } catch (ConfigurationException e) {
                throw new CommandLine.ParameterException(command.commandLine(), Overrides.URL_OPTION + ": " + e.getMessage());
            }
        }
        if (schema != null) {
            try {
                Identifiers.check("schema", schema);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command.commandLine(), schemaLabel + ": " + e.getMessage());
            }
        }
        Settings settings = root.adjust.apply(SettingsLoader.load(root.workingDirectory, root.environment, new Overrides(root.config, root.url, schema)));
        DdlTimeoutOptions ddl = DdlTimeoutOptions.of(command);
        if (ddl != null) settings = settings.withDdlTimeouts(ddl.over(settings.ddlTimeouts() == null ? DdlTimeouts.DEFAULTS
                : settings.ddlTimeouts(), command));
        if (settings.schema() != null) {
            Source source = settings.source(Key.SCHEMA);
            checkSchema(command, source.origin() == Source.Origin.OPTION ? schemaLabel : source.describe(), settings.schema(),
                    DatabaseSession.dialect(settings), settings.tenantNamePattern());
        }
        return settings;
    }

    /**
     * Refuses, as a usage error, a schema Retort must not work on: a system schema, or a name outside
     * the tenant name pattern.
     *
     * @param where what named it ({@code --schema}, {@code env TARGET_SCHEMA}, {@code retort.yaml:4})
     */
    public static void checkSchema(CommandLine.Model.CommandSpec command, String where, String schema, Dialect dialect,
                                   Pattern tenantNames) {
        try {
            TenantNames.check(dialect, tenantNames, null, schema);
        } catch (ConfigurationException e) {
            throw new CommandLine.ParameterException(command.commandLine(), where + ": " + e.getMessage());
        }
    }

    /** Whether {@code --config} was given. */
    public boolean configGiven() {
        return config != null;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line on stdout and stderr and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line, printing to {@code out} and {@code err}, and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CommandLine.defaultFactory(), out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with commands made by {@code factory}. */
    public static int run(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        return run(commandLine(factory), out, err, args);
    }

    /** Runs a command tree made by {@link #commandLine}, printing to {@code out} and {@code err}. */
    public static int run(CommandLine commandLine, PrintWriter out, PrintWriter err, String... args) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command tree with Retort's error handling and exit codes. */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return commandLine(new Main(), factory);
    }

    /** The command tree under {@code root} (a Main with its own working directory and environment). */
    public static CommandLine commandLine(Main root, CommandLine.IFactory factory) {
        return new CommandLine(root, factory)
                .setExecutionExceptionHandler(new FailureHandler())
                .setParameterExceptionHandler(new UsageErrorHandler());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
