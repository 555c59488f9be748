package dev.retort.internal.runner;

import dev.retort.api.MigrationException;
import dev.retort.api.Retort;
import dev.retort.operations.ColumnOps;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.retort.Types.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision's statement queued behind a lock the application holds: cancelling the facade has the
 * server cancel it, the run fails and rolls back, and nothing is left waiting on the server.
 */
class CancelTest {
    private final TestDatabase db = TestDatabase.postgres();

    @Test
    void cancelEndsAStatementWaitingForTheApplicationsLock(@TempDir Path dir) throws Exception {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        String tenant = p.newSchemaName("tenant_cancel");
        p.retort().upgrade("head", tenant);
        p.create("add note", List.of(new ColumnOps.AddColumn(null, "child", dev.retort.Column.of("cancel_me", TEXT))));
        Retort retort = p.retort();

        try (Connection application = db.connect(); Statement st = application.createStatement()) {
            application.setAutoCommit(false);
            st.execute("LOCK TABLE \"" + tenant + "\".child IN ACCESS SHARE MODE");
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> retort.upgrade("head", tenant));
            awaitWaiting(p, true);

            retort.cancel();

            assertThat(run).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(MigrationException.class).withMessageContaining("cancel");
            assertThat(waiting(p)).as("nothing left queued on the server").isZero();
            application.rollback();
        }
        assertThat(p.versions(tenant)).containsExactly(initial.id() + " head");
        assertThat(p.columns(tenant, "child")).doesNotContain("cancel_me");
        p.retort().upgrade("head", tenant);
        assertThat(p.columns(tenant, "child")).contains("cancel_me");
    }

    static void awaitWaiting(Project p, boolean expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((waiting(p) > 0) != expected) {
            if (System.nanoTime() > deadline) throw new AssertionError("no statement came to wait for the lock");
            Thread.sleep(50);
        }
    }

    /** Sessions waiting for a lock while running an ALTER TABLE that adds the column. */
    static int waiting(Project p) {
        return Integer.parseInt(p.strings("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND query LIKE '%cancel_me%' AND pid <> pg_backend_pid()").get(0));
    }
}
