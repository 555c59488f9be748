package dev.retort.internal.runner;

import dev.retort.api.AppliedStep;
import dev.retort.api.LockTimeoutException;
import dev.retort.api.UpgradeResult;
import dev.retort.revision.Revision;
import dev.retort.postgres.PostgresDialect;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two runners on one schema: the lock serialises them. */
class ConcurrencyTest {

    @Test
    void twoConcurrentUpgradesApplyEachRevisionOnceAndBothSucceed(@TempDir Path dir) throws Exception {
        Project p = new Project(TestDatabase.postgres(), dir);
        Revision initial = p.initial();
        // Slow enough that the second runner surely arrives while the first holds the lock.
        Revision slow = p.create("slow", List.of(Project.sql("SELECT pg_sleep(0.5)"), Project.sql("CREATE TABLE ${schema}.s (id int)")));
        String tenant = p.newSchemaName("tenant");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<UpgradeResult>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<UpgradeResult> run = () -> {
                    start.await();
                    return p.retort().upgrade("head", tenant);
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            UpgradeResult first = runs.get(0).get(60, TimeUnit.SECONDS);
            UpgradeResult second = runs.get(1).get(60, TimeUnit.SECONDS);

            List<AppliedStep> all = new ArrayList<>(first.steps());
            all.addAll(second.steps());
            assertThat(all).extracting(AppliedStep::revision).containsExactly(initial, slow);
            assertThat(List.of(first.steps().size(), second.steps().size())).containsExactlyInAnyOrder(0, 2);
            assertThat(List.of(first.schemaCreated(), second.schemaCreated())).containsExactlyInAnyOrder(true, false);
            assertThat(p.versions(tenant)).containsExactly(initial.id(), slow.id() + " head");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockHeldLongerThanTheTimeoutIsOneLine(@TempDir Path dir) throws Exception {
        Project p = new Project(TestDatabase.postgres(), dir);
        p.initial();
        String tenant = p.newSchemaName("tenant");
        PostgresDialect dialect = new PostgresDialect();
        try (Connection other = p.db.connect()) {
            dialect.lockSchema(other, tenant, "retort_version", Duration.ofSeconds(1));

            long start = System.nanoTime();
            assertThatThrownBy(() -> p.retort(Duration.ofMillis(300)).upgrade("head", tenant))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessage("schema " + tenant + " is being migrated by another runner: its lock was not granted within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(p.schemaExists(tenant)).isFalse();

            // Another schema's lock is another key: no wait there.
            String elsewhere = p.newSchemaName("elsewhere");
            assertThat(p.retort(Duration.ofMillis(300)).upgrade("head", elsewhere).steps()).hasSize(1);

            dialect.unlockSchema(other, tenant, "retort_version");
        }
        assertThat(p.retort(Duration.ofMillis(300)).upgrade("head", tenant).steps()).hasSize(1);
    }
}
