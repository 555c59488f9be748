package dev.retort.cli;

import dev.retort.api.Retort;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While a command works on the database, SIGINT or SIGTERM has the server cancel the statements it
 * is running ({@link Retort#cancel()}), then gives the run a few seconds to roll back and report
 * before the process ends. A statement queued behind the application's lock would otherwise stay on
 * the server after the process is gone, and run when the lock is released.
 */
public final class CancelOnShutdown implements AutoCloseable {
    /** Long enough for a rollback and the failure's report, short enough for an operator's patience. */
    private static final long GRACE_SECONDS = 10;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private CancelOnShutdown(Retort retort) {
        this.hook = new Thread(() -> {
            retort.cancel();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "retort-cancel-on-shutdown");
    }

    public static CancelOnShutdown install(Retort retort) {
        CancelOnShutdown c = new CancelOnShutdown(retort);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
            // The process is already stopping: the hook runs, and finds the work finished.
        }
    }
}
