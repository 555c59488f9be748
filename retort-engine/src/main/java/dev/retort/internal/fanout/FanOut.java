package dev.retort.internal.fanout;

import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutOptions;
import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;
import dev.retort.api.Shard;
import dev.retort.internal.tenants.ShardTenants;
import dev.retort.internal.tenants.TenantRules;
import dev.retort.api.TenantNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Runs a {@link TenantTask} for every tenant of every shard, the shards side by side and, within
 * each, up to {@code jobs} tenants at once (the shard's pool has that many connections). Each of a
 * shard's worker threads takes the next tenant from the shard's list until none is left, so nothing
 * per tenant is queued or kept: outcomes go to the listener as they come and only counters and the
 * first failures stay in memory ({@link FanOutReport}).
 *
 * <p>A failing tenant does not stop the others, nor undo them. Under fail-fast, the first failure
 * stops the run: tenants already started finish, the rest are reported {@link TenantStatus#SKIPPED}.
 */
public final class FanOut {
    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private final FanOutOptions options;
    private final Pattern tenantNames;
    private final FanOutListener listener;

    /** @param tenantNames the pattern every tenant name must match ({@link TenantNames#check}) */
    public FanOut(FanOutOptions options, Pattern tenantNames, FanOutListener listener) {
        this.options = options;
        this.tenantNames = Objects.requireNonNull(tenantNames, "tenantNames");
        this.listener = listener;
    }

    /** A fan-out over tenants whose names match {@link TenantNames#DEFAULT_PATTERN}. */
    public FanOut(FanOutOptions options, FanOutListener listener) {
        this(options, TenantNames.DEFAULT_PATTERN, listener);
    }

    public FanOut(FanOutOptions options) {
        this(options, FanOutListener.none());
    }

    public FanOutOptions options() {
        return options;
    }

    /**
     * Opens a pool per shard, resolves every shard's tenants, then runs the task for each; the pools
     * are closed at the end.
     *
     * @throws ConfigurationException for a tenant name the database cannot hold, before any tenant runs
     * @throws dev.retort.api.DatabaseException when a shard cannot be reached or its tenants read
     */
    public FanOutReport run(List<Shard> shards, TenantTask task) {
        try (ShardPools pools = ShardPools.open(shards, options.jobs())) {
            return run(pools, pools.resolveTenants(new TenantRules(tenantNames, options.allowEmpty())), task);
        }
    }

    /**
     * Runs the task for every resolved tenant on the given pools.
     *
     * @throws IllegalStateException when a listener failed (the run stopped; its cause says why)
     */
    public FanOutReport run(ShardPools pools, List<ShardTenants> work, TenantTask task) {
        Run run = new Run(pools, task);
        long total = work.stream().mapToLong(w -> w.tenants().size()).sum();
        long start = System.nanoTime();
        run.notify(() -> listener.started(work.size(), total));
        List<Thread> threads = new ArrayList<>();
        int shardIndex = 0;
        for (ShardTenants w : work) {
            shardIndex++;
            ShardPools.Pool pool = pools.pool(w.shard());
            AtomicInteger next = new AtomicInteger();
            int workers = Math.min(options.jobs(), w.tenants().size());
            for (int i = 0; i < workers; i++) {
                Thread t = new Thread(() -> run.work(pool, w.tenants(), next), "retort-fanout-" + shardIndex + "-" + (i + 1));
                t.setDaemon(true);
                threads.add(t);
            }
        }
        threads.forEach(Thread::start);
        joinAll(threads, run);
        FanOutReport report = run.tally.report(work.size(), total, Duration.ofNanos(System.nanoTime() - start));
        run.notify(() -> listener.finished(report));
        if (run.listenerFailure != null) {
            throw new IllegalStateException("the fan-out stopped: " + run.listenerFailure.getMessage(), run.listenerFailure);
        }
        if (run.fatal != null) throw run.fatal;
        return report;
    }

    /** Waits for the workers; an interrupt stops the run (started tenants finish) and is passed on. */
    private static void joinAll(List<Thread> threads, Run run) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    run.stop.set(true);
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The shared state of one run. Outcomes and listener calls are serialised on {@code this}. */
    private final class Run {
        final ShardPools pools;
        final TenantTask task;
        final AtomicBoolean stop = new AtomicBoolean();
        final Tally tally = new Tally(options.maxFailuresListed());
        volatile RuntimeException listenerFailure;
        volatile Error fatal;

        Run(ShardPools pools, TenantTask task) {
            this.pools = pools;
            this.task = task;
        }

        void work(ShardPools.Pool pool, List<String> tenants, AtomicInteger next) {
            for (int i = next.getAndIncrement(); i < tenants.size(); i = next.getAndIncrement()) {
                String tenant = tenants.get(i);
                if (stop.get()) {
                    emit(outcome(pool.shard().name(), tenant, TenantResult.skipped(skipReason()), Duration.ZERO));
                    continue;
                }
                long t0 = System.nanoTime();
                TenantResult result = runOne(pool, tenant);
                TenantResult clean = new TenantResult(result.status(), result.fromRevision(), result.toRevision(),
                        Errors.oneLine(result.error(), pool.redactor()));
                if (clean.status() == TenantStatus.FAILED && options.failFast()) stop.set(true);
                emit(outcome(pool.shard().name(), tenant, clean, Duration.ofNanos(System.nanoTime() - t0)));
            }
        }

        private TenantResult runOne(ShardPools.Pool pool, String tenant) {
            Shard shard = pool.shard();
            Connection connection;
            try {
                connection = pool.dataSource().getConnection();
            } catch (SQLException e) {
                return TenantResult.failed("no connection to shard " + shard.name() + ": " + Errors.oneLine(e, pool.redactor()));
            }
            boolean keep = false;
            try {
                TenantResult result = task.run(connection, shard, tenant);
                if (result == null) return TenantResult.failed("the task returned no result");
                keep = result.status() != TenantStatus.FAILED;
                return result;
            } catch (VirtualMachineError e) {
                fatal = e;
                stop.set(true);
                throw e;
            } catch (Throwable e) {
                // Only the cleaned line: the exception itself, or its stack, could quote a password.
                String error = Errors.oneLine(e, pool.redactor());
                LOG.debug("tenant {} of shard {} failed: {}", TenantNames.display(tenant), shard.name(), error);
                return TenantResult.failed(error);
            } finally {
                // A failed task may leave session state behind (a lock, an open transaction): the
                // connection is closed rather than handed to the next tenant. Evicting an open pooled
                // connection closes it at once (the server rolls back), so it must not be closed again.
                if (keep) close(connection);
                else pool.dataSource().evictConnection(connection);
            }
        }

        private String skipReason() {
            if (listenerFailure != null) return "not run: the fan-out stopped (" + listenerFailure.getMessage() + ")";
            if (fatal != null) return "not run: the fan-out stopped (" + fatal + ")";
            return options.failFast() ? "not run: another tenant failed (fail-fast)" : "not run: the fan-out was interrupted";
        }

        private void emit(TenantOutcome outcome) {
            synchronized (this) {
                tally.add(outcome);
                if (listenerFailure == null) notify(() -> listener.outcome(outcome));
            }
        }

        synchronized void notify(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                if (listenerFailure == null) listenerFailure = e;
                stop.set(true);
            }
        }
    }

    private static TenantOutcome outcome(String shard, String tenant, TenantResult result, Duration duration) {
        return new TenantOutcome(shard, tenant, result.status(), result.fromRevision(), result.toRevision(),
                result.error(), duration);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // returning a connection to the pool does not fail in a way the tenant's outcome should show
        }
    }
}
