package dev.retort.internal.runner;

import dev.retort.api.AppliedRevision;
import dev.retort.api.AppliedStep;
import dev.retort.api.CheckResult;
import dev.retort.api.CreateMethod;
import dev.retort.api.CreateResult;
import dev.retort.api.CurrentResult;
import dev.retort.api.DowngradeResult;
import dev.retort.api.EditedRevision;
import dev.retort.api.MigrationException;
import dev.retort.api.RunnerException;
import dev.retort.api.StampResult;
import dev.retort.api.UpgradeResult;
import dev.retort.compare.Diff;
import dev.retort.internal.jdbc.Connections;
import dev.retort.api.DatabaseException;
import dev.retort.api.DdlTimeouts;
import dev.retort.internal.revision.RevisionReader;
import dev.retort.spi.Dialect;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.revision.Revision;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.internal.version.FailureTable;
import dev.retort.api.LastFailure;
import dev.retort.internal.version.VersionTable;
import dev.retort.internal.tenants.PoolNames;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import static dev.retort.internal.jdbc.ErrorMessages.firstLine;

/**
 * Applies revisions to one schema: upgrade, downgrade and stamp. Each run takes the schema's lock
 * (so a second runner waits, then finds nothing left to do), reads the version table, refuses to
 * work from applied revisions whose files were edited or deleted, and applies each revision in a
 * transaction of its own together with its version-table update: a failure rolls that revision back
 * and leaves the schema at the one before.
 */
public final class Runner {
    private final Dialect dialect;
    private final DataSource dataSource;
    private final VersionTable table;
    private final FailureTable failures;
    private final Duration lockTimeout;
    private final Cancellation cancellation;
    private DdlTimeouts ddl = DdlTimeouts.DEFAULTS;
    private Function<String, RevisionReader.Read> files = id -> null;

    public Runner(Dialect dialect, DataSource dataSource, String versionTable, Duration lockTimeout) {
        this(dialect, dataSource, versionTable, lockTimeout, new Cancellation());
    }

    /** @param cancellation where the runs' statements are registered, so that they can be cancelled */
    public Runner(Dialect dialect, DataSource dataSource, String versionTable, Duration lockTimeout, Cancellation cancellation) {
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
        this.table = new VersionTable(dialect, versionTable);
        this.failures = table.failures();
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lock timeout");
    }

    /**
     * Bounds the revisions' statements: {@code defaults}, with the lock and statement timeouts a
     * revision's file gives ({@code files}, by revision id; null when there is no such file) over them.
     */
    public Runner ddl(DdlTimeouts defaults, Function<String, RevisionReader.Read> files) {
        this.ddl = Objects.requireNonNull(defaults, "DDL timeouts");
        this.files = Objects.requireNonNull(files, "files");
        return this;
    }

    /** The bounds of one revision's transactions: its file's over the defaults. */
    private DdlTimeouts timeouts(Revision r) {
        return timeouts(ddl, files, r);
    }

    /** The bounds of one revision's transactions: its file's ({@code files}, by id) over {@code ddl}. */
    static DdlTimeouts timeouts(DdlTimeouts ddl, Function<String, RevisionReader.Read> files, Revision r) {
        RevisionReader.Read read = r == null ? null : files.apply(r.id());
        if (read == null) return ddl;
        DdlTimeouts t = ddl;
        if (read.lockTimeout() != null) t = t.withLockTimeout(read.lockTimeout());
        if (read.statementTimeout() != null) t = t.withStatementTimeout(read.statementTimeout());
        return t;
    }

    /**
     * Brings the schema to {@code target}, creating the schema and its version table when missing.
     *
     * @param force accept applied revisions whose files were edited, recording their new checksums
     * @throws RunnerException     when the lock times out, or an applied revision's file was edited
     *                             (without force) or is missing
     * @throws MigrationException  when a revision fails (rolled back; earlier ones stay applied)
     */
    public UpgradeResult upgrade(RevisionGraph graph, String target, String schema, boolean force) {
        return locked(schema, (c, state) -> {
            List<EditedRevision> accepted = verify(graph, state, force);
            List<String> before = state.knownHeads(graph);
            List<Revision> path = graph.upgradePathTo(before, graph.resolve(target, before));
            List<String> prelude = new ArrayList<>(bootstrap(state));
            for (EditedRevision e : accepted) prelude.add(table.updateChecksum(schema, e.revision().id(), e.revision().checksum()));
            if (state.lastFailure() != null) prelude.add(failures.clear(schema));
            refusePartly(state, path, true);
            AppliedSet applied = new AppliedSet(graph, table, schema, state.appliedIds());
            StepTransaction tx = new StepTransaction(dialect, c, schema, cancellation);
            List<AppliedStep> steps = new ArrayList<>();
            if (path.isEmpty() && !prelude.isEmpty()) run(tx, UPGRADE, null, prelude, List.of(), ms -> List.of(), steps, applied);
            Progress progress = new Progress(prelude, state.hasStep() || !state.tracked());
            for (Revision r : path) {
                List<RenderedOp> ops = RenderedOp.upgrade(dialect, r, schema);
                long ms = steps(tx, UPGRADE, r, RenderedOp.split(dialect, ops), state.step(r.id()), progress, steps, applied);
                steps.add(new AppliedStep(r, ms, RenderedOp.warnings(ops)));
            }
            return new UpgradeResult(schema, !state.schemaExists(), before, applied.heads(), steps, accepted);
        });
    }

    /**
     * Takes the schema down to {@code target}, undoing each revision in its own transaction.
     *
     * @param force accept applied revisions whose files were edited
     */
    public DowngradeResult downgrade(RevisionGraph graph, String target, String schema, boolean force) {
        return locked(schema, (c, state) -> {
            List<EditedRevision> accepted = verify(graph, state, force);
            List<String> before = state.knownHeads(graph);
            List<Revision> path = graph.downgradePathTo(before, graph.resolve(target, before));
            List<String> prelude = new ArrayList<>();
            for (EditedRevision e : accepted) prelude.add(table.updateChecksum(schema, e.revision().id(), e.revision().checksum()));
            if (state.lastFailure() != null) prelude.add(failures.clear(schema));
            refusePartly(state, path, false);
            AppliedSet applied = new AppliedSet(graph, table, schema, state.appliedIds());
            StepTransaction tx = new StepTransaction(dialect, c, schema, cancellation);
            List<AppliedStep> steps = new ArrayList<>();
            if (path.isEmpty() && !prelude.isEmpty()) run(tx, DOWNGRADE, null, prelude, List.of(), ms -> List.of(), steps, applied);
            Progress progress = new Progress(prelude, state.hasStep());
            for (Revision r : path) {
                List<RenderedOp> ops = RenderedOp.downgrade(dialect, r, schema);
                long ms = steps(tx, DOWNGRADE, r, RenderedOp.split(dialect, ops), -state.step(r.id()), progress, steps, applied);
                steps.add(new AppliedStep(r, ms, RenderedOp.warnings(ops)));
            }
            return new DowngradeResult(schema, before, applied.heads(), steps);
        });
    }

    /**
     * Records that the schema is at {@code target} without running anything: rows for the revisions
     * the target has and the schema lacks are added (with the files' checksums, no execution time),
     * rows for the others, unknown ones included, removed. Creates the schema and its version table
     * when missing.
     */
    public StampResult stamp(RevisionGraph graph, String target, String schema) {
        return locked(schema, (c, state) -> {
            List<String> before = state.recordedHeads();
            Set<String> targetHeads = graph.resolve(target, state.knownHeads(graph));
            Set<String> wanted = graph.ancestors(targetHeads);
            List<String> heads = graph.headsOf(wanted);
            List<String> statements = new ArrayList<>(bootstrap(state));
            Set<String> had = Set.copyOf(state.appliedIds());
            for (String id : state.appliedIds()) if (!wanted.contains(id)) statements.add(table.delete(schema, id));
            for (Revision r : graph.history()) {
                if (wanted.contains(r.id()) && !had.contains(r.id())) statements.add(table.insert(schema, r.id(), r.checksum(), null));
            }
            List<String> others = graph.history().stream().map(Revision::id).filter(wanted::contains).filter(id -> !heads.contains(id)).toList();
            add(statements, table.setHead(schema, others, false));
            add(statements, table.setHead(schema, heads, true));
            AppliedSet now = new AppliedSet(graph, table, schema, state.knownHeads(graph));
            if (state.lastFailure() != null) statements.add(failures.clear(schema));
            run(new StepTransaction(dialect, c, schema, cancellation), STAMP, null, statements, List.of(), ms -> List.of(), List.of(), now);
            return new StampResult(schema, !state.schemaExists(), before, heads);
        });
    }

    /** The operations that create a model's objects in the (empty or missing) schema, read on the locked connection. */
    @FunctionalInterface
    public interface ModelOperations {
        List<Operation> of(Connection connection) throws SQLException;
    }

    /**
     * Creates a new tenant schema and brings it to the head of the graph in ONE transaction, so that a
     * failure or a killed process leaves no half-built tenant. A schema that exists is accepted only
     * when it holds nothing (no tables, sequences, types, version table).
     *
     * @param model the model's operations, used by {@link CreateMethod#MODEL}; null when there is no model
     * @throws RunnerException    when the schema exists and is not empty, or MODEL is asked for without a model
     * @throws MigrationException when a statement fails (everything is rolled back: the schema stays as it was)
     */
    public CreateResult create(RevisionGraph graph, String schema, CreateMethod method, ModelOperations model) {
        CreateMethod how = method.resolved();
        if (how == CreateMethod.MODEL && model == null) {
            throw new RunnerException("tenant " + schema + ": creating from the model needs a model: configure one, or use --method replay");
        }
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            throw new RunnerException("tenant " + schema + ": the revision graph has " + heads.size() + " heads ("
                    + String.join(", ", heads) + "): merge them first");
        }
        return locked(schema, (c, state) -> {
            if (state.schemaExists() && (state.tracked() || !empty(c, schema))) {
                throw new RunnerException("tenant " + schema + " already exists and is not empty: refusing to create it");
            }
            List<String> prelude = new ArrayList<>(bootstrap(state));
            if (state.lastFailure() != null) prelude.add(failures.clear(schema));
            List<String> body = new ArrayList<>();
            AppliedSet applied = new AppliedSet(graph, table, schema, List.of());
            List<String> record = new ArrayList<>();
            List<Revision> path = graph.upgradePathTo(List.of(), heads);
            if (how == CreateMethod.REPLAY) {
                for (Revision r : path) {
                    body.addAll(RenderedOp.statements(RenderedOp.upgradeInOneTransaction(dialect, r, schema)));
                    record.addAll(applied.upgrade(r, null));
                }
            } else {
                for (Operation op : model.of(c)) body.addAll(dialect.render(op, schema));
                for (Revision r : path) record.addAll(applied.upgrade(r, null));
            }
            long start = System.nanoTime();
            run(new StepTransaction(dialect, c, schema, cancellation), CREATE, null, prelude, body, ms -> record, List.of(),
                    new AppliedSet(graph, table, schema, List.of()), "creating it (" + how.name().toLowerCase(java.util.Locale.ROOT) + ") failed");
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new CreateResult(schema, how, applied.heads(), body.size(), millis);
        });
    }

    /**
     * Makes the tenant {@code schema} out of one of the warm pool's schemas ({@link PoolNames}, in name
     * order): the first that is at the graph's single head, free of failures and not locked by another
     * runner is renamed to {@code schema} and its revisions dated now, in one transaction. Each
     * candidate is tried under its own lock, taken without waiting, while the tenant's lock is held:
     * two creates never take one pool schema, in one process or several, and a crash leaves either the
     * pool schema or the tenant. Null when none is ready (the caller replays instead), or when the
     * tenant's schema exists empty (a rename cannot fill it).
     *
     * @throws RunnerException when the tenant's schema exists and is not empty
     */
    public CreateResult takeFromPool(RevisionGraph graph, String schema) {
        if (graph.heads().size() != 1) return null;
        return locked(schema, (c, state) -> {
            if (state.schemaExists()) {
                if (state.tracked() || !empty(c, schema)) {
                    throw new RunnerException("tenant " + schema + " already exists and is not empty: refusing to create it");
                }
                return null;
            }
            for (String candidate : PoolNames.list(c)) {
                if (candidate.equals(schema) || !tryLock(c, candidate)) continue;
                try {
                    CreateResult taken = take(c, graph, candidate, schema);
                    if (taken != null) return taken;
                } finally {
                    dialect.unlockSchema(c, candidate, table.name());
                }
            }
            return null;
        });
    }

    /** The candidate made into the tenant, or null when it is not wholly at head (or no longer there). */
    private CreateResult take(Connection c, RevisionGraph graph, String candidate, String schema) throws SQLException {
        SchemaState pooled = SchemaState.read(c, dialect, table, candidate);
        if (!pooled.schemaExists() || !pooled.tracked() || pooled.lastFailure() != null || !pooled.partial().isEmpty()
                || !pooled.unknown(graph).isEmpty() || !pooled.edited(graph).isEmpty() || !pooled.recordedHeads().equals(graph.heads())) {
            return null;
        }
        String rename = dialect.renameSchema(candidate, schema);
        if (rename == null) return null;
        long start = System.nanoTime();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (java.sql.Statement st = c.createStatement()) {
            st.execute(rename);
            st.execute(table.restamp(schema));
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return new CreateResult(schema, CreateMethod.POOL, graph.heads(), 0, (System.nanoTime() - start) / 1_000_000);
    }

    /** Drops a pool schema unless another runner holds its lock now; whether it was dropped. */
    public boolean dropPoolSchema(String schema) {
        if (!PoolNames.isPoolName(schema)) throw new IllegalArgumentException("not a pool schema: " + schema);
        try (Connection c = Connections.open(dataSource)) {
            if (!tryLock(c, schema)) return false;
            try (java.sql.Statement st = c.createStatement()) {
                if (!dialect.schemaExists(c, schema)) return false;
                for (String sql : dialect.render(new SchemaOps.DropSchema(schema), schema)) st.execute(sql);
                return true;
            } finally {
                dialect.unlockSchema(c, schema, table.name());
            }
        } catch (SQLException e) {
            throw new DatabaseException("schema " + schema + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The migration lock of a schema if no one holds it now; false at once otherwise. */
    private boolean tryLock(Connection c, String schema) throws SQLException {
        try {
            dialect.lockSchema(c, schema, table.name(), Duration.ZERO);
            return true;
        } catch (SQLException e) {
            if (dialect.lockNotGranted(e)) return false;
            throw e;
        }
    }

    /**
     * Whether a schema that exists holds nothing, its own failure table aside: a failed first upgrade
     * may have left one there, with nothing else.
     */
    private boolean empty(Connection c, String schema) throws SQLException {
        return dialect.schemaIsEmpty(c, schema, table.ownTables());
    }

    /** The schema's applied heads, read without the lock. */
    public CurrentResult current(RevisionGraph graph, String schema) {
        try (Connection c = Connections.open(dataSource)) {
            SchemaState state = SchemaState.read(c, dialect, table, schema);
            List<String> graphHeads = graph.heads();
            List<CurrentResult.Head> heads = state.rows().stream().filter(r -> r.head())
                    .map(r -> new CurrentResult.Head(r.revision(), graph.contains(r.revision()) ? graph.get(r.revision()) : null,
                            graphHeads.contains(r.revision()), r))
                    .toList();
            List<CurrentResult.Partial> partial = RenderedOp.partial(dialect, graph, state.rows(), schema);
            return new CurrentResult(schema, state.schemaExists(), state.tracked(), heads, state.lastFailure(), partial);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the version table of schema " + schema + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Whether the schema is at every head of the graph, its applied files unchanged, and (when it is
     * at head) the schema matches the model. Read without the lock.
     *
     * @param drift compares the schema with the model; called only when the schema exists and no
     *              revision is pending
     */
    public CheckResult check(RevisionGraph graph, String schema, Supplier<Diff> drift) {
        SchemaState state = state(schema);
        List<String> unknown = state.unknown(graph);
        List<String> heads = state.knownHeads(graph);
        List<Revision> pending = graph.upgradePathTo(heads, graph.heads());
        Diff diff = state.schemaExists() && pending.isEmpty() && unknown.isEmpty() ? drift.get() : null;
        return new CheckResult(schema, state.schemaExists(), state.recordedHeads(), pending, state.edited(graph), unknown, diff);
    }

    /** The state of the schema, read without the lock. */
    SchemaState state(String schema) {
        try (Connection c = Connections.open(dataSource)) {
            return SchemaState.read(c, dialect, table, schema);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the version table of schema " + schema + ": " + firstLine(e.getMessage()), e);
        }
    }

    // --- the pieces ---

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection, SchemaState state) throws SQLException;
    }

    /** Runs {@code work} on one connection holding the schema's lock, with the state read under it. */
    private <T> T locked(String schema, Work<T> work) {
        try (Connection c = Connections.open(dataSource)) {
            try (SchemaLock lock = SchemaLock.take(dialect, c, schema, table.name(), lockTimeout)) {
                return work.run(c, SchemaState.read(c, dialect, table, schema));
            }
        } catch (SQLException e) {
            throw new DatabaseException("schema " + schema + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Refuses applied revisions without a file, and edited ones unless forced; returns the edited ones accepted. */
    private static List<EditedRevision> verify(RevisionGraph graph, SchemaState state, boolean force) {
        List<String> unknown = state.unknown(graph);
        if (!unknown.isEmpty()) {
            throw new RunnerException("schema " + state.schema() + " is at revision" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + ", which " + (unknown.size() == 1 ? "is" : "are")
                    + " not in the migrations directory (was a file deleted?)");
        }
        List<EditedRevision> edited = state.edited(graph);
        if (!edited.isEmpty() && !force) {
            throw new RunnerException("schema " + state.schema() + ": applied revision" + (edited.size() == 1 ? " " : "s ")
                    + String.join(", ", edited.stream().map(EditedRevision::describe).toList())
                    + (edited.size() == 1 ? " was" : " were") + " edited after being applied (checksum changed): "
                    + "restore " + (edited.size() == 1 ? "it" : "them") + ", or accept the edit with --force");
        }
        return edited;
    }

    /** Creating the schema and the version table where they are missing. */
    private List<String> bootstrap(SchemaState state) {
        List<String> out = new ArrayList<>();
        if (!state.schemaExists()) out.addAll(dialect.render(new SchemaOps.CreateSchema(null), state.schema()));
        if (!state.tracked()) out.addAll(table.create(state.schema()));
        return out;
    }

    /**
     * Runs one transaction; a failure becomes a {@link MigrationException} saying where the schema
     * stays: at the heads of {@code applied} as they were before this step. The failure is recorded in
     * the schema's failure table ({@link FailureTable}) when {@code operation} is given.
     */
    private long run(StepTransaction tx, String operation, Revision r, List<String> prelude, List<String> body,
                     LongFunction<List<String>> record, List<AppliedStep> done, AppliedSet applied) {
        return run(tx, operation, r, prelude, body, record, done, applied,
                r == null ? "preparing the version table failed" : "revision " + r + " failed");
    }

    private long run(StepTransaction tx, String operation, Revision r, List<String> prelude, List<String> body,
                     LongFunction<List<String>> record, List<AppliedStep> done, AppliedSet applied, String what) {
        return attempts(tx, operation, r, timeouts(r), () -> tx.run(prelude, body, record), done, applied, what, "");
    }

    /** One try at a step: a transaction, or a statement outside one. */
    @FunctionalInterface
    private interface Attempt {
        long run() throws StepTransaction.Failed;
    }

    /**
     * Runs a step, trying again after a lock timeout; a failure becomes a {@link MigrationException}
     * saying where the schema stays ({@code partly} adds how far the revision got).
     */
    private long attempts(StepTransaction tx, String operation, Revision r, DdlTimeouts t, Attempt attempt, List<AppliedStep> done,
                          AppliedSet applied, String what, String partly) {
        String schema = tx.schema();
        String at = describeHeads(applied.heads());
        tx.settings(dialect.transactionTimeouts(t.lockTimeout(), t.statementTimeout()));
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (StepTransaction.Failed f) {
                boolean lockWait = dialect.lockTimedOut(f.sqlException());
                // The whole step was rolled back: trying again starts from where the schema stays.
                if (lockWait && n < t.attempts() && pause(t.backoff().multipliedBy(1L << Math.min(n - 1, 20)))) continue;
                String statement = f.statement == null ? "on commit" : Statements.abbreviate(f.statement);
                boolean kept = stillThere(tx);
                String stays = kept ? "the schema stays at " + at + partly
                        : "the new schema was rolled back with it, so no record of this failure is kept in the database";
                String advice = dialect.advice(f.sqlException());
                String why = advice != null ? advice : statement + ": " + firstLine(f.getMessage());
                if (lockWait) why = statement + ": waited longer than the lock timeout (" + Durations.describe(t.lockTimeout()) + ") "
                        + (n == 1 ? "once" : n + " times") + holders(tx);
                MigrationException failure = new MigrationException("schema " + schema + ": " + what + " and was rolled back (" + stays + "): "
                        + why, schema, r, f.statement, done, f.getCause());
                if (operation != null && kept) recordFailure(tx, operation, r, failure);
                throw failure;
            }
        }
    }

    /** What the steps of a run carry from one revision to the next. */
    private static final class Progress {
        /** Run with the next transaction, then emptied. */
        List<String> prelude;
        /** Whether the version table has its step column (or will be created with it). */
        boolean hasStep;

        Progress(List<String> prelude, boolean hasStep) {
            this.prelude = prelude;
            this.hasStep = hasStep;
        }

        List<String> take() {
            List<String> out = prelude;
            prelude = List.of();
            return out;
        }
    }

    /**
     * A revision stopped part way the other way blocks this run: an upgrade cannot skip the rest of a
     * downgrade, nor a downgrade undo steps of an upgrade that never finished.
     */
    private static void refusePartly(SchemaState state, List<Revision> path, boolean up) {
        for (AppliedRevision row : state.partial()) {
            boolean blocks = up ? row.partlyDowngraded()
                    : row.partlyUpgraded() || path.isEmpty() || !path.get(0).id().equals(row.revision());
            if (!blocks) continue;
            int k = Math.abs(row.step());
            String first = "its first " + k + (k == 1 ? " step" : " steps");
            throw new RunnerException("schema " + state.schema() + ": revision " + row.revision() + " is "
                    + (row.partlyUpgraded() ? "partly applied (" + first + "): finish it with upgrade first"
                    : "partly downgraded (" + first + "): finish it with downgrade " + row.revision() + "-1 first"));
        }
    }

    /**
     * Runs the steps of one revision after the first {@code done} (a run that stopped part way is
     * continued, never repeated): each transactional step in a transaction, each step that cannot run in
     * one on its own, its record in a transaction after it. A revision in one step is one transaction,
     * recorded with it. Between steps the version table says how far the revision got.
     *
     * @return the time of the statements run, in milliseconds
     */
    private long steps(StepTransaction tx, String operation, Revision r, RenderedOp.Split split, int done, Progress progress,
                       List<AppliedStep> finished, AppliedSet applied) {
        boolean up = operation.equals(UPGRADE);
        List<RenderedOp.Step> all = split.steps();
        int n = all.size();
        long total = 0;
        if (done == 0 && !split.first().isEmpty()) {
            total += run(tx, operation, r, progress.take(), split.first(), ms -> List.of(), finished, applied);
        }
        if (done >= n) {
            throw new RunnerException("schema " + tx.schema() + ": revision " + r + " stopped at step " + done + " of its " + operation
                    + ", but has " + n + (n == 1 ? " step" : " steps") + " now: its file was edited since; restore it");
        }
        DdlTimeouts t = timeouts(r);
        for (int k = done + 1; k <= n; k++) {
            RenderedOp.Step step = all.get(k - 1);
            int at = k;
            long before = total;
            boolean rowThere = !up || k > 1;
            boolean addColumn = !progress.hasStep && k < n;
            LongFunction<List<String>> record = k == n
                    ? ms -> {
                        if (!up) return applied.downgrade(r);
                        List<String> out = new ArrayList<>();
                        if (rowThere) out.add(table.delete(tx.schema(), r.id()));
                        out.addAll(applied.upgrade(r, before + ms));
                        return out;
                    }
                    : ms -> {
                        List<String> out = new ArrayList<>();
                        if (addColumn) out.addAll(table.addStepColumn(tx.schema()));
                        out.add(up && !rowThere ? table.insertPartial(tx.schema(), r.id(), r.checksum(), at)
                                : table.setStep(tx.schema(), r.id(), up ? at : -at));
                        return out;
                    };
            String what = "revision " + r + (n > 1 ? " failed at step " + k + " of " + n : " failed");
            String partly = k == 1 ? "" : ", with revision " + r.id() + (up ? " partly applied" : " partly downgraded")
                    + " (step " + (k - 1) + " of " + n + "): the next " + operation + " goes on from step " + k;
            if (step.transactional()) {
                List<String> prelude = progress.take();
                total += attempts(tx, operation, r, t, () -> tx.run(prelude, step.statements(), record), finished, applied, what, partly);
            } else {
                List<String> prelude = progress.take();
                if (!prelude.isEmpty()) run(tx, operation, r, prelude, List.of(), ms -> List.of(), finished, applied);
                RenderedOp op = step.ops().get(0);
                total += attempts(tx, operation, r, t, () -> tx.outside(op, t.lockTimeout(), t.statementTimeout()), finished, applied,
                        what, partly + "; an index it left invalid is dropped and built again by the next "
                                + operation);
                long spent = total - before;
                attempts(tx, operation, r, t, () -> tx.run(List.of(), List.of(), ms -> record.apply(spent)), finished, applied, what, partly);
            }
            if (addColumn) progress.hasStep = true;
        }
        return total;
    }

    /** Waits before another attempt; false when interrupted, which ends the retries. */
    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code ; held by pid 123 (...)}: who holds locks in the schema now, or nothing when no one does or it cannot be read. */
    private String holders(StepTransaction tx) {
        try {
            String who = dialect.lockHolders(tx.connection(), tx.schema());
            return who == null ? "" : "; locks in the schema held by " + who;
        } catch (SQLException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Whether the schema is still there after the rollback: a schema the failed transaction created is
     * gone, and is not created again just to hold the record. Taken to be there when the connection
     * cannot say.
     */
    private boolean stillThere(StepTransaction tx) {
        try {
            return dialect.schemaExists(tx.connection(), tx.schema());
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Remembers the failure in the schema. Recording is best effort: the connection may be what
     * failed; the migration's own error is what is thrown.
     */
    private void recordFailure(StepTransaction tx, String operation, Revision r, MigrationException failure) {
        try {
            failures.record(tx.connection(), tx.schema(), new LastFailure(operation, r == null ? null : r.id(), null, failure.getMessage()));
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static final String UPGRADE = "upgrade";
    private static final String DOWNGRADE = "downgrade";
    private static final String STAMP = "stamp";
    private static final String CREATE = "create";

    private static String describeHeads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }

    private static void add(List<String> out, String statement) {
        if (statement != null) out.add(statement);
    }
}
