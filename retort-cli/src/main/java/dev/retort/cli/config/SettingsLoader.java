package dev.retort.cli.config;

import dev.retort.loader.ModelSource;
import dev.retort.Identifiers;
import dev.retort.api.TenantNames;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes the {@link Settings} in effect. For each key the strongest source wins: a command-line
 * option, then an environment variable, then retort.yaml, then the default. Only some keys can be
 * overridden: {@code --url}/{@code RETORT_URL}, {@code --schema}/{@code TARGET_SCHEMA}, and
 * {@code RETORT_PASSWORD}. Values are checked here whatever their source, and a bad one is reported
 * with that source ({@code retort.yaml:3: url ...}, {@code env RETORT_URL: ...}).
 */
public final class SettingsLoader {
    /** The file read from the working directory when {@code --config} names none. */
    public static final String FILE_NAME = "retort.yaml";

    private SettingsLoader() {
    }

    public static Settings load(Path workingDirectory, Environment environment, Overrides overrides) {
        Path workDir = workingDirectory.toAbsolutePath().normalize();
        Path configFile = configFile(workDir, overrides.config());
        RetortYaml file = configFile == null
                ? RetortYaml.empty(FILE_NAME)
                : RetortYaml.read(configFile, Display.path(workDir, configFile));
        Path base = configFile == null ? workDir : configFile.getParent();
        Map<Key, Source> sources = new EnumMap<>(Key.class);

        String url = pick(Key.URL, overrides.url(), Overrides.URL_OPTION, environment.value(Environment.URL),
                Environment.URL, file.url(), file, sources);
        if (url != null) {
            String problem = JdbcUrls.problem(url);
            if (problem != null) throw ConfigException.at(sources.get(Key.URL), "url " + problem);
        }

        String user = pick(Key.USER, null, null, null, null, file.user(), file, sources);

        String envPassword = environment.get(Environment.PASSWORD);
        Secret password = pick(Key.PASSWORD, null, null,
                envPassword == null || envPassword.isEmpty() ? null : new Secret(envPassword), Environment.PASSWORD,
                file.password(), file, sources);

        String migrationsText = pick(Key.MIGRATIONS, null, null, null, null, file.migrations(), file, sources);
        Path migrations = null;
        String migrationsClasspath = null;
        if (migrationsText != null && migrationsText.startsWith(Settings.CLASSPATH_PREFIX)) {
            migrationsClasspath = classpathLocation(migrationsText, sources.get(Key.MIGRATIONS));
        } else {
            migrations = resolve(base, migrationsText == null ? Settings.DEFAULT_MIGRATIONS : migrationsText,
                    sources.getOrDefault(Key.MIGRATIONS, Source.byDefault()));
        }

        // only the file gives a model, and its parser has checked it (with the line of each part)
        ModelSource model = pick(Key.MODEL, null, null, null, null, file.model(), file, sources);

        List<Path> classpath = null;
        if (file.classpath() != null) {
            Source source = file.source(Key.CLASSPATH);
            sources.put(Key.CLASSPATH, source);
            classpath = file.classpath().stream().map(entry -> resolve(base, entry, source)).toList();
        }

        String versionTable = pick(Key.VERSION_TABLE, null, null, null, null, file.versionTable(), file, sources);
        if (versionTable == null) versionTable = Settings.DEFAULT_VERSION_TABLE;
        identifier(Key.VERSION_TABLE, versionTable, sources);

        String schema = pick(Key.SCHEMA, overrides.schema(), Overrides.SCHEMA_OPTION,
                environment.value(Environment.SCHEMA), Environment.SCHEMA, file.schema(), file, sources);
        if (schema != null) identifier(Key.SCHEMA, schema, sources);

        String namePattern = pick(Key.TENANT_NAME_PATTERN, null, null, null, null, file.tenantNamePattern(), file, sources);
        Pattern tenantNamePattern = namePattern == null ? TenantNames.DEFAULT_PATTERN : Pattern.compile(namePattern);

        TenantSettings tenants = pick(Key.TENANTS, null, null, null, null, file.tenants(), file, sources);

        for (Key k : List.of(Key.DDL_LOCK_TIMEOUT, Key.STATEMENT_TIMEOUT, Key.DDL_ATTEMPTS)) {
            if (file.has(k)) sources.put(k, file.source(k));
        }
        return new Settings(workDir, configFile, base, url, user, password, migrations, migrationsClasspath, model, classpath,
                versionTable, schema, tenantNamePattern, tenants, sources, file.ddlTimeouts());
    }

    /** The file to read: {@code --config}'s, which must exist, else retort.yaml here if there is one. */
    private static Path configFile(Path workDir, Path option) {
        if (option != null) {
            Path file = workDir.resolve(option).normalize();
            if (Files.isDirectory(file)) {
                throw ConfigException.at(Source.option(Overrides.CONFIG_OPTION), option + " is a directory, not a file");
            }
            if (!Files.isRegularFile(file)) {
                throw ConfigException.at(Source.option(Overrides.CONFIG_OPTION), "no such file: " + option);
            }
            return file;
        }
        Path file = workDir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? file : null;
    }

    /** The first value given, option before variable before file; records its source. */
    private static <T> T pick(Key key, T option, String optionName, T variable, String variableName,
                              T fromFile, RetortYaml file, Map<Key, Source> sources) {
        if (option != null) {
            sources.put(key, Source.option(optionName));
            return option;
        }
        if (variable != null) {
            sources.put(key, Source.environment(variableName));
            return variable;
        }
        if (fromFile != null) {
            sources.put(key, file.source(key));
            return fromFile;
        }
        sources.put(key, Source.byDefault());
        return null;
    }

    /** {@code classpath:db/retort} as {@code db/retort}: a relative resource directory. */
    private static String classpathLocation(String text, Source source) {
        String path = text.substring(Settings.CLASSPATH_PREFIX.length()).strip();
        while (path.startsWith("/")) path = path.substring(1);
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if (path.isEmpty() || path.contains("..") || path.contains("\\")) {
            throw ConfigException.at(source, "migrations: '" + text + "' names no class-path directory: write classpath:db/retort");
        }
        return path;
    }

    private static Path resolve(Path base, String path, Source source) {
        try {
            return base.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw ConfigException.at(source, "not a valid path: '" + path + "'");
        }
    }

    private static void identifier(Key key, String name, Map<Key, Source> sources) {
        try {
            Identifiers.check(key.yamlName(), name);
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(sources.get(key), e.getMessage());
        }
    }
}
