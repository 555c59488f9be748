package dev.retort.internal.runner;

import dev.retort.api.TenantVersion;
import dev.retort.api.FanOutOptions;
import dev.retort.api.Database;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;
import dev.retort.revision.Revision;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner's verbs on many tenants through the fan-out, on the test server. */
class TenantFanOutTest {
    private static final TestDatabase DB = TestDatabase.postgres();
    private static final FanOutOptions JOBS_4 = FanOutOptions.defaults().withJobs(4);

    /** {@code n} empty tenant schemas named PREFIX1..PREFIXn, PREFIX unique to the test. */
    private static List<String> tenants(String prefix, int n) {
        List<String> names = IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
        DB.execute(names.stream().map(s -> "CREATE SCHEMA \"" + s + "\"").toArray(String[]::new));
        return names;
    }

    private static String prefix() {
        return "tf_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_";
    }

    private static Shard byPattern(String prefix) {
        return Shard.of(Database.of(DB.jdbcUrl()), TenantSpec.Pattern.of(prefix + "*"));
    }

    @Test
    void upgradesEveryTenantOfAPatternToHeadAndASecondRunFindsNothingToDo(@TempDir Path dir) {
        Project p = new Project(DB, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        String prefix = prefix();
        List<String> names = tenants(prefix, 20);

        FanOutReport report = p.retort().upgradeTenants("head", false, List.of(byPattern(prefix)), JOBS_4, FanOutListener.none());

        assertThat(report.total()).isEqualTo(20);
        assertThat(report.count(TenantStatus.UPGRADED)).isEqualTo(20);
        assertThat(report.succeeded()).isTrue();
        for (String t : names) {
            assertThat(p.versions(t)).as(t).containsExactly(initial.id(), note.id() + " head");
            assertThat(p.columns(t, "child")).contains("note");
        }

        FanOutReport again = p.retort().upgradeTenants(null, false, List.of(byPattern(prefix)), JOBS_4, FanOutListener.none());
        assertThat(again.count(TenantStatus.UNCHANGED)).isEqualTo(20);
        assertThat(again.count(TenantStatus.UPGRADED)).isZero();
    }

    @Test
    void aFailingTenantFailsAloneAndKeepsItsRevision(@TempDir Path dir) {
        Project p = new Project(DB, dir);
        Revision initial = p.initial();
        String prefix = prefix();
        List<String> names = tenants(prefix, 6);
        // A table the revision wants to create already exists in one tenant: that tenant's transaction fails.
        String broken = names.get(2);
        DB.execute("CREATE TABLE \"" + broken + "\".child (x int)");
        List<TenantOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());

        FanOutReport report = p.retort().upgradeTenants("head", false, List.of(byPattern(prefix)), JOBS_4,
                new FanOutListener() {
                    @Override
                    public void outcome(TenantOutcome outcome) {
                        outcomes.add(outcome);
                    }
                });

        assertThat(report.count(TenantStatus.UPGRADED)).isEqualTo(5);
        assertThat(report.failed()).isEqualTo(1);
        TenantOutcome failure = report.failures().get(0);
        assertThat(failure.tenant()).isEqualTo(broken);
        assertThat(failure.error()).contains("schema " + broken, "rolled back", "already exists").doesNotContain("\n");
        assertThat(p.tables(broken)).as("rolled back, version table included; the failure remembered")
                .containsExactly("child", "retort_version_failure");
        names.stream().filter(t -> !t.equals(broken))
                .forEach(t -> assertThat(p.versions(t)).as(t).containsExactly(initial.id() + " head"));
        TenantOutcome ok = outcomes.stream().filter(o -> o.tenant().equals(names.get(0))).findFirst().orElseThrow();
        assertThat(ok.fromRevision()).isNull();
        assertThat(ok.toRevision()).isEqualTo(initial.id());

        List<TenantVersion> current = p.retort().currentTenants(List.of(byPattern(prefix))).values().iterator().next();
        assertThat(current).filteredOn(v -> v.lastFailure() != null).extracting(TenantVersion::tenant)
                .as("which failed last").containsExactly(broken);
        assertThat(current).filteredOn(v -> v.tenant().equals(broken)).first()
                .satisfies(v -> assertThat(v.lastFailure().error()).isEqualTo(failure.error()));

        DB.execute("DROP TABLE \"" + broken + "\".child");
        assertThat(p.retort().upgradeTenants("head", false, List.of(byPattern(prefix)), JOBS_4, FanOutListener.none()).succeeded()).isTrue();
        assertThat(p.retort().currentTenants(List.of(byPattern(prefix))).values().iterator().next())
                .as("the re-run that succeeded cleared the record").allSatisfy(v -> assertThat(v.lastFailure()).isNull());
    }

    @Test
    void twoFanOutsOnOverlappingTenantsApplyEachRevisionOnceAndBothSucceed(@TempDir Path dir) throws Exception {
        Project p = new Project(DB, dir);
        Revision initial = p.initial();
        // Slow enough that the second fan-out meets the first one's locks.
        Revision slow = p.create("slow", List.of(Project.sql("SELECT pg_sleep(0.2)"), Project.sql("CREATE TABLE ${schema}.s (id int)")));
        String prefix = prefix();
        List<String> names = tenants(prefix, 8);
        Shard all = byPattern(prefix);
        Shard firstSix = Shard.of(Database.of(DB.jdbcUrl()), new TenantSpec.Listed(names.subList(0, 6)));

        CompletableFuture<FanOutReport> a = CompletableFuture.supplyAsync(
                () -> p.retort().upgradeTenants("head", false, List.of(all), JOBS_4, FanOutListener.none()));
        CompletableFuture<FanOutReport> b = CompletableFuture.supplyAsync(
                () -> p.retort().upgradeTenants("head", false, List.of(firstSix), JOBS_4, FanOutListener.none()));
        FanOutReport ra = a.get(120, TimeUnit.SECONDS);
        FanOutReport rb = b.get(120, TimeUnit.SECONDS);

        assertThat(ra.succeeded()).isTrue();
        assertThat(rb.succeeded()).isTrue();
        // The six shared tenants were upgraded by exactly one of the two; the other found them done.
        assertThat(ra.count(TenantStatus.UPGRADED) + rb.count(TenantStatus.UPGRADED)).isEqualTo(8);
        assertThat(ra.count(TenantStatus.UNCHANGED) + rb.count(TenantStatus.UNCHANGED)).isEqualTo(6);
        for (String t : names) {
            assertThat(p.versions(t)).as(t).containsExactly(initial.id(), slow.id() + " head");
        }
    }

    @Test
    void downgradeAndStampOverTenants(@TempDir Path dir) {
        Project p = new Project(DB, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        String prefix = prefix();
        List<String> names = tenants(prefix, 3);
        List<Shard> shards = List.of(byPattern(prefix));
        p.retort().upgradeTenants("head", false, shards, JOBS_4, FanOutListener.none());

        FanOutReport down = p.retort().downgradeTenants(initial.id(), false, shards, JOBS_4, FanOutListener.none());
        assertThat(down.count(TenantStatus.DOWNGRADED)).isEqualTo(3);
        names.forEach(t -> assertThat(p.columns(t, "child")).doesNotContain("note"));

        FanOutReport stamp = p.retort().stampTenants("head", shards, JOBS_4, FanOutListener.none());
        assertThat(stamp.count(TenantStatus.UPGRADED)).isEqualTo(3);
        names.forEach(t -> assertThat(p.versions(t)).as(t).contains(note.id() + " head"));
        names.forEach(t -> assertThat(p.columns(t, "child")).as("stamp runs nothing").doesNotContain("note"));
        FanOutReport again = p.retort().stampTenants("head", shards, JOBS_4, FanOutListener.none());
        assertThat(again.count(TenantStatus.UNCHANGED)).isEqualTo(3);
    }
}
