package dev.retort.cli.config;

import dev.retort.loader.LoadedModel;
import dev.retort.loader.ModelLoader;
import dev.retort.MetaData;
import dev.retort.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code retort config}: the settings in effect and where each came from (option, environment,
 * retort.yaml with its line, or default). Passwords print masked. With {@code --load-model} it also
 * loads the model, bound to the schema when one is given, which shows that the model's wiring works.
 */
@Command(name = "config", description = {
        "Show the settings in effect and where each comes from: an option, the environment, "
                + "retort.yaml (with its line) or the default. Passwords are masked."})
public final class ConfigCommand implements Runnable {
    private static final String NOT_SET = "(not set)";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SchemaOption schema;

    @Option(names = "--load-model", description = "Also load the model (building it with Maven if needed) and list its tables, bound to the schema when one is given.")
    boolean loadModel;

    @Override
    public void run() {
        Settings settings = Main.settings(spec, schema.value());
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"config file", settings.configFile() == null
                ? "(none: no " + SettingsLoader.FILE_NAME + " in " + settings.workingDirectory() + ")"
                : settings.display(settings.configFile()), ""});
        for (Key key : Key.values()) {
            rows.add(new String[] {key.yamlName(), value(settings, key), "(" + settings.source(key).describe() + ")"});
        }
        print(out, rows);
        if (loadModel) {
            LoadedModel model = new ModelLoader(line -> spec.commandLine().getErr().println(line)).load(settings.modelRequest());
            MetaData metadata = model.metadata();
            // bound as every command binds the model to the schema it works on, whatever the source
            if (settings.schema() != null) metadata = metadata.withSchema(settings.schema());
            out.println();
            out.println("model " + model.className() + " (" + model.via() + "): " + metadata.tables().size() + " tables: "
                    + String.join(", ", metadata.tables().keySet()));
        }
    }

    private static String value(Settings settings, Key key) {
        return switch (key) {
            case URL -> settings.displayUrl();
            case USER -> orNotSet(settings.user());
            case PASSWORD -> settings.password() == null ? NOT_SET : Secret.MASK;
            case MIGRATIONS -> settings.migrations() == null ? settings.migrationsLocation()
                    : settings.display(settings.migrations()) + (Files.isDirectory(settings.migrations()) ? "" : " (does not exist yet)");
            case MODEL -> settings.model() == null ? NOT_SET : settings.model().toString();
            case CLASSPATH -> classpath(settings);
            case VERSION_TABLE -> settings.versionTable();
            case SCHEMA -> orNotSet(settings.schema());
            case TENANT_NAME_PATTERN -> settings.tenantNamePattern().pattern();
            case TENANTS -> settings.tenants() == null ? NOT_SET : settings.tenants().describe();
            case DDL_LOCK_TIMEOUT -> Durations.describe(ddl(settings).lockTimeout());
            case STATEMENT_TIMEOUT -> ddl(settings).statementTimeout() == null ? "the session's own" : Durations.describe(ddl(settings).statementTimeout());
            case DDL_ATTEMPTS -> String.valueOf(ddl(settings).attempts());
        };
    }

    private static dev.retort.api.DdlTimeouts ddl(Settings settings) {
        return settings.ddlTimeouts() == null ? dev.retort.api.DdlTimeouts.DEFAULTS : settings.ddlTimeouts();
    }

    private static String classpath(Settings settings) {
        if (settings.classpath() != null) {
            return settings.classpath().stream().map(settings::display).collect(Collectors.joining(", "));
        }
        return ModelLoader.mavenProject(settings.baseDirectory())
                ? "from Maven (" + settings.display(settings.baseDirectory().resolve("pom.xml")) + ")" : NOT_SET;
    }

    private static String orNotSet(String value) {
        return value == null ? NOT_SET : value;
    }

    /** Three aligned columns. */
    private static void print(PrintWriter out, List<String[]> rows) {
        int keyWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int valueWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        for (String[] row : rows) {
            String line = String.format("%-" + keyWidth + "s  %-" + valueWidth + "s  %s", row[0], row[1], row[2]);
            out.println(line.stripTrailing());
        }
    }
}
