package dev.retort.bench;

import dev.retort.dialect.Database;
import dev.retort.fanout.FanOut;
import dev.retort.fanout.FanOutReport;
import dev.retort.fanout.TenantResult;
import dev.retort.postgres.PostgresDialect;
import dev.retort.tenants.Shard;
import dev.retort.tenants.TenantSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Memory of the fan-out as the tenants grow: a task that does nothing but borrow a connection, over
 * T made-up tenants, with a {@link HeapProbe}. Prints
 * {@code memory fanout tenants=T connections=C held-kb=K seconds=S}.
 *
 * <p>Arguments: {@code --url JDBC_URL} (as for {@link FanOutBenchmark}), {@code --tenants 1000,10000,100000},
 * {@code --connections 4}.
 */
public final class FanOutMemory {
    private FanOutMemory() {
    }

    public static void main(String[] argv) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        List<Integer> sizes = List.of(1000, 10_000, 100_000);
        int connections = 4;
        for (int i = 0; i + 1 < argv.length; i += 2) {
            switch (argv[i]) {
                case "--url" -> url = argv[i + 1];
                case "--tenants" -> sizes = Arrays.stream(argv[i + 1].split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--connections" -> connections = Integer.parseInt(argv[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + argv[i]);
            }
        }
        PostgresDialect dialect = new PostgresDialect();
        try (ScratchDatabase db = ScratchDatabase.create(dialect, Database.of(url), "retort_bench_memory_" + ProcessHandle.current().pid())) {
            for (int t : sizes) {
                List<String> tenants = IntStream.range(0, t).mapToObj(i -> String.format("tenant_%07d", i)).toList();
                HeapProbe probe = new HeapProbe();
                long t0 = System.nanoTime();
                FanOutReport report = new FanOut(FanOut.Options.defaults().withJobs(connections), probe)
                        .run(List.of(Shard.of(db.database(), new TenantSpec.Listed(tenants))),
                                (c, s, tenant) -> TenantResult.unchanged("head"));
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!report.succeeded()) throw new IllegalStateException(report.summary());
                System.out.printf(Locale.ROOT, "memory fanout tenants=%d connections=%d held-kb=%d seconds=%.3f%n",
                        t, connections, probe.heldKb(), seconds);
            }
        }
    }
}
