package dev.retort.api;

import dev.retort.MetaData;
import dev.retort.ModelProvider;
import dev.retort.compare.Diff;
import dev.retort.internal.authoring.AppliedRevisions;
import dev.retort.internal.authoring.RevisionAuthor;
import dev.retort.internal.authoring.VersionTableHeads;
import dev.retort.internal.autogenerate.Autogenerate;
import dev.retort.internal.fanout.FanOut;
import dev.retort.internal.fanout.ShardPools;
import dev.retort.internal.jdbc.Connections;
import dev.retort.internal.lint.Linter;
import dev.retort.internal.lint.TableWeights;
import dev.retort.internal.jdbc.ErrorMessages;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.internal.runner.Plans;
import dev.retort.internal.runner.OfflineScripts;
import dev.retort.internal.runner.Cancellation;
import dev.retort.internal.runner.Runner;
import dev.retort.internal.runner.TenantMigrations;
import dev.retort.internal.runner.TenantSurvey;
import dev.retort.internal.runner.WarmPool;
import dev.retort.internal.tenants.PoolNames;
import dev.retort.internal.tenants.ShardTenants;
import dev.retort.internal.tenants.TenantRules;
import dev.retort.internal.version.VersionTable;
import dev.retort.operations.Operation;
import dev.retort.revision.Revision;
import dev.retort.spi.Dialect;
import dev.retort.spi.Dialects;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one entry point of Retort's Java API: the Alembic verbs (revision, upgrade, downgrade, current,
 * history, heads, stamp, merge, show, check) over a {@link RetortConfiguration}, with results returned
 * as values. The command line is a thin layer over this class.
 *
 * <p>Every method that works on a schema takes it as an argument; null means the configuration's
 * default schema.
 */
public final class Retort {
    private final RetortConfiguration configuration;
    private final Cancellation cancellation = new Cancellation();

    Retort(RetortConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration);
    }

    /** Starts a configuration with the defaults: {@code migrations/}, table {@value RetortConfiguration#DEFAULT_VERSION_TABLE}. */
    public static RetortConfiguration configure() {
        return new RetortConfiguration();
    }

    public RetortConfiguration configuration() {
        return configuration;
    }

    /**
     * Has the server cancel the statements this facade's upgrades, downgrades, stamps and tenant
     * creations are running, from any thread, and refuses the ones that would start after: each of
     * those runs fails and is rolled back, leaving its schema at the revision before. For a process
     * being stopped (the command line calls it on SIGINT and SIGTERM): without it, a statement waiting
     * for a lock the application holds stays queued on the server after the process is gone. Not
     * undone: use a new facade ({@code configuration().load()}) to run again.
     */
    public void cancel() {
        cancellation.cancel();
    }

    // --- applying revisions ---

    /** {@link #upgrade(String, String, boolean)} without force. */
    public UpgradeResult upgrade(String target, String schema) {
        return upgrade(target, schema, false);
    }

    /**
     * Brings a schema to {@code target} ({@code head}, {@code heads}, an id or prefix, {@code +1}, ...;
     * null is {@code head}): creates the schema and its version table when missing, takes the schema's
     * lock, and applies each pending revision in a transaction of its own with its version-table row.
     *
     * @param force accept applied revisions whose files were edited since, recording their new checksums
     * @throws dev.retort.api.RunnerException    when the lock is not granted within the lock timeout, or
     *                                              an applied revision's file was edited (unless forced) or deleted
     * @throws dev.retort.api.MigrationException when a revision fails: it is rolled back, and the
     *                                              schema stays at the revision before
     * @throws dev.retort.revision.RevisionException for a target the graph cannot resolve (several heads
     *                                              for {@code head}: merge them)
     */
    public UpgradeResult upgrade(String target, String schema, boolean force) {
        String s = schema(schema);
        MigrationsDirectory directory = migrations();
        return runner(directory).upgrade(directory.graph(), target == null ? "head" : target, s, force);
    }

    /** {@link #downgrade(String, String, boolean)} without force. */
    public DowngradeResult downgrade(String target, String schema) {
        return downgrade(target, schema, false);
    }

    /**
     * Takes a schema down to {@code target} ({@code base}, an id, {@code -1}, ...), undoing each
     * revision in a transaction of its own. Each step's warnings say what the downgrade destroys and
     * what it cannot bring back.
     */
    public DowngradeResult downgrade(String target, String schema, boolean force) {
        String s = schema(schema);
        MigrationsDirectory directory = migrations();
        return runner(directory).downgrade(directory.graph(), Objects.requireNonNull(target, "target"), s, force);
    }

    /** Records that a schema is at {@code target} without running any revision. */
    public StampResult stamp(String target, String schema) {
        String s = schema(schema);
        return runner().stamp(migrations().graph(), Objects.requireNonNull(target, "target"), s);
    }

    /** The revisions a schema is at. */
    public CurrentResult current(String schema) {
        String s = schema(schema);
        return runner().current(migrations().graph(), s);
    }

    /** What {@link #upgrade} to {@code target} would run on a schema and destroy there, without running it. */
    public RunPlan planUpgrade(String target, String schema) {
        return plan(Plans.Direction.UPGRADE, target == null ? "head" : target, schema);
    }

    /** What {@link #downgrade} to {@code target} would destroy on a schema or not bring back, without running it. */
    public RunPlan planDowngrade(String target, String schema) {
        return plan(Plans.Direction.DOWNGRADE, Objects.requireNonNull(target, "target"), schema);
    }

    private RunPlan plan(Plans.Direction direction, String target, String schema) {
        RevisionGraph graph = migrations().graph();
        CurrentResult current = runner().current(graph, schema(schema));
        return new Plans(graph, direction, target).add(current.schema(), current.ids()).plan();
    }

    /**
     * What {@link #upgradeTenants} to {@code target} would destroy, on how many tenants, read in bulk
     * as {@link #currentTenants} reads them, without running anything.
     */
    public RunPlan planUpgradeTenants(String target, List<Shard> shards, boolean allowEmpty) {
        return planTenants(Plans.Direction.UPGRADE, target == null ? "head" : target, shards, allowEmpty);
    }

    /** {@link #planUpgradeTenants} for {@link #downgradeTenants}. */
    public RunPlan planDowngradeTenants(String target, List<Shard> shards, boolean allowEmpty) {
        return planTenants(Plans.Direction.DOWNGRADE, Objects.requireNonNull(target, "target"), shards, allowEmpty);
    }

    private RunPlan planTenants(Plans.Direction direction, String target, List<Shard> shards, boolean allowEmpty) {
        RevisionGraph graph = migrations().graph();
        Plans plans = new Plans(graph, direction, target);
        for (List<TenantVersion> versions : currentTenants(shards, allowEmpty).values()) {
            for (TenantVersion v : versions) plans.add(v.tenant(), v.heads());
        }
        return plans.plan();
    }

    /**
     * Whether a schema is at the head of the revision graph, its applied revision files unchanged, and
     * matches the model ({@link #compare}).
     */
    public CheckResult check(String schema) {
        String s = schema(schema);
        if (configuration.model() == null) throw new ConfigurationException("no model configured: give one with model(...)");
        return runner().check(migrations().graph(), s, () -> compare(s));
    }

    /**
     * Creates a new tenant schema and brings it to head in one transaction: by replaying every
     * revision, or from the model with every revision recorded as applied (see {@link CreateMethod}).
     * Refuses a schema that exists and is not empty.
     *
     * @param method null for {@link CreateMethod#AUTO}
     */
    public CreateResult createTenant(String schema, CreateMethod method) {
        String s = schema(schema);
        CreateMethod how = method == null ? CreateMethod.AUTO : method;
        Runner.ModelOperations ops = configuration.model() == null ? null
                : c -> autogenerate().withMissingSchemasEmpty(true).autogenerate(c, model(s), s).operations();
        MigrationsDirectory directory = migrations();
        Runner runner = runner(directory);
        if (how.triesPool()) {
            CreateResult taken = runner.takeFromPool(directory.graph(), s);
            if (taken != null) return taken;
        }
        return runner.create(directory.graph(), s, how, ops);
    }

    // --- the warm pool: tenants prepared ahead, a rename away ---

    /** The warm pool of the configured database: its schemas ready at head, and the others. */
    public PoolStatus pool() {
        return withPool((pool, c) -> pool.status(c));
    }

    /**
     * Prepares schemas at head under the pool's reserved names until {@code size} are ready, each in
     * one transaction as {@link #createTenant} makes a tenant; {@link #createTenant} then takes one by
     * renaming it. Returns the pool afterwards.
     *
     * @throws RunnerException when the database cannot rename schemas, the graph has several heads, or
     *                         the head's objects name their own schema (a renamed copy would name the pool's)
     */
    public PoolStatus fillPool(int size) {
        if (size < 0) throw new ConfigurationException("the pool size must not be negative, got " + size);
        return withPool((pool, c) -> {
            pool.fill(c, size);
            return pool.status(c);
        });
    }

    /**
     * Drops the pool's schemas that are not at head, or all of them when {@code all}; one another
     * runner holds is left. Returns the names dropped.
     */
    public List<String> drainPool(boolean all) {
        return withPool((pool, c) -> pool.drain(c, all));
    }

    @FunctionalInterface
    private interface PoolWork<T> {
        T run(WarmPool pool, Connection connection) throws SQLException;
    }

    private <T> T withPool(PoolWork<T> work) {
        MigrationsDirectory directory = migrations();
        WarmPool pool = new WarmPool(dialect(), runner(directory), configuration.versionTable(), directory.graph());
        try (Connection c = connect()) {
            return work.run(pool, c);
        } catch (SQLException e) {
            throw new DatabaseException("the warm pool: " + ErrorMessages.firstLine(e.getMessage()), e);
        }
    }

    /**
     * The SQL of an upgrade, without a database: {@code TARGET} from base, or {@code FROM:TARGET}.
     * From base it also creates the schema and the version table unless they exist.
     */
    public SqlScript upgradeSql(String range, String schema) {
        String s = schema(schema);
        MigrationsDirectory directory = migrations();
        return offline(directory).upgrade(directory.graph(), range == null ? "head" : range, s);
    }

    /** The SQL of a downgrade, without a database: {@code TARGET} from the graph's heads, or {@code FROM:TARGET}. */
    public SqlScript downgradeSql(String range, String schema) {
        String s = schema(schema);
        MigrationsDirectory directory = migrations();
        return offline(directory).downgrade(directory.graph(), Objects.requireNonNull(range, "target"), s);
    }

    private Runner runner() {
        if (configuration.dataSource() == null) {
            throw new ConfigurationException("no database: configure a data source (dataSource(...))");
        }
        return new Runner(dialect(), configuration.dataSource(), configuration.versionTable(), configuration.lockTimeout(), cancellation);
    }

    /** A runner that bounds the revisions' statements as the configuration and their files say. */
    private Runner runner(MigrationsDirectory directory) {
        return runner().ddl(configuration.ddlTimeouts(), directory::read);
    }

    private OfflineScripts offline(MigrationsDirectory directory) {
        return new OfflineScripts(dialect(), configuration.versionTable()).ddl(configuration.ddlTimeouts(), directory::read);
    }

    // --- many tenants: the same verbs on every tenant of every shard ---

    /**
     * Brings every tenant of the shards to {@code target} (null is {@code head}), up to
     * {@code options.jobs()} tenants of each shard at once, each exactly as {@link #upgrade} does it: the
     * schema's lock, one transaction per revision. A failing tenant fails alone (unless fail-fast); the
     * report counts upgraded, unchanged and failed tenants, and the listener sees each outcome.
     *
     * @throws dev.retort.revision.RevisionException for a target the graph cannot resolve, before any tenant runs
     * @throws DatabaseException when a shard cannot be reached or its tenants read, before any tenant runs
     */
    public FanOutReport upgradeTenants(String target, boolean force, List<Shard> shards, FanOutOptions options,
                                       FanOutListener listener) {
        String t = target == null ? "head" : target;
        TenantMigrations tenants = tenantMigrations();
        FanOutReport report = fanOut(options, listener).run(shards, tenants.upgrade(t, force));
        if ("head".equals(t)) keepPoolsAtHead(shards, tenants, options);
        return report;
    }

    /**
     * Brings each shard's warm pool to head after its tenants, so that a tenant taken from it needs
     * nothing more; not counted in the report. A pool whose new head names its own schema is dropped.
     */
    private void keepPoolsAtHead(List<Shard> shards, TenantMigrations tenants, FanOutOptions options) {
        RevisionGraph graph = migrations().graph();
        for (Shard shard : shards) {
            Dialect d = configuration.dialect() != null ? configuration.dialect() : Dialects.forUrl(shard.database().url());
            try (Connection c = d.connect(shard.database())) {
                List<String> pool = PoolNames.list(c);
                if (pool.isEmpty()) continue;
                Shard poolShard = new Shard(shard.name(), shard.database(), new TenantSpec.Listed(pool));
                fanOut(options.withFailFast(false), FanOutListener.none()).run(List.of(poolShard), tenants.upgrade("head", false));
                Runner runner = new Runner(d, new DatabaseDataSource(d, shard.database()), configuration.versionTable(), configuration.lockTimeout());
                new WarmPool(d, runner, configuration.versionTable(), graph).dropIfNotRenamable(c);
            } catch (SQLException | RuntimeException e) {
                // Kept at best effort, after the tenants' report is made: a pool schema left behind
                // head is never taken (the take checks), and the next fan-out tries again.
            }
        }
    }

    /** Takes every tenant of the shards down to {@code target}, as {@link #downgrade} does for one. */
    public FanOutReport downgradeTenants(String target, boolean force, List<Shard> shards, FanOutOptions options,
                                         FanOutListener listener) {
        Objects.requireNonNull(target, "target");
        return fanOut(options, listener).run(shards, tenantMigrations().downgrade(target, force));
    }

    /** Records {@code target} in every tenant's version table, as {@link #stamp} does for one. */
    public FanOutReport stampTenants(String target, List<Shard> shards, FanOutOptions options, FanOutListener listener) {
        Objects.requireNonNull(target, "target");
        return fanOut(options, listener).run(shards, tenantMigrations().stamp(target));
    }

    /**
     * Every tenant's version-table state, by shard name, read in bulk: a fixed
     * number of queries per few hundred tenants, one connection per shard.
     */
    public Map<String, List<TenantVersion>> currentTenants(List<Shard> shards) {
        return currentTenants(shards, false);
    }

    /**
     * {@link #currentTenants(List)}, accepting a tenant spec that matches no schema when
     * {@code allowEmpty}.
     */
    public Map<String, List<TenantVersion>> currentTenants(List<Shard> shards, boolean allowEmpty) {
        RevisionGraph graph = migrations().graph();
        return survey(shards, allowEmpty, (pools, shard, c, tenants) ->
                new TenantSurvey(pools.dialect(shard), configuration.versionTable(), graph).current(c, tenants));
    }

    /**
     * Every tenant checked as {@link #check} checks one schema, by shard name: pending revisions read
     * from the version tables in bulk, and drift against the model read with the dialect's bulk
     * reflection, a few hundred tenants per reflection.
     *
     * @throws ConfigurationException when no model is configured
     */
    public Map<String, List<CheckResult>> checkTenants(List<Shard> shards) {
        return checkTenants(shards, false);
    }

    /** {@link #checkTenants(List)}, accepting a tenant spec that matches no schema when {@code allowEmpty}. */
    public Map<String, List<CheckResult>> checkTenants(List<Shard> shards, boolean allowEmpty) {
        ModelProvider provider = configuration.model();
        if (provider == null) throw new ConfigurationException("no model configured: give one with model(...)");
        MetaData model = provider.metadata();
        if (model == null) throw new ConfigurationException("the model provider returned no MetaData");
        RevisionGraph graph = migrations().graph();
        return survey(shards, allowEmpty, (pools, shard, c, tenants) -> {
            Dialect d = pools.dialect(shard);
            Autogenerate autogenerate = Autogenerate.with(d).ignoringTables(VersionTable.ownTables(configuration.versionTable()));
            return new TenantSurvey(d, configuration.versionTable(), graph).check(c, tenants, model, autogenerate);
        });
    }

    @FunctionalInterface
    private interface SurveyWork<T> {
        List<T> run(ShardPools pools, Shard shard, Connection connection, List<String> tenants) throws SQLException;
    }

    /** The fan-out with this configuration's tenant name pattern. */
    private FanOut fanOut(FanOutOptions options, FanOutListener listener) {
        return new FanOut(options, configuration.tenantNamePattern(), listener);
    }

    /** Runs {@code work} on each shard's tenants in turn, on one connection per shard. */
    private <T> Map<String, List<T>> survey(List<Shard> shards, boolean allowEmpty, SurveyWork<T> work) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        try (ShardPools pools = ShardPools.open(shards, 1)) {
            for (ShardTenants st : pools.resolveTenants(new TenantRules(configuration.tenantNamePattern(), allowEmpty))) {
                try (Connection c = pools.dataSource(st.shard()).getConnection()) {
                    out.put(st.shard().name(), work.run(pools, st.shard(), c, st.tenants()));
                } catch (SQLException e) {
                    throw new DatabaseException("shard " + st.shard().name() + ": " + ErrorMessages.firstLine(e.getMessage()), e);
                }
            }
        }
        return out;
    }

    /** The graph is read once for the whole fan-out: every tenant sees the same revisions. */
    private TenantMigrations tenantMigrations() {
        MigrationsDirectory directory = migrations();
        return new TenantMigrations(dialect(), configuration.versionTable(), configuration.lockTimeout(), directory.graph(), cancellation)
                .ddl(configuration.ddlTimeouts(), directory::read);
    }

    // --- what every verb needs ---

    /**
     * The dialect: configured, or the data source's.
     *
     * @throws ConfigurationException when there is neither
     */
    private Dialect dialect() {
        Dialect dialect = configuration.dialect();
        if (dialect == null) {
            throw new ConfigurationException("no database dialect: configure a data source (dataSource(...)) or a dialect (dialect(...))");
        }
        return dialect;
    }

    /**
     * The migrations directory as it is now (read on every call: a snapshot).
     *
     * @throws dev.retort.revision.RevisionFormatException for a file that cannot be read, naming file and line
     * @throws dev.retort.revision.RevisionException       when the directory is missing or the revisions form no graph
     */
    private MigrationsDirectory migrations() {
        RetortConfiguration.Location location = configuration.location();
        if (location.directory() != null) return MigrationsDirectory.load(location.directory());
        ClassLoader loader = location.loader() != null ? location.loader() : Thread.currentThread().getContextClassLoader();
        return MigrationsDirectory.loadClasspath(location.classpath(), loader != null ? loader : Retort.class.getClassLoader());
    }

    /**
     * The schema a call works on: the one given, else the configured default.
     *
     * @throws ConfigurationException when neither is given, or the name is not a valid identifier
     */
    public String schema(String schema) {
        String s = schema != null ? schema : configuration.defaultSchema();
        if (s == null) throw new ConfigurationException("no schema given, and no default schema configured");
        return TenantNames.check(configuration.dialect(), configuration.tenantNamePattern(), null, s);
    }

    /**
     * The model bound to a schema: the provider's MetaData cloned onto it ({@link MetaData#withSchema}),
     * whether the provider gives it unbound or bound to some other tenant.
     *
     * @throws ConfigurationException when no model is configured
     */
    public MetaData model(String schema) {
        ModelProvider provider = configuration.model();
        if (provider == null) throw new ConfigurationException("no model configured: give one with model(...)");
        MetaData model = provider.metadata();
        if (model == null) throw new ConfigurationException("the model provider returned no MetaData");
        return model.withSchema(schema(schema));
    }

    /**
     * What makes a live schema match the model: the operations, bound to the schema
     * ({@code diff.rebind(schema, null)} makes them schema-agnostic). The version table is no part of
     * any model and is left out. An empty diff means the schema matches.
     *
     * @throws DatabaseException when the schema does not exist or cannot be read
     */
    public Diff compare(String schema) {
        String s = schema(schema);
        MetaData model = model(s);
        try (Connection c = connect()) {
            return autogenerate().autogenerate(c, model, s);
        } catch (SQLException e) {
            throw closing(e);
        }
    }

    /** {@link #diff(String, DataSource, String, boolean)} in this configuration's database, drops included. */
    public SchemaDiff diff(String schema, String target) {
        return diff(schema, null, target, true);
    }

    /**
     * What makes live schema {@code schema} of this configuration's database match schema
     * {@code target}, of the same database or of {@code other}: {@code target} is read, its objects
     * retargeted onto {@code schema} (the clone-with-schema of the reflected model) and compared with
     * {@code schema} as a model is. What {@code target} refers to in other schemas stays referred to,
     * not created. Retort's version tables are left out. Objects of kinds Retort does not migrate are
     * compared by kind, name and definition and listed ({@link SchemaDiff#notManaged()}). Nothing is changed.
     *
     * @param other the database of {@code target}, of the same kind; null for this configuration's
     * @param drops whether to drop what only {@code schema} has
     * @throws ConfigurationException when no database is configured, a schema name is invalid, or
     *                                {@code other} is a database of another kind
     * @throws DatabaseException      when a database cannot be reached, or a schema does not exist or cannot be read
     */
    public SchemaDiff diff(String schema, DataSource other, String target, boolean drops) {
        String from = RetortConfiguration.identifier("schema", Objects.requireNonNull(schema, "schema"));
        String to = RetortConfiguration.identifier("schema", Objects.requireNonNull(target, "target"));
        Dialect dialect = dialect();
        if (other != null) {
            Dialect theirs = DataSources.dialectOf(other);
            if (!theirs.name().equals(dialect.name())) {
                throw new ConfigurationException("schema " + from + " is in a " + dialect.name() + " database and " + to
                        + " in a " + theirs.name() + " one: both must be of one kind");
            }
        }
        Autogenerate autogenerate = autogenerate().withDrops(drops);
        Diff diff;
        List<String> notManaged;
        try (Connection a = connect()) {
            if (other == null) {
                diff = autogenerate.diff(a, from, a, to);
                notManaged = autogenerate.notManaged(a, from, a, to);
            } else {
                try (Connection b = Connections.open(other)) {
                    diff = autogenerate.diff(a, from, b, to);
                    notManaged = autogenerate.notManaged(a, from, b, to);
                }
            }
        } catch (SQLException e) {
            throw closing(e);
        }
        return new SchemaDiff(from, to, diff, diffScript(dialect, from, diff), notManaged);
    }

    /** The SQL of a diff: the schema as the search path first, since the target's expressions name its objects unqualified. */
    private static SqlScript diffScript(Dialect dialect, String schema, Diff diff) {
        List<SqlScript.Block> blocks = new ArrayList<>();
        blocks.add(new SqlScript.Block(List.of(), false, dialect.useSchemaInScript(schema)));
        List<Operation> first = dialect.commitFirst(diff.operations());
        if (!first.isEmpty()) {
            // Committed even when the whole script runs as one transaction (psql -1), so that the rest can use them.
            List<String> comments = new ArrayList<>(List.of("committed first: what follows uses it"));
            List<String> statements = new ArrayList<>();
            for (Operation op : first) {
                comments.add((op.destructive() ? "! " : "") + op.describe());
                statements.addAll(dialect.render(op, schema));
            }
            blocks.add(new SqlScript.Block(comments, true, statements));
        }
        for (Operation op : diff.operations()) {
            if (first.stream().anyMatch(f -> f == op)) continue;
            blocks.add(new SqlScript.Block(List.of((op.destructive() ? "! " : "") + op.describe()), false, dialect.render(op, schema)));
        }
        return new SqlScript(schema, List.of(), blocks);
    }

    /** Reflect-and-compare as this configuration does it: through the dialect, the version table ignored. */
    private Autogenerate autogenerate() {
        return Autogenerate.with(dialect()).ignoringTables(VersionTable.ownTables(configuration.versionTable()));
    }

    /**
     * A new connection from the data source, which the caller closes.
     *
     * @throws ConfigurationException when no data source is configured
     * @throws DatabaseException     when it gives no connection
     */
    private Connection connect() {
        if (configuration.dataSource() == null) {
            throw new ConfigurationException("no database: configure a data source (dataSource(...))");
        }
        return Connections.open(configuration.dataSource());
    }

    static DatabaseException closing(SQLException e) {
        return new DatabaseException("cannot close the connection: " + ErrorMessages.firstLine(e.getMessage()), e);
    }

    @Override
    public String toString() {
        return "Retort[" + configuration + "]";
    }

    // ---- lint ----

    /**
     * What the rules of {@code retort lint} find in some revisions' upgrades (docs/safety.md): the
     * revisions {@code target} names (an id or unique prefix, {@code head}, {@code heads}, a step such
     * as {@code head-1}), or every revision when it is null. Needs no database: the dialect says what
     * locks and rewrites. Findings come in history order, then in the order of each revision's operations;
     * those a revision silences are included, marked.
     */
    public List<LintFinding> lint(String target) {
        return lintFound(target).stream().map(Linter.Found::finding).toList();
    }

    /**
     * {@link #lint}, each finding about a table weighed by that table across the tenants of the shards:
     * how many hold it, their estimated rows and sizes summed, and the tenant with the most rows
     * ({@link LintFinding#weight()}), read in bulk (a fixed number of catalog queries per few hundred
     * tenants, one connection per shard).
     */
    public List<LintFinding> lintTenants(String target, List<Shard> shards, boolean allowEmpty) {
        List<Linter.Found> found = lintFound(target);
        TableWeights weights = new TableWeights(found);
        boolean[] fixedSchemasRead = {false};
        survey(shards, allowEmpty, (pools, shard, c, tenants) -> {
            // Tables in fixed schemas are read once, on the first shard: the main database.
            weights.read(pools.dialect(shard), c, tenants, !fixedSchemasRead[0]);
            fixedSchemasRead[0] = true;
            return List.of();
        });
        return found.stream().map(weights::weigh).toList();
    }

    private List<Linter.Found> lintFound(String target) {
        MigrationsDirectory directory = migrations();
        RevisionGraph graph = directory.graph();
        java.util.Set<String> wanted = target == null ? null : graph.resolve(target);
        Linter linter = new Linter(dialect());
        List<Linter.Found> out = new ArrayList<>();
        for (Revision r : graph.history()) {
            if (wanted == null || wanted.contains(r.id())) out.addAll(linter.found(r, directory.upgradeSources(r.id())));
        }
        return out;
    }

    // ---- authoring: revision, merge, history, heads, show ----

    /**
     * Writes a new revision after the single head: empty, to fill by hand, or with {@code autogenerate}
     * the operations that bring {@code schema} to the model (schema-agnostic unless {@code pinSchema}).
     * Autogenerate refuses a schema with pending revisions, and writes nothing when there is no
     * difference.
     *
     * @param schema the schema to compare with; null for the configured default
     */
    public RevisionResult revision(String message, boolean autogenerate, String schema, boolean pinSchema) {
        return revision(message, autogenerate, schema, pinSchema, false);
    }

    /**
     * As {@link #revision(String, boolean, String, boolean)}; with {@code online}, autogenerate writes the
     * forms that do not stall a live application on the tables that already exist: indexes created and
     * dropped concurrently, foreign keys and checks added {@code NOT VALID} then validated, and
     * {@code SET NOT NULL} through a validated {@code CHECK (c IS NOT NULL)} (docs/safety.md).
     */
    public RevisionResult revision(String message, boolean autogenerate, String schema, boolean pinSchema, boolean online) {
        return author().revision(message, autogenerate, comparison(schema), pinSchema, online);
    }

    /**
     * The head a new revision would follow, or null when there is no revision yet: what
     * {@link #revision} checks first, without the database.
     *
     * @throws dev.retort.revision.RevisionException when there are several heads (merge them first), the
     *                                               directory does not load, or the revisions are read from
     *                                               the class path, where none can be written
     */
    public String head() {
        MigrationsDirectory directory = migrations();
        directory.requireWritable();
        RevisionGraph graph = directory.graph();
        RevisionAuthor.requireOneHead(graph);
        return graph.heads().isEmpty() ? null : graph.heads().get(0);
    }

    /** An empty revision after the single head, to fill by hand. */
    public RevisionResult revision(String message) {
        return revision(message, false, null, false);
    }

    /** Writes a merge revision following the given revisions (ids or unique prefixes), or every head when none is given. */
    public Revision merge(String message, List<String> revisions) {
        return author().merge(message, revisions);
    }

    /** Every revision, newest first. */
    public List<RevisionInfo> history() {
        return author().history();
    }

    /** The revisions nothing follows. */
    public List<RevisionInfo> heads() {
        return author().heads();
    }

    /** One revision, by id, unique prefix, {@code head}, or a step from one ({@code head-1}). */
    public RevisionInfo show(String revision) {
        return author().show(revision);
    }

    private RevisionAuthor author() {
        return new RevisionAuthor(this::migrations, appliedRevisions());
    }

    /** What autogenerate compares with: this configuration's schema, model and database, resolved when asked. */
    private RevisionAuthor.Comparison comparison(String schema) {
        return new RevisionAuthor.Comparison() {
            @Override
            public String schema() {
                return Retort.this.schema(schema);
            }

            @Override
            public MetaData model(String boundTo) {
                return Retort.this.model(boundTo);
            }

            @Override
            public Connection connect() {
                return Retort.this.connect();
            }

            @Override
            public Dialect dialect() {
                return Retort.this.dialect();
            }

            @Override
            public Autogenerate autogenerate() {
                return Retort.this.autogenerate();
            }

            @Override
            public String versionTable() {
                return configuration.versionTable();
            }
        };
    }

    /** The applied heads autogenerate checks against: the version table's. */
    private AppliedRevisions appliedRevisions() {
        return new VersionTableHeads();
    }
}
