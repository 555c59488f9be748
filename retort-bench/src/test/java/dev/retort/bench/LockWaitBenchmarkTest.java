package dev.retort.bench;

import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark does what it says, untimed: every tenant upgraded once the held lock is released, with and without a timeout. */
class LockWaitBenchmarkTest {
    @Test
    void everyTenantIsUpgradedAndTheFiguresArePrinted() throws Exception {
        String url = TestDatabase.postgres().jdbcUrl();
        assertThat(LockWaitBenchmark.run(url, 3, 0.5, 0)).startsWith("lock-wait tenants=3 hold=0.5 lock-timeout=none readers-longest-wait=")
                .endsWith(" upgraded=3 failed=0");
        assertThat(LockWaitBenchmark.run(url, 3, 0.5, 100)).contains("lock-timeout=0.1 ").endsWith(" upgraded=3 failed=0");
    }
}
