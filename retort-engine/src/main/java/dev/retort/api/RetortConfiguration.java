package dev.retort.api;

import java.nio.file.InvalidPathException;
import dev.retort.Identifiers;
import dev.retort.ModelProvider;
import dev.retort.spi.Dialect;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a {@link Retort} works with: an immutable value. Each fluent method returns a changed copy, so
 * one base configuration can be shared and specialised freely.
 *
 * <pre>{@code
 * Retort retort = Retort.configure()
 *     .dataSource(ds)
 *     .migrations(Path.of("migrations"))
 *     .model(Models::metadata)
 *     .load();
 * }</pre>
 */
public final class RetortConfiguration {
    public static final String DEFAULT_VERSION_TABLE = "retort_version";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Location migrations;
    private final ModelProvider model;
    private final String versionTable;
    private final String defaultSchema;
    private final Duration lockTimeout;
    private final Pattern tenantNamePattern;
    private final DdlTimeouts ddlTimeouts;

    RetortConfiguration() {
        this(null, null, new Location(Path.of("migrations"), null, null), null, DEFAULT_VERSION_TABLE, null, DEFAULT_LOCK_TIMEOUT,
                TenantNames.DEFAULT_PATTERN, DdlTimeouts.DEFAULTS);
    }

    private RetortConfiguration(DataSource dataSource, Dialect dialect, Location migrations, ModelProvider model,
                                String versionTable, String defaultSchema, Duration lockTimeout, Pattern tenantNamePattern,
                                DdlTimeouts ddlTimeouts) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.migrations = Objects.requireNonNull(migrations, "migrations location");
        this.model = model;
        this.versionTable = identifier("version table", versionTable);
        this.defaultSchema = defaultSchema == null ? null : identifier("schema", defaultSchema);
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lock timeout");
        this.tenantNamePattern = Objects.requireNonNull(tenantNamePattern, "tenant name pattern");
        this.ddlTimeouts = Objects.requireNonNull(ddlTimeouts, "DDL timeouts");
    }

    /**
     * {@code name}, when it is a valid name of a schema or table.
     *
     * @throws ConfigurationException saying why not
     */
    static String identifier(String what, String name) {
        try {
            return Identifiers.check(what, name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    /** The database; null for offline work (writing revisions by hand, rendering SQL). */
    public DataSource dataSource() {
        return dataSource;
    }

    public RetortConfiguration dataSource(DataSource newDataSource) {
        return new RetortConfiguration(newDataSource, dialect, migrations, model, versionTable, defaultSchema, lockTimeout, tenantNamePattern, ddlTimeouts);
    }

    /** The dialect; null means: chosen from the data source's JDBC URL when loaded. */
    public Dialect dialect() {
        return dialect;
    }

    public RetortConfiguration dialect(Dialect newDialect) {
        return new RetortConfiguration(dataSource, newDialect, migrations, model, versionTable, defaultSchema, lockTimeout, tenantNamePattern, ddlTimeouts);
    }

    /**
     * Where the revision files are: a directory, or a location on the class path read through
     * {@link #classLoader()}, so that an application jar carries its own revisions.
     *
     * @param directory the directory; null for a class-path location
     * @param classpath the class-path location ({@code db/retort}); null for a directory
     * @param loader    where a class-path location is read; null for the thread's context class loader
     */
    record Location(Path directory, String classpath, ClassLoader loader) {
        Location {
            if ((directory == null) == (classpath == null)) throw new IllegalArgumentException("a directory or a class-path location");
        }

        @Override
        public String toString() {
            return directory != null ? directory.toString() : CLASSPATH_PREFIX + classpath;
        }
    }

    /** How a class-path location is written: {@code classpath:db/retort}. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    /** The migrations directory; null when the revisions are read from the class path. */
    public Path migrations() {
        return migrations.directory();
    }

    /** Where the revisions are, as {@link #migrations(String)} takes it: a directory, or {@code classpath:db/retort}. */
    public String migrationsLocation() {
        return migrations.toString();
    }

    Location location() {
        return migrations;
    }

    public RetortConfiguration migrations(Path directory) {
        return new RetortConfiguration(dataSource, dialect, new Location(Objects.requireNonNull(directory, "migrations directory"),
                null, migrations.loader()), model, versionTable, defaultSchema, lockTimeout, tenantNamePattern, ddlTimeouts);
    }

    /**
     * The revisions' location: {@code classpath:db/retort} for the files under {@code db/retort} on the
     * class path ({@link #classLoader(ClassLoader)}; read-only: {@code revision} and {@code merge}
     * refuse to write there), else a directory.
     *
     * @throws ConfigurationException for an empty location or a path the file system cannot hold
     */
    public RetortConfiguration migrations(String location) {
        if (location == null || location.isBlank()) throw new ConfigurationException("the migrations location is empty");
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String resource = location.substring(CLASSPATH_PREFIX.length()).strip();
            if (resource.isEmpty()) throw new ConfigurationException("migrations location '" + location + "' names no class-path directory");
            return new RetortConfiguration(dataSource, dialect, new Location(null, resource, migrations.loader()), model,
                    versionTable, defaultSchema, lockTimeout, tenantNamePattern, ddlTimeouts);
        }
        try {
            return migrations(Path.of(location));
        } catch (InvalidPathException e) {
            throw new ConfigurationException("migrations location '" + location + "' is not a valid path: " + e.getMessage(), e);
        }
    }

    /** Where a {@code classpath:} migrations location is read; null for the thread's context class loader. */
    public ClassLoader classLoader() {
        return migrations.loader();
    }

    public RetortConfiguration classLoader(ClassLoader loader) {
        return new RetortConfiguration(dataSource, dialect, new Location(migrations.directory(), migrations.classpath(), loader),
                model, versionTable, defaultSchema, lockTimeout, tenantNamePattern, ddlTimeouts);
    }

    /** The model that autogenerate and check compare with; null when only applying revisions. */
    public ModelProvider model() {
        return model;
    }

    public RetortConfiguration model(ModelProvider provider) {
        return new RetortConfiguration(dataSource, dialect, migrations, provider, versionTable, defaultSchema, lockTimeout, tenantNamePattern, ddlTimeouts);
    }

    public String versionTable() {
        return versionTable;
    }

    public RetortConfiguration versionTable(String name) {
        return new RetortConfiguration(dataSource, dialect, migrations, model, name, defaultSchema, lockTimeout, tenantNamePattern, ddlTimeouts);
    }

    /** The schema a call works on when it names none; null for none. */
    public String defaultSchema() {
        return defaultSchema;
    }

    public RetortConfiguration defaultSchema(String schema) {
        return new RetortConfiguration(dataSource, dialect, migrations, model, versionTable, schema, lockTimeout, tenantNamePattern, ddlTimeouts);
    }

    /** How long a runner waits for another runner's lock on the same schema. */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    public RetortConfiguration lockTimeout(Duration timeout) {
        return new RetortConfiguration(dataSource, dialect, migrations, model, versionTable, defaultSchema, timeout, tenantNamePattern, ddlTimeouts);
    }

    /**
     * How long a revision's statements may wait for the application's locks and run, and how often a
     * revision that waited too long is tried again: {@link DdlTimeouts#DEFAULTS} unless set. Not the
     * wait for another runner ({@link #lockTimeout()}).
     */
    public DdlTimeouts ddlTimeouts() {
        return ddlTimeouts;
    }

    public RetortConfiguration ddlTimeouts(DdlTimeouts timeouts) {
        return new RetortConfiguration(dataSource, dialect, migrations, model, versionTable, defaultSchema, lockTimeout, tenantNamePattern,
                timeouts);
    }

    /**
     * The pattern every tenant schema's whole name must match; {@link TenantNames#DEFAULT_PATTERN}
     * (no quotes, semicolons, backslashes or control characters) unless set.
     */
    public Pattern tenantNamePattern() {
        return tenantNamePattern;
    }

    public RetortConfiguration tenantNamePattern(Pattern pattern) {
        return new RetortConfiguration(dataSource, dialect, migrations, model, versionTable, defaultSchema, lockTimeout, pattern, ddlTimeouts);
    }

    /**
     * Checks the configuration and returns the facade over it. Without a dialect, the data source's
     * (which is asked for a connection to read its JDBC URL) picks one.
     *
     * @throws ConfigurationException when no dialect takes the data source's URL
     * @throws dev.retort.api.DatabaseException when the data source cannot give a connection
     */
    public Retort load() {
        if (dialect == null && dataSource != null) return dialect(DataSources.dialectOf(dataSource)).load();
        return new Retort(this);
    }

    @Override
    public String toString() {
        return "RetortConfiguration(migrations=" + migrations + ", versionTable=" + versionTable
                + ", defaultSchema=" + defaultSchema + ", lockTimeout=" + lockTimeout
                + ", tenantNamePattern=" + tenantNamePattern + ", ddlTimeouts=" + ddlTimeouts + ", dialect=" + (dialect == null ? "auto" : dialect.name()) + ")";
    }
}
