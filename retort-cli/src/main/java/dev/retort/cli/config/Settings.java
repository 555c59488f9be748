package dev.retort.cli.config;

import dev.retort.api.DdlTimeouts;

import dev.retort.loader.ModelRequest;
import dev.retort.loader.ModelSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The configuration in effect: retort.yaml, overridden by the environment, overridden by the
 * command line, with defaults for the rest ({@link SettingsLoader} makes it). Paths are absolute.
 * Prints without passwords: {@link #toString()} masks the password and any password in a URL.
 *
 * @param workingDirectory where Retort was started
 * @param configFile       the retort.yaml read; null when there is none
 * @param baseDirectory    what relative paths in the file resolve against: the file's directory
 *                         (the working directory without a file)
 * @param url              the database's JDBC URL; null for the embedded server
 * @param user             the database user; null for the driver's default
 * @param password         null when none is given
 * @param migrations       the directory of revision files; null when they are read from the class path
 * @param migrationsClasspath the class-path location of the revision files ({@code db/retort} for
 *                         {@code migrations: classpath:db/retort}); null for a directory
 * @param model            where the model comes from (a class, or a package of JPA entities); null when
 *                         not configured
 * @param classpath        where the model's classes are; null to ask Maven (or search nothing)
 * @param versionTable     the table recording applied revisions in each schema
 * @param schema           the schema to work on; null when none is named
 * @param tenantNamePattern the pattern every tenant schema's name must match
 * @param tenants          the tenants section; null when absent
 * @param ddlTimeouts      the bounds on the revisions' statements the command line gives; null for the defaults
 * @param sources          where each setting's value came from
 */
public record Settings(Path workingDirectory, Path configFile, Path baseDirectory,
                       String url, String user, Secret password, Path migrations, String migrationsClasspath, ModelSource model,
                       List<Path> classpath, String versionTable, String schema, Pattern tenantNamePattern,
                       TenantSettings tenants, Map<Key, Source> sources, DdlTimeouts ddlTimeouts) {
    public static final String DEFAULT_MIGRATIONS = "migrations";
    public static final String DEFAULT_VERSION_TABLE = "retort_version";
    /** Retort's own files beside retort.yaml: the embedded server's data, the model's classpath cache. */
    public static final String STATE_DIRECTORY = ".retort";
    /** {@code migrations: classpath:db/retort}: the revisions are read from the project's class path. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    public Settings {
        classpath = classpath == null ? null : List.copyOf(classpath);
        sources = Map.copyOf(sources);
    }

    /** These settings with the bounds on the revisions' statements the command line gives. */
    public Settings withDdlTimeouts(DdlTimeouts timeouts) {
        return new Settings(workingDirectory, configFile, baseDirectory, url, user, password, migrations, migrationsClasspath, model,
                classpath, versionTable, schema, tenantNamePattern, tenants, sources, timeouts);
    }

    /** Whether Retort runs its embedded PostgreSQL (no URL is configured). */
    public boolean embedded() {
        return url == null;
    }

    /** Retort's own files: {@value #STATE_DIRECTORY} in the base directory. */
    public Path stateDirectory() {
        return baseDirectory.resolve(STATE_DIRECTORY);
    }

    /** Where the setting's value came from. */
    public Source source(Key key) {
        return sources.getOrDefault(key, Source.byDefault());
    }

    /** Where the model comes from, or an error that says where to configure it. */
    public ModelSource requireModel() {
        if (model != null) return model;
        if (configFile == null) {
            throw new ConfigException("no retort.yaml in " + workingDirectory
                    + ": run 'retort init' to write one, then set model: to the class that provides the model");
        }
        throw new ConfigException(display(configFile)
                + ": no model: set model: to the class that provides the model (a dev.retort.ModelProvider),"
                + " or to {jpa: PACKAGE} to read the JPA entities of a package");
    }

    /**
     * What the model loader needs: the model, the classpath, where they were configured (for its
     * messages), the project directory where Maven would build it, and the state directory for its cache.
     *
     * @throws ConfigException when no model is configured, saying where to configure it
     */
    public ModelRequest modelRequest() {
        return new ModelRequest(requireModel(), source(Key.MODEL).describe(), classpath, source(Key.CLASSPATH).describe(),
                baseDirectory, stateDirectory(), workingDirectory);
    }

    /**
     * Fails when the revisions are to come from a directory that does not exist: checked before a
     * command starts anything (the embedded server makes a 39 MB cluster on its first start).
     *
     * @throws ConfigException naming the directory and where it was configured
     */
    public void requireMigrations() {
        if (migrations == null || Files.isDirectory(migrations)) return;
        if (configFile == null) {
            throw new ConfigException("no retort.yaml in " + workingDirectory + " and no " + display(migrations)
                    + " directory: run 'retort init' to set up a project here, or run the command in the project's directory");
        }
        throw ConfigException.at(source(Key.MIGRATIONS), "migrations directory " + display(migrations)
                + " does not exist ('retort init' creates it)");
    }

    /** The revisions' location as retort.yaml gives it: the directory, or {@code classpath:db/retort}. */
    public String migrationsLocation() {
        return migrations != null ? display(migrations) : CLASSPATH_PREFIX + migrationsClasspath;
    }

    /**
     * What the model loader needs to find the project's class path, where {@code classpath:} migrations
     * are read: no model is required.
     */
    public ModelRequest classpathRequest() {
        return new ModelRequest(model, source(Key.MODEL).describe(), classpath, source(Key.CLASSPATH).describe(),
                baseDirectory, stateDirectory(), workingDirectory);
    }

    /** The schema to work on, or an error that says the ways to name one. */
    public String requireSchema() {
        if (schema != null) return schema;
        throw new ConfigException("no schema: give --schema SCHEMA, set TARGET_SCHEMA, or set schema: in "
                + (configFile == null ? SettingsLoader.FILE_NAME : display(configFile)));
    }

    /** The URL fit to print: masked, or a description of the embedded server. */
    public String displayUrl() {
        return url == null ? "embedded PostgreSQL in " + display(stateDirectory()) : JdbcUrls.mask(url);
    }

    /** A path as messages show it: relative to the working directory when under it. */
    public String display(Path path) {
        return Display.path(workingDirectory, path);
    }

    @Override
    public String toString() {
        return "Settings[configFile=" + configFile + ", url=" + JdbcUrls.mask(url) + ", user=" + user
                + ", password=" + password + ", migrations=" + (migrations != null ? migrations : CLASSPATH_PREFIX + migrationsClasspath)
                + ", model=" + model
                + ", classpath=" + classpath + ", versionTable=" + versionTable + ", schema=" + schema
                + ", tenantNamePattern=" + tenantNamePattern + ", tenants=" + tenants + "]";
    }
}
