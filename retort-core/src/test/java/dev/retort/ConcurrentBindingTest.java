package dev.retort;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One shared model, bound to two schemas by many threads at once. */
class ConcurrentBindingTest {
    private static final int THREADS = 8;
    private static final int BINDS = 200;

    @Test
    void everyBindingFromEveryThreadIsCorrect() throws Exception {
        MetaData shared = Fixtures.rich();
        MetaData expectedA = Fixtures.rich().withSchema("tenant_a");
        MetaData expectedB = Fixtures.rich().withSchema("tenant_b");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < BINDS; i++) {
                        boolean a = (thread + i) % 2 == 0;
                        MetaData bound = shared.withSchema(a ? "tenant_a" : "tenant_b");
                        MetaData expected = a ? expectedA : expectedB;
                        if (!bound.tables().equals(expected.tables()) || !bound.sequences().equals(expected.sequences())
                                || !bound.schema().equals(expected.schema())) {
                            throw new AssertionError("thread " + thread + " bind " + i + " got " + bound);
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(BINDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.tables()).isEqualTo(Fixtures.rich().tables());
        assertThat(shared.schema()).isNull();
    }
}
