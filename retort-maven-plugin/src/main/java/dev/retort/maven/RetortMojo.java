package dev.retort.maven;

import dev.retort.Identifiers;
import dev.retort.cli.ExitCode;
import dev.retort.cli.Main;
import dev.retort.cli.config.ConfigException;
import dev.retort.cli.config.Environment;
import dev.retort.cli.config.JdbcUrls;
import dev.retort.cli.config.Key;
import dev.retort.cli.config.Secret;
import dev.retort.cli.config.Settings;
import dev.retort.cli.config.Source;
import dev.retort.loader.ModelSource;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import picocli.CommandLine;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What every goal shares: it runs the command line's command in-process (so that a goal behaves,
 * prints and fails exactly as {@code retort} does), with the settings the build gives. A setting's
 * value comes from, strongest first: {@code -Dretort.NAME} on Maven's command line, the environment
 * ({@code RETORT_URL}, {@code TARGET_SCHEMA}, {@code RETORT_PASSWORD}), the plugin's
 * {@code <configuration>} in the pom, retort.yaml, the default. The password is never read from the
 * pom: it comes from {@code RETORT_PASSWORD}, or a {@code <server>} of settings.xml named by
 * {@code serverId}. The model is loaded from the project's compile class path.
 */
public abstract class RetortMojo extends AbstractMojo {
    static final Setting CONFIG_FILE = new Setting("configFile");
    static final Setting URL = new Setting("url");
    static final Setting USER = new Setting("user");
    static final Setting SERVER_ID = new Setting("serverId");
    static final Setting SCHEMA = new Setting("schema");
    static final Setting MIGRATIONS = new Setting("migrations");
    static final Setting MODEL = new Setting("model");
    static final Setting TENANTS = new Setting("tenants");
    static final Setting ALL_TENANTS = new Setting("allTenants");
    static final Setting JOBS = new Setting("jobs");
    static final Setting FAIL_FAST = new Setting("failFast");
    static final Setting REPORT = new Setting("report");
    static final Setting LOCK_TIMEOUT = new Setting("lockTimeout");
    static final Setting SKIP = new Setting("skip");
    static final List<Setting> COMMON = List.of(CONFIG_FILE, URL, USER, SERVER_ID, SCHEMA, MIGRATIONS, MODEL, SKIP);
    static final List<Setting> FAN_OUT = List.of(TENANTS, ALL_TENANTS, JOBS, FAIL_FAST, REPORT);
    /** Every goal's settings: a {@code -Dretort.*} property none of them knows is a mistake. */
    static final Set<String> ALL = Set.of("configFile", "url", "user", "serverId", "schema", "migrations", "model", "skip",
            "tenants", "allTenants", "jobs", "failFast", "report", "lockTimeout", "target", "force", "message",
            "autogenerate", "pinSchema", "verbose", "range", "downgrade", "output", "fromSchema", "toSchema", "fromUrl",
            "toUrl", "noDrops", "sql", "failOnDifferences", "managedOnly");

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    org.apache.maven.settings.Settings mavenSettings;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Component
    SettingsDecrypter decrypter;

    /** The configuration file; default: retort.yaml in the project's directory, when there is one. */
    @Parameter
    File configFile;

    /** The database's JDBC URL; none: the embedded PostgreSQL in {@code .retort/pg}. */
    @Parameter
    String url;

    /** The database user. */
    @Parameter
    String user;

    /** The {@code <server>} of settings.xml whose username and password log in to the database. */
    @Parameter
    String serverId;

    /** The schema to work on. */
    @Parameter
    String schema;

    /** The revisions: a directory, or {@code classpath:db/retort}. */
    @Parameter
    String migrations;

    /** The class that gives the model (a ModelProvider, or a class with a static metadata() method). */
    @Parameter
    String model;

    /** Skip the goal. */
    @Parameter
    Boolean skip;

    /** The {@code -Dretort.NAME} value, or null. */
    String property(Setting setting) {
        return session.getUserProperties().getProperty(setting.property());
    }

    /** The value of a goal's own setting: {@code -Dretort.NAME}, else the pom's, else null. */
    String value(Setting setting, Object pomValue) {
        String d = property(setting);
        if (d != null) return d;
        return pomValue == null ? null : pomValue.toString();
    }

    boolean flag(Setting setting, Boolean pomValue) {
        String v = value(setting, pomValue);
        return v != null && (v.isEmpty() || Boolean.parseBoolean(v));
    }

    /** The settings this goal takes, besides the common ones. */
    abstract List<Setting> settings();

    /** The command and its arguments, as {@code retort} takes them. */
    abstract List<String> command() throws MojoFailureException;

    /** What an exit code of 3 (differences found) means for the build: by default nothing. */
    void differences(List<String> output) throws MojoFailureException {
    }

    /** Where the command's standard output goes; by default Maven's log. */
    void output(String line) {
        getLog().info(line);
    }

    void outputDone() throws MojoFailureException {
    }

    @Override
    public void execute() throws MojoFailureException {
        if (flag(SKIP, skip)) {
            getLog().info("retort: skipped");
            return;
        }
        refuseUnknownSettings();
        List<String> args = new ArrayList<>();
        String config = value(CONFIG_FILE, configFile);
        if (config != null) args.addAll(List.of("--config", project.getBasedir().toPath().resolve(config).toString()));
        args.addAll(command());

        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Main main = new Main(project.getBasedir().toPath(), Environment.system(), this::adjust, false);
        CommandLine commandLine = Main.commandLine(main, CommandLine.defaultFactory());
        int code;
        try (PrintWriter o = new PrintWriter(new LineWriter(line -> {
                 out.add(line);
                 output(line);
             }), true);
             PrintWriter e = new PrintWriter(new LineWriter(line -> {
                 if (line.startsWith("warning: ")) getLog().warn(line.substring("warning: ".length()));
                 else if (line.startsWith("retort: ")) errors.add(line.substring("retort: ".length()));
                 else getLog().info(line);
             }), true)) {
            code = Main.run(commandLine, o, e, args.toArray(String[]::new));
        }
        outputDone();
        if (code == ExitCode.OK) return;
        if (code == ExitCode.DIFFERENCES) {
            differences(out);
            return;
        }
        throw new MojoFailureException(failure(errors, out));
    }

    /** The build's one line: the command's error, or the tenants that failed and the summary. */
    private String failure(List<String> errors, List<String> out) {
        if (!errors.isEmpty()) return hint(String.join("; ", errors));
        List<String> failed = out.stream().filter(l -> l.startsWith("failed ")).toList();
        String summary = out.isEmpty() ? "" : out.get(out.size() - 1);
        if (failed.isEmpty()) return "retort " + goal() + " failed" + (summary.isEmpty() ? "" : ": " + summary);
        return "retort " + goal() + ": " + summary + "; " + String.join("; ", failed);
    }

    /** A model not found because the project is not compiled yet says how to compile it. */
    private String hint(String message) {
        boolean uncompiled = !Files.isDirectory(Path.of(project.getBuild().getOutputDirectory()));
        if (uncompiled && message.contains("model class")) {
            return message + " (compile the project first: mvn compile retort:" + goal() + ")";
        }
        return message;
    }

    String goal() {
        return mojoExecution.getMojoDescriptor().getGoal();
    }

    /** {@code --tenants}, {@code --all-tenants}, {@code --jobs}, {@code --fail-fast}, {@code --report} as given. */
    static List<String> fanOut(RetortMojo mojo, String tenants, Boolean allTenants, Integer jobs, Boolean failFast, File report) {
        List<String> args = new ArrayList<>();
        String t = mojo.value(TENANTS, tenants);
        if (t != null) args.addAll(List.of("--tenants", t));
        if (mojo.flag(ALL_TENANTS, allTenants)) args.add("--all-tenants");
        String j = mojo.value(JOBS, jobs);
        if (j != null) args.addAll(List.of("--jobs", j));
        if (mojo.flag(FAIL_FAST, failFast)) args.add("--fail-fast");
        String r = mojo.value(REPORT, report);
        if (r != null) args.addAll(List.of("--report", mojo.project.getBasedir().toPath().resolve(r).toString()));
        return args;
    }

    /**
     * Refuses a {@code -Dretort.*} property no goal knows, a {@code <configuration>} element this goal
     * does not know (Maven would ignore it silently), and a password in the pom.
     */
    private void refuseUnknownSettings() throws MojoFailureException {
        for (String name : session.getUserProperties().stringPropertyNames()) {
            if (name.startsWith("retort.") && !ALL.contains(name.substring("retort.".length()))) {
                throw new MojoFailureException("unknown property -D" + name + ": the retort goals know " + new TreeSet<>(ALL)
                        .stream().map(n -> "retort." + n).toList());
            }
        }
        Set<String> known = new TreeSet<>();
        COMMON.forEach(s -> known.add(s.name()));
        settings().forEach(s -> known.add(s.name()));
        Plugin plugin = project.getPlugin(mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey());
        if (plugin == null) return;
        // The plugin's own <configuration> serves every goal: a setting is unknown there only when no goal knows it.
        if (plugin.getConfiguration() instanceof Xpp3Dom c) refuseUnknown(c, ALL, "the retort goals");
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getId().equals(mojoExecution.getExecutionId()) && execution.getConfiguration() instanceof Xpp3Dom c) {
                refuseUnknown(c, known, "retort:" + goal());
            }
        }
    }

    private static void refuseUnknown(Xpp3Dom configuration, Set<String> known, String who) throws MojoFailureException {
        for (Xpp3Dom child : configuration.getChildren()) {
            if (child.getName().equals("password")) {
                throw new MojoFailureException("the database password is never read from the pom: set RETORT_PASSWORD, or put"
                        + " it in a <server> of settings.xml and name it with <serverId>");
            }
            if (!known.contains(child.getName())) {
                throw new MojoFailureException("unknown setting <" + child.getName() + "> for " + who + ": known are " + new TreeSet<>(known));
            }
        }
    }

    /** The settings as the command line read them, with the build's over them. */
    Settings adjust(Settings s) {
        Map<Key, Source> sources = new EnumMap<>(Key.class);
        sources.putAll(s.sources());
        String u = pick(Key.URL, URL, url, s.url(), s, sources, Function.identity());
        // a URL of the file or the environment has been checked; one the build gives is checked here
        if (!Objects.equals(u, s.url()) && JdbcUrls.problem(u) != null) {
            throw ConfigException.at(sources.get(Key.URL), "url " + JdbcUrls.problem(u));
        }
        String schemaName = pick(Key.SCHEMA, SCHEMA, schema, s.schema(), s, sources, Function.identity());
        if (schemaName != null && !schemaName.equals(s.schema())) {
            try {
                Identifiers.check("schema", schemaName);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(sources.get(Key.SCHEMA), e.getMessage());
            }
        }
        ModelSource modelSource = pick(Key.MODEL, MODEL, model, s.model(), s, sources, name -> {
            if (!ModelSource.JAVA_NAME.matcher(name).matches()) {
                throw new ConfigException("model '" + name + "' is not a Java class name such as com.example.db.TenantModel");
            }
            return new ModelSource.ModelClass(name);
        });
        Path migrationsDir = s.migrations();
        String migrationsClasspath = s.migrationsClasspath();
        String m = pick(Key.MIGRATIONS, MIGRATIONS, migrations, null, s, sources, Function.identity());
        if (m != null) {
            if (m.startsWith(Settings.CLASSPATH_PREFIX)) {
                migrationsClasspath = m.substring(Settings.CLASSPATH_PREFIX.length());
                migrationsDir = null;
            } else {
                try {
                    migrationsDir = project.getBasedir().toPath().resolve(m).normalize();
                } catch (InvalidPathException e) {
                    throw ConfigException.at(sources.get(Key.MIGRATIONS), "not a valid path: '" + m + "'");
                }
                migrationsClasspath = null;
            }
        }
        String userName = pick(Key.USER, USER, user, s.user(), s, sources, Function.identity());
        Secret password = s.password();
        String server = value(SERVER_ID, serverId);
        if (server != null) {
            Server credentials = server(server);
            Source fromServer = new Source(Source.Origin.FILE, "settings.xml <server> " + server);
            if (credentials.getUsername() != null && weak(sources.get(Key.USER))) {
                userName = credentials.getUsername();
                sources.put(Key.USER, fromServer);
            }
            if (credentials.getPassword() != null && sources.get(Key.PASSWORD).origin() != Source.Origin.ENVIRONMENT) {
                password = new Secret(credentials.getPassword());
                sources.put(Key.PASSWORD, fromServer);
            }
        }
        List<Path> classpath = classpath();
        sources.put(Key.CLASSPATH, new Source(Source.Origin.FILE, "the project's compile class path"));
        return new Settings(s.workingDirectory(), s.configFile(), s.baseDirectory(), u, userName, password, migrationsDir,
                migrationsClasspath, modelSource, classpath, s.versionTable(), schemaName, s.tenantNamePattern(), s.tenants(), sources, s.ddlTimeouts());
    }

    /** A value given as {@code -D}, or in the pom when neither the environment nor the command line gave one. */
    private <T> T pick(Key key, Setting setting, String pomValue, T current, Settings s, Map<Key, Source> sources,
                       Function<String, T> parse) {
        String d = property(setting);
        if (d != null) {
            sources.put(key, setting.fromProperty());
            return parse.apply(d.strip());
        }
        if (pomValue != null && !pomValue.isBlank() && weak(s.source(key))) {
            sources.put(key, setting.fromPom());
            return parse.apply(pomValue.strip());
        }
        return current;
    }

    /** A value from retort.yaml or the default, which the pom (and a settings.xml server) overrides. */
    private static boolean weak(Source source) {
        if (source == null || source.origin() == Source.Origin.DEFAULT) return true;
        return source.origin() == Source.Origin.FILE && !source.where().startsWith("pom.xml")
                && !source.where().startsWith("settings.xml");
    }

    /** The settings.xml server, its password decrypted when it is encrypted. */
    private Server server(String id) {
        Server server = mavenSettings.getServer(id);
        if (server == null) {
            throw new ConfigException("serverId " + id + ": settings.xml has no <server> with that <id> (" + settingsFiles() + ")");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new ConfigException("serverId " + id + ": its password cannot be decrypted: " + problem.getMessage());
            }
        }
        return result.getServer();
    }

    private String settingsFiles() {
        File user = session.getRequest().getUserSettingsFile();
        return user == null ? "no user settings" : user.getPath();
    }

    /** The project's compile class path as Maven resolved it, entries that do not exist (yet) left out. */
    private List<Path> classpath() {
        try {
            return project.getCompileClasspathElements().stream().map(Path::of).filter(Files::exists).toList();
        } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new ConfigException("the project's compile class path is not resolved: " + e.getMessage(), e);
        }
    }
}
