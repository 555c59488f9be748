package dev.retort.internal.runner;

import dev.retort.api.DdlTimeouts;
import dev.retort.internal.revision.RevisionReader;
import java.util.function.Function;

import dev.retort.api.DowngradeResult;
import dev.retort.api.StampResult;
import dev.retort.api.UpgradeResult;
import dev.retort.spi.Dialect;
import dev.retort.internal.fanout.TenantResult;
import dev.retort.internal.fanout.TenantTask;
import dev.retort.internal.revision.RevisionGraph;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The runner's verbs as fan-out tasks: each tenant is brought to the target by a {@link Runner} on
 * the fan-out's pooled connection, exactly as in single-schema mode (the schema's advisory lock, one
 * transaction per revision). A second runner working on the same tenant waits for the lock and then
 * finds nothing left to do, so overlapping fan-outs apply each revision once.
 *
 * <p>A failure is thrown, not returned: the fan-out turns the exception's first line into the
 * tenant's error and closes the connection rather than reusing it.
 */
public final class TenantMigrations {
    private final Dialect dialect;
    private final String versionTable;
    private final Duration lockTimeout;
    private final RevisionGraph graph;
    private final Cancellation cancellation;
    private DdlTimeouts ddl = DdlTimeouts.DEFAULTS;
    private Function<String, RevisionReader.Read> files = id -> null;

    public TenantMigrations(Dialect dialect, String versionTable, Duration lockTimeout, RevisionGraph graph, Cancellation cancellation) {
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.versionTable = Objects.requireNonNull(versionTable, "version table");
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lock timeout");
        this.graph = Objects.requireNonNull(graph, "revision graph");
    }

    /** Bounds the revisions' statements as {@link Runner#ddl} does. */
    public TenantMigrations ddl(DdlTimeouts defaults, Function<String, RevisionReader.Read> revisionFiles) {
        this.ddl = Objects.requireNonNull(defaults, "DDL timeouts");
        this.files = Objects.requireNonNull(revisionFiles, "files");
        return this;
    }

    /** Brings each tenant to {@code target}: UPGRADED with the heads before and after, or UNCHANGED. */
    public TenantTask upgrade(String target, boolean force) {
        return (connection, shard, tenant) -> {
            UpgradeResult r = runner(connection).upgrade(graph, target, tenant, force);
            return r.steps().isEmpty()
                    ? TenantResult.unchanged(heads(r.headsAfter()))
                    : TenantResult.upgraded(heads(r.headsBefore()), heads(r.headsAfter()));
        };
    }

    /** Takes each tenant down to {@code target}: DOWNGRADED, or UNCHANGED. */
    public TenantTask downgrade(String target, boolean force) {
        return (connection, shard, tenant) -> {
            DowngradeResult r = runner(connection).downgrade(graph, target, tenant, force);
            return r.steps().isEmpty()
                    ? TenantResult.unchanged(heads(r.headsAfter()))
                    : TenantResult.downgraded(heads(r.headsBefore()), heads(r.headsAfter()));
        };
    }

    /**
     * Records {@code target} in each tenant's version table without running revisions: UNCHANGED when
     * it already said so, else UPGRADED (the record moved; nothing else ran).
     */
    public TenantTask stamp(String target) {
        return (connection, shard, tenant) -> {
            StampResult r = runner(connection).stamp(graph, target, tenant);
            String before = heads(r.headsBefore());
            String after = heads(r.headsAfter());
            return !r.schemaCreated() && Objects.equals(before, after)
                    ? TenantResult.unchanged(after)
                    : TenantResult.upgraded(before, after);
        };
    }

    private Runner runner(java.sql.Connection connection) {
        return new Runner(dialect, new BorrowedConnection(connection), versionTable, lockTimeout, cancellation).ddl(ddl, files);
    }

    /** Heads as one text ({@code a1,b2}), null for none (base). */
    static String heads(List<String> heads) {
        return heads.isEmpty() ? null : String.join(",", heads);
    }
}
