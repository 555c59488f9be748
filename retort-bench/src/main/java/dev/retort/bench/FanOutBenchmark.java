package dev.retort.bench;

import dev.retort.api.FanOutOptions;
import dev.retort.api.Database;
import dev.retort.internal.fanout.FanOut;
import dev.retort.api.FanOutReport;
import dev.retort.internal.fanout.TenantTask;
import dev.retort.postgres.PostgresDialect;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The fan-out scenario of shared/bench/WORKLOAD.md: the workload's revision applied to T fresh tenant
 * schemas, timed for the physical floor ({@link FloorLoop}), for tasks run through {@link FanOut} with
 * the same number of connections and, when their directories are given, for the peers ({@link Peers}),
 * each in a scratch database of its own that is dropped afterwards. Each run (round) measures every
 * one of them once, in an order that alternates from run to run. Prints the medians of the runs:
 *
 * <pre>
 * floor fanout tables=20 tenants=100 connections=2 seconds=9.812
 * statements fanout tables=20 tenants=100 connections=2 seconds=10.104 ratio=1.03
 * alembic fanout tables=20 tenants=100 seconds=30.120 ratio=3.07
 * statements/alembic fanout tables=20 tenants=100 connections=2 speedup=2.98
 * </pre>
 *
 * A peer's figure is the one it prints, timed inside its own process; the peers migrate one tenant
 * after another whatever {@code --connections} says. Their ratio is to the floor with the largest
 * connection count, and a speed-up is a peer's median divided by a task's, at that connection count.
 * Memory is measured apart, by {@link FanOutMemory}.
 *
 * <p>Arguments (all optional): {@code --url JDBC_URL} (a server where databases can be created; default
 * the local PostgreSQL as user postgres), {@code --tables N}, {@code --tenants T},
 * {@code --connections 1,2,4}, {@code --runs R}, {@code --tasks statements} (the FanOut tasks of
 * {@link FanOutTasks}; {@code none} for the floor alone), {@code --first floor|tasks} (which goes first in
 * the first run; the order alternates from run to run), {@code --alembic DIR} (the Alembic peer's
 * directory, with peer.py), {@code --flyway DIR} (the Flyway peer's Maven project, N=20 only; compiled
 * once before the runs).
 */
public final class FanOutBenchmark {
    private FanOutBenchmark() {
    }

    record Args(String url, int tables, int tenants, List<Integer> connections, int runs, List<String> tasks, boolean tasksFirst,
                Path alembic, Path flyway) {
        static Args parse(String[] argv) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < argv.length; i++) {
                if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                    throw new IllegalArgumentException("expected --NAME VALUE pairs, got " + argv[i]);
                }
                given.put(argv[i].substring(2), argv[++i]);
            }
            Args a = new Args(given.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
                    Integer.parseInt(given.getOrDefault("tables", "20")),
                    Integer.parseInt(given.getOrDefault("tenants", "100")),
                    Arrays.stream(given.getOrDefault("connections", "1,2").split(",")).map(String::strip).map(Integer::valueOf).distinct().toList(),
                    Integer.parseInt(given.getOrDefault("runs", "3")),
                    given.getOrDefault("tasks", "statements").equals("none") ? List.of()
                            : Arrays.stream(given.getOrDefault("tasks", "statements").split(",")).map(String::strip).toList(),
                    given.getOrDefault("first", "floor").equals("tasks"),
                    given.containsKey("alembic") ? Path.of(given.get("alembic")) : null,
                    given.containsKey("flyway") ? Path.of(given.get("flyway")) : null);
            given.keySet().removeAll(List.of("url", "tables", "tenants", "connections", "runs", "tasks", "first", "alembic", "flyway"));
            if (!given.isEmpty()) throw new IllegalArgumentException("unknown options: " + given.keySet());
            if (a.flyway() != null && a.tables() != 20) {
                throw new IllegalArgumentException("the Flyway peer's migration has 20 tables: --flyway needs --tables 20");
            }
            return a;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        System.out.println("load average at start: " + Machine.loadAverage() + " (1, 5, 15 minutes; "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        Map<String, Peers.Peer> peers = new LinkedHashMap<>();
        try {
            try {
                if (args.alembic() != null) add(peers, new Peers.Alembic(args.alembic()));
                if (args.flyway() != null) add(peers, Peers.Flyway.compile(args.flyway()));
                run(args, peers);
            } finally {
                for (Peers.Peer peer : peers.values()) peer.close();
            }
        } catch (Peers.Failed e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.out.println("load average at end: " + Machine.loadAverage());
    }

    private static void add(Map<String, Peers.Peer> peers, Peers.Peer peer) {
        peers.put(peer.name(), peer);
    }

    private static void run(Args args, Map<String, Peers.Peer> peers) throws Exception {
        PostgresDialect dialect = new PostgresDialect();
        Database server = Database.of(args.url());
        WorkloadDdl ddl = WorkloadDdl.of(args.tables(), dialect);
        FanOutTasks.Workload unrendered = new FanOutTasks.Workload(ddl, Map.of());
        for (String task : args.tasks()) FanOutTasks.named(task, unrendered); // unknown names fail before any run
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        String scratch = "retort_bench_" + ProcessHandle.current().pid();

        // One small untimed round first, so that no measured run pays for loading and compiling classes.
        List<String> warmTenants = IntStream.range(0, Math.min(5, args.tenants())).mapToObj(i -> "warm_t" + i).toList();
        try (ScratchDatabase db = ScratchDatabase.create(dialect, server, scratch)) {
            FloorLoop.run(dialect, db.database(), warmTenants.stream().map(ddl::statements).toList(), 1);
            for (String name : args.tasks()) {
                fanOut(db.database(), warmTenants.stream().map(t -> name + "_" + t).toList(), 1, FanOutTasks.named(name, unrendered));
            }
        }

        int largest = Collections.max(args.connections());
        for (int run = 1; run <= args.runs(); run++) {
            for (int c : args.connections()) {
                List<String> tenants = IntStream.range(0, args.tenants()).mapToObj(i -> String.format("bench_t%05d", i)).toList();
                Map<String, List<String>> rendered = new LinkedHashMap<>();
                tenants.forEach(t -> rendered.put(t, ddl.statements(t)));
                FanOutTasks.Workload workload = new FanOutTasks.Workload(ddl, rendered);
                // The order alternates from run to run, so that a drift in the machine's load does not
                // always fall on the same side.
                List<String> order = new ArrayList<>(List.of("floor"));
                order.addAll(args.tasks());
                if (c == largest) order.addAll(peers.keySet());
                if ((run + (args.tasksFirst() ? 1 : 0)) % 2 == 0) Collections.reverse(order);
                for (String name : order) {
                    try (ScratchDatabase db = ScratchDatabase.create(dialect, server, scratch)) {
                        if (peers.containsKey(name)) {
                            Peers.Result r = peers.get(name).fanOut(db.database(), args.tables(), args.tenants());
                            seconds.computeIfAbsent(name, k -> new ArrayList<>()).add(r.seconds());
                            System.err.printf(Locale.ROOT, "run %d/%d %s%n", run, args.runs(), r.line());
                            continue;
                        }
                        double s = name.equals("floor")
                                ? FloorLoop.run(dialect, db.database(), List.copyOf(rendered.values()), c)
                                : fanOut(db.database(), tenants, c, FanOutTasks.named(name, workload));
                        seconds.computeIfAbsent(key(name, c), k -> new ArrayList<>()).add(s);
                        System.err.printf(Locale.ROOT, "run %d/%d %s connections=%d %.3f s%n", run, args.runs(), name, c, s);
                    }
                }
            }
        }

        for (int c : args.connections()) {
            double floor = median(seconds.get(key("floor", c)));
            System.out.printf(Locale.ROOT, "floor fanout tables=%d tenants=%d connections=%d seconds=%.3f%n",
                    args.tables(), args.tenants(), c, floor);
            for (String name : args.tasks()) {
                double s = median(seconds.get(key(name, c)));
                System.out.printf(Locale.ROOT, "%s fanout tables=%d tenants=%d connections=%d seconds=%.3f ratio=%.2f%n",
                        name, args.tables(), args.tenants(), c, s, s / floor);
            }
        }
        if (peers.isEmpty()) return;
        double floor = median(seconds.get(key("floor", largest)));
        for (String peer : peers.keySet()) {
            double s = median(seconds.get(peer));
            System.out.printf(Locale.ROOT, "%s fanout tables=%d tenants=%d seconds=%.3f ratio=%.2f%n",
                    peer, args.tables(), args.tenants(), s, s / floor);
        }
        for (String task : args.tasks()) {
            for (String peer : peers.keySet()) {
                System.out.printf(Locale.ROOT, "%s/%s fanout tables=%d tenants=%d connections=%d speedup=%.2f%n", task, peer,
                        args.tables(), args.tenants(), largest, median(seconds.get(peer)) / median(seconds.get(key(task, largest))));
            }
        }
    }

    /** Times one fan-out: pools opened and closed, tenants resolved, every tenant's task run. */
    private static double fanOut(Database database, List<String> tenants, int connections, TenantTask task) {
        Shard shard = Shard.of(database, new TenantSpec.Listed(tenants));
        long t0 = System.nanoTime();
        FanOutReport report = new FanOut(FanOutOptions.defaults().withJobs(connections)).run(List.of(shard), task);
        double s = (System.nanoTime() - t0) / 1e9;
        if (!report.succeeded()) {
            throw new IllegalStateException("the fan-out failed: " + report.summary() + "; first: " + report.failures().get(0).error());
        }
        return s;
    }

    private static String key(String what, int connections) {
        return what + "/" + connections;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

}
