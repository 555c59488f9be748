package dev.retort.bench;

import dev.retort.api.FanOutOptions;
import dev.retort.MetaData;
import dev.retort.compare.CompareOptions;
import dev.retort.compare.Differ;
import dev.retort.api.Database;
import dev.retort.internal.fanout.FanOut;
import dev.retort.api.FanOutReport;
import dev.retort.api.TenantStatus;
import dev.retort.postgres.PostgresDialect;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadDdlTest {
    static final PostgresDialect DIALECT = new PostgresDialect();

    @Test
    void theStatementsCreateTheTenantSchemaThenTheWorkloadInIt() {
        List<String> sql = WorkloadDdl.of(20, DIALECT).statements("tenant \"1\"");
        assertThat(sql.get(0)).isEqualTo("CREATE SCHEMA \"tenant \"\"1\"\"\"");
        assertThat(sql).filteredOn(s -> s.startsWith("CREATE TABLE")).hasSize(20)
                .allSatisfy(s -> assertThat(s).startsWith("CREATE TABLE \"tenant \"\"1\"\"\"."));
        assertThat(sql).filteredOn(s -> s.startsWith("CREATE INDEX")).hasSize(39);
        assertThat(WorkloadDdl.of(20, DIALECT).operations()).allSatisfy(op -> assertThat(op.describe()).doesNotContain("bench_placeholder"));
    }

    @Test
    void theFloorAndTheFanOutTaskEachBuildTheModelExactly() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        Database database = Database.of(db.createDatabase("bench_ddl"));
        WorkloadDdl ddl = WorkloadDdl.of(3, DIALECT);
        double seconds = FloorLoop.run(DIALECT, database, List.of(ddl.statements("floor_a"), ddl.statements("floor_b")), 2);
        assertThat(seconds).isPositive();
        FanOutReport report = new FanOut(FanOutOptions.defaults().withJobs(2))
                .run(List.of(Shard.of(database, TenantSpec.parse("task_a,task_b"))), FanOutTasks.named("statements", new FanOutTasks.Workload(ddl, java.util.Map.of())));
        assertThat(report.count(TenantStatus.UPGRADED)).isEqualTo(2);
        FanOutReport runner = new FanOut(FanOutOptions.defaults().withJobs(2))
                .run(List.of(Shard.of(database, TenantSpec.parse("retort_a,retort_b"))), FanOutTasks.named("retort", new FanOutTasks.Workload(ddl, java.util.Map.of())));
        assertThat(runner.count(TenantStatus.UPGRADED)).as(runner.summary()).isEqualTo(2);

        List<String> tenants = List.of("floor_a", "floor_b", "task_a", "task_b", "retort_a", "retort_b");
        try (Connection c = DIALECT.connect(database)) {
            // The runner's version table is the one thing the retort task adds, and belongs to no model.
            Map<String, dev.retort.compare.Diff> diffs = dev.retort.internal.autogenerate.Autogenerate.with(DIALECT)
                    .ignoringTables(List.of("retort_version")).autogenerateEach(c, WorkloadModel.of(3), tenants);
            for (String t : tenants) assertThat(diffs.get(t).operations()).as(t).isEmpty();
            assertThat(DIALECT.reflect(c, List.of("retort_a")).get("retort_a").tables()).hasSize(4);
        }
    }
}
