package dev.retort.internal.fanout;

import dev.retort.api.FanOutOptions;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;
import dev.retort.internal.tenants.TenantRules;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.api.Database;
import dev.retort.api.DatabaseException;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fan-out on one real PostgreSQL: parallelism, isolation, fail-fast, reports, hostile names, passwords. */
class FanOutPostgresTest {
    private static final Pattern ANY_NAME = Pattern.compile("(?s).+");
    static FreshDatabase db;

    @BeforeAll
    static void database() {
        db = FreshDatabase.create("fanout");
    }

    private static List<String> schemas(String prefix, int n) {
        List<String> names = IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
        db.createSchemas(names.toArray(String[]::new));
        return names;
    }

    private static Shard shard(List<String> tenants) {
        return Shard.of(db.database(), new TenantSpec.Listed(tenants));
    }

    /** Records how many tasks run at once. */
    static final class Concurrency {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        void enter() {
            int n = now.incrementAndGet();
            max.accumulateAndGet(n, Math::max);
        }

        void leave() {
            now.decrementAndGet();
        }
    }

    @Test
    void tenantsRunInParallelButNeverMoreThanJobsAtOnce() {
        List<String> tenants = IntStream.range(0, 40).mapToObj(i -> "fake_" + i).toList();
        Concurrency concurrency = new Concurrency();
        Set<Integer> backends = ConcurrentHashMap.newKeySet();
        FanOutReport report = new FanOut(FanOutOptions.defaults().withJobs(3)).run(List.of(shard(tenants)), (c, s, t) -> {
            concurrency.enter();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backends.add(rs.getInt(1));
                Thread.sleep(20);
            } finally {
                concurrency.leave();
            }
            return TenantResult.unchanged("r1");
        });
        assertThat(report.count(TenantStatus.UNCHANGED)).isEqualTo(40);
        assertThat(concurrency.max.get()).isBetween(2, 3);
        assertThat(backends).hasSizeBetween(2, 3);
    }

    @Test
    void aFailingTenantNeitherStopsNorUndoesTheOthers() {
        List<String> tenants = schemas("iso_", 6);
        List<TenantOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        FanOutReport report = new FanOut(FanOutOptions.defaults().withJobs(2), listener(outcomes))
                .run(List.of(shard(tenants)), FreshDatabase.createTable("iso_t", "iso_3"));

        assertThat(report.count(TenantStatus.UPGRADED)).isEqualTo(5);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.succeeded()).isFalse();
        TenantOutcome failure = report.failures().get(0);
        assertThat(failure.tenant()).isEqualTo("iso_3");
        assertThat(failure.shard()).isEqualTo(Shard.of(db.database(), TenantSpec.parse("x")).name());
        assertThat(failure.error()).isEqualTo("ERROR: revision r1 failed on iso_3");
        // The failed tenant's transaction rolled back; every other tenant has its table.
        assertThat(db.schemasWithTable("iso_t")).containsExactly("iso_1", "iso_2", "iso_4", "iso_5", "iso_6");
        assertThat(outcomes).hasSize(6).allSatisfy(o -> assertThat(o.duration()).isPositive());
        assertThat(outcomes).filteredOn(o -> o.status() == TenantStatus.UPGRADED)
                .allSatisfy(o -> assertThat(o.toRevision()).isEqualTo("r1"));
    }

    @Test
    void failFastSkipsTheTenantsNotYetStarted() {
        List<String> tenants = schemas("ff_", 10);
        AtomicInteger runs = new AtomicInteger();
        TenantTask createTable = FreshDatabase.createTable("ff_t", "ff_3");
        List<TenantOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        FanOutReport report = new FanOut(FanOutOptions.defaults().withJobs(1).withFailFast(true), listener(outcomes))
                .run(List.of(shard(tenants)), (c, s, t) -> {
                    runs.incrementAndGet();
                    return createTable.run(c, s, t);
                });

        assertThat(runs).hasValue(3);
        assertThat(report.count(TenantStatus.UPGRADED)).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(7);
        assertThat(report.total()).isEqualTo(10);
        assertThat(outcomes).filteredOn(o -> o.status() == TenantStatus.SKIPPED).hasSize(7)
                .allSatisfy(o -> assertThat(o.error()).isEqualTo("not run: another tenant failed (fail-fast)"));
        assertThat(db.schemasWithTable("ff_t")).containsExactly("ff_1", "ff_2");
    }

    @Test
    void theJsonReportListsEveryTenantAndTheSummary(@TempDir Path dir) throws IOException {
        List<String> tenants = schemas("rep_", 5);
        Path file = dir.resolve("report.json");
        FanOutReport report;
        try (JsonReportWriter json = JsonReportWriter.create(file)) {
            report = new FanOut(FanOutOptions.defaults().withJobs(2), json)
                    .run(List.of(shard(tenants)), FreshDatabase.createTable("rep_t", "rep_2"));
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<String> listed = new ArrayList<>();
        root.get("tenants").forEach(t -> listed.add(t.get("tenant").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(tenants);
        root.get("tenants").forEach(t -> {
            boolean failed = t.get("tenant").asText().equals("rep_2");
            assertThat(t.get("status").asText()).isEqualTo(failed ? "failed" : "upgraded");
            assertThat(t.get("error").isNull()).isEqualTo(!failed);
            assertThat(t.get("shard").asText()).startsWith("postgresql://");
            assertThat(t.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
        });
        JsonNode summary = root.get("summary");
        assertThat(summary.get("total").asLong()).isEqualTo(5);
        assertThat(summary.get("upgraded").asLong()).isEqualTo(4);
        assertThat(summary.get("failed").asLong()).isEqualTo(report.failed()).isEqualTo(1);
    }

    @Test
    void hostileNamesAreQuotedIdentifiersAndNothingElseIsTouched() {
        List<String> hostile = List.of("\"; DROP SCHEMA public CASCADE; --", "it's; DROP TABLE public.sentinel; --",
                "Ünïcødé_テナント", "a\"b", "UPPER lower", "x".repeat(63), "ab\ncd");
        db.execute("CREATE TABLE public.sentinel (id integer)");
        db.createSchemas(hostile.toArray(String[]::new));
        // Quoting alone must hold: the pattern that would refuse these names is opened up.
        FanOutReport report = new FanOut(FanOutOptions.defaults().withJobs(2), ANY_NAME, FanOutListener.none())
                .run(List.of(shard(hostile)), FreshDatabase.createTable("hostile_t", null));

        assertThat(report.count(TenantStatus.UPGRADED)).isEqualTo(hostile.size());
        assertThat(db.schemasWithTable("hostile_t")).containsExactlyInAnyOrderElementsOf(hostile);
        assertThat(db.schemasWithTable("sentinel")).containsExactly("public");
        // A pattern finds them in the catalog as the names they are.
        Shard byPattern = Shard.of(db.database(), TenantSpec.parse("*DROP*"));
        try (ShardPools pools = ShardPools.open(List.of(byPattern), 1)) {
            assertThat(pools.resolveTenants(new TenantRules(ANY_NAME, false)).get(0).tenants())
                    .containsExactlyInAnyOrder(hostile.get(0), hostile.get(1));
        }
    }

    @Test
    void aConnectionWhoseTaskFailedIsNotReused() {
        List<String> tenants = List.of("ev_a", "ev_b", "ev_c", "ev_d");
        Map<String, Integer> backend = new ConcurrentHashMap<>();
        new FanOut(FanOutOptions.defaults().withJobs(1)).run(List.of(shard(tenants)), (c, s, t) -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backend.put(t, rs.getInt(1));
            }
            if (t.equals("ev_c")) throw new SQLException("left a lock behind");
            return TenantResult.unchanged(null);
        });
        assertThat(backend.get("ev_b")).isEqualTo(backend.get("ev_a"));
        assertThat(backend.get("ev_d")).isNotEqualTo(backend.get("ev_c"));
    }

    @Test
    void noPasswordInOutcomesErrorsReportsOrLogs(@TempDir Path dir) throws IOException {
        String secret = "Pa55-w0rd-" + Integer.toHexString(System.identityHashCode(this));
        List<String> tenants = schemas("pw_", 3);
        // The embedded server trusts local connections, so the password is carried but never checked.
        Database withPassword = new Database(db.url(), "postgres", secret);
        Shard shard = Shard.of(withPassword, new TenantSpec.Listed(tenants));
        Path file = dir.resolve("report.json");
        List<TenantOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        FanOutReport report;
        try (JsonReportWriter json = JsonReportWriter.create(file)) {
            report = new FanOut(FanOutOptions.defaults().withJobs(2), FanOutListener.all(json, listener(outcomes)))
                    .run(List.of(shard), (c, s, t) -> {
                        if (t.equals("pw_1")) throw new SQLException("login to " + db.url() + "&password=" + secret + " failed\nfor " + secret);
                        if (t.equals("pw_2")) return TenantResult.failed("the password is " + secret);
                        throw new IllegalStateException(null, new RuntimeException("cause quoting " + secret));
                    });
        }
        assertThat(report.failed()).isEqualTo(3);
        assertThat(outcomes).extracting(TenantOutcome::error)
                .containsExactlyInAnyOrder("login to " + db.url() + "&password=*** failed",
                        "the password is ***", "cause quoting ***");
        assertThat(report.failures()).allSatisfy(o -> assertThat(o.toString()).doesNotContain(secret));
        assertThat(report.summary()).doesNotContain(secret);
        assertThat(shard.toString()).doesNotContain(secret);
        assertThat(Files.readString(file)).doesNotContain(secret).contains("***");

        // An unreachable shard, with the password in its URL this time.
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Shard down = Shard.of(Database.of("jdbc:postgresql://127.0.0.1:" + port + "/app?user=u&password=" + secret
                + "&connectTimeout=2"), TenantSpec.parse("a"));
        assertThatThrownBy(() -> new FanOut(FanOutOptions.defaults()).run(List.of(down), (c, s, t) -> TenantResult.unchanged(null)))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("shard postgresql://127.0.0.1:" + port + "/app: cannot connect to PostgreSQL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));

        // The pool logs at debug in these tests (src/test/resources/simplelogger.properties).
        String logs = Files.readString(Path.of("target", "test-logs.log"), StandardCharsets.UTF_8);
        assertThat(logs).contains("retort postgresql://").contains("pw_1").doesNotContain(secret);
    }

    @Test
    void theReportStaysTheSameSizeWhateverTheNumberOfTenants() {
        int n = 5000;
        List<String> tenants = IntStream.range(0, n).mapToObj(i -> String.format("fake_%05d", i)).toList();
        Set<String> seen = new HashSet<>();
        FanOutListener counting = new FanOutListener() {
            @Override
            public void outcome(TenantOutcome outcome) {
                seen.add(outcome.tenant()); // called one at a time: no locking needed
            }
        };
        // Every hundredth fails (a failed task's connection is replaced, which costs a connect).
        FanOutReport report = new FanOut(FanOutOptions.defaults().withJobs(4).withMaxFailuresListed(10), counting)
                .run(List.of(shard(tenants)), (c, s, t) -> t.endsWith("00") ? TenantResult.failed("boom " + t) : TenantResult.unchanged("r1"));

        assertThat(seen).hasSize(n);
        assertThat(report.total()).isEqualTo(n);
        assertThat(report.count(TenantStatus.UNCHANGED)).isEqualTo(n - n / 100);
        assertThat(report.failed()).isEqualTo(n / 100);
        assertThat(report.failures()).hasSize(10);
        assertThat(report.failuresNotListed()).isEqualTo(n / 100 - 10);
        // Structurally: counters, the bounded failures, and nothing that lists every tenant.
        assertThat(List.of(FanOutReport.class.getRecordComponents())).extracting(RecordComponent::getName)
                .containsExactly("shards", "total", "counts", "failures", "failuresNotListed", "elapsed");
        assertThat(report.counts()).hasSize(TenantStatus.values().length);
    }

    private static FanOutListener listener(List<TenantOutcome> into) {
        return new FanOutListener() {
            @Override
            public void outcome(TenantOutcome outcome) {
                into.add(outcome);
            }
        };
    }
}
