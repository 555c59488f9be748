package dev.retort.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** upgrade, downgrade and stamp with {@code --tenants} through {@code Main}, on the test server. */
class TenantCommandsTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    private static List<String> tenants(String prefix, int n) {
        List<String> names = IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
        DB.execute(names.stream().map(s -> "CREATE SCHEMA \"" + s + "\"").toArray(String[]::new));
        return names;
    }

    private static String prefix() {
        return "tc_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_";
    }

    @Test
    void upgradeByPatternListsTheFailedTenantWritesTheReportAndExitsOne(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        String prefix = prefix();
        List<String> names = tenants(prefix, 5);
        String broken = names.get(1);
        DB.execute("CREATE TABLE \"" + broken + "\".test (x int)");

        CliRun up = project.run("upgrade", "--tenants", "pattern:" + prefix + "*", "--jobs", "2", "--report", "report.json");

        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCode.ERROR);
        assertThat(up.outLines()).hasSize(2);
        assertThat(up.outLines().get(0)).startsWith("failed " + broken + " on ").contains("already exists");
        assertThat(up.outLines().get(1)).matches("5 tenants on 1 shard in [0-9.]+ s: 4 upgraded, 1 failed");
        names.stream().filter(t -> !t.equals(broken))
                .forEach(t -> assertThat(project.tables(t)).as(t).containsExactly("child", "retort_version", "test"));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.get("tenants")).hasSize(5);
        assertThat(report.get("summary").get("failed").asInt()).isEqualTo(1);
        for (JsonNode t : report.get("tenants")) {
            if (t.get("tenant").asText().equals(broken)) {
                assertThat(t.get("status").asText()).isEqualTo("failed");
            } else {
                assertThat(t.get("status").asText()).isEqualTo("upgraded");
                assertThat(t.get("to").asText()).isEqualTo(initial.id());
            }
        }

        CliRun current = project.run("current", "--tenants", "pattern:" + prefix + "*");
        assertThat(current.exitCode()).as(current.err()).isEqualTo(ExitCode.OK);
        assertThat(current.outLines()).hasSize(6);
        assertThat(current.outLines().subList(0, 6)).containsExactly("5 tenants on 1 shard", "  4 at " + initial.id() + " (head)",
                "  1 no version table", "without a version table: " + broken, "failed last: 1 tenant",
                current.outLines().get(5));
        assertThat(current.outLines().get(5)).matches("  " + broken + " \\(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\): schema "
                + broken + ": revision " + initial.id() + " .* failed and was rolled back .*already exists");
        CliRun one = project.run("current", "--schema", broken);
        assertThat(one.outLines()).containsExactly(broken + ": base (no version table)", one.outLines().get(1));
        assertThat(one.outLines().get(1)).startsWith(broken + ": the last run failed (").endsWith("already exists");

        // Repaired, a re-run finishes the rest: the others are already at head.
        DB.execute("DROP TABLE \"" + broken + "\".test");
        CliRun again = project.run("upgrade", "--tenants", "pattern:" + prefix + "*");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCode.OK);
        assertThat(again.outLines()).singleElement().asString().matches("5 tenants on 1 shard in [0-9.]+ s: 1 upgraded, 4 unchanged, 0 failed");
        assertThat(project.run("current", "--tenants", "pattern:" + prefix + "*").outLines())
                .containsExactly("5 tenants on 1 shard", "  5 at " + initial.id() + " (head)");
    }

    @Test
    void downgradeAndStampTakeAListOfTenants(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String prefix = prefix();
        List<String> names = tenants(prefix, 3);
        String list = String.join(",", names);
        assertThat(project.run("upgrade", "--tenants", list).exitCode()).isEqualTo(ExitCode.OK);

        CliRun down = project.run("downgrade", "base", "--tenants", list);
        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCode.OK);
        assertThat(down.outLines()).singleElement().asString().contains("3 downgraded");
        names.forEach(t -> assertThat(project.tables(t)).containsExactly("retort_version"));

        CliRun stamp = project.run("stamp", "head", "--tenants", list);
        assertThat(stamp.exitCode()).as(stamp.err()).isEqualTo(ExitCode.OK);
        assertThat(stamp.outLines()).singleElement().asString().contains("3 upgraded");
        names.forEach(t -> assertThat(project.tables(t)).as("stamp runs nothing").containsExactly("retort_version"));
    }

    @Test
    void tenantsAndSchemaTogetherOrWithSqlAreUsageErrors(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        project.initial();

        CliRun both = project.run("upgrade", "--tenants", "a,b", "--schema", "a");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err()).contains("give either --schema or --tenants, not both");
        CliRun sql = project.run("upgrade", "--tenants", "a,b", "--sql");
        assertThat(sql.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(sql.err()).contains("--sql works on one schema");
    }

    @Test
    void currentPrintsTheMatrixAndCheckListsTheDriftedTenantAndExitsThree(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        String prefix = prefix();
        List<String> names = tenants(prefix, 4);
        String spec = "pattern:" + prefix + "*";
        assertThat(project.run("upgrade", "--tenants", spec).exitCode()).isEqualTo(ExitCode.OK);
        String bare = prefix + "9";
        DB.execute("CREATE SCHEMA \"" + bare + "\"");

        CliRun current = project.run("current", "--tenants", spec);
        assertThat(current.exitCode()).as(current.err()).isEqualTo(ExitCode.OK);
        assertThat(current.outLines()).containsExactly("5 tenants on 1 shard", "  4 at " + initial.id() + " (head)",
                "  1 no version table", "without a version table: " + bare);

        String missing = prefix + "8";
        CliRun listed = project.run("current", "--tenants", names.get(0) + "," + bare + "," + missing);
        assertThat(listed.exitCode()).as(listed.err()).isEqualTo(ExitCode.OK);
        assertThat(listed.outLines()).as("a missing schema is not listed as one without a version table")
                .containsExactly("3 tenants on 1 shard", "  1 at " + initial.id() + " (head)", "  1 no version table",
                        "  1 schema does not exist", "without a version table: " + bare, "schema does not exist: " + missing);

        DB.execute("DROP SCHEMA \"" + bare + "\"");
        CliRun clean = project.run("check", "--tenants", spec);
        assertThat(clean.exitCode()).as(clean.err()).isEqualTo(ExitCode.OK);
        assertThat(clean.outLines()).containsExactly("4 tenants on 1 shard: 4 clean, 0 drifted, 0 behind head");

        DB.execute("ALTER TABLE \"" + names.get(2) + "\".test ADD COLUMN extra text");
        CliRun drifted = project.run("check", "--tenants", spec);
        assertThat(drifted.exitCode()).as(drifted.err()).isEqualTo(ExitCode.DIFFERENCES);
        assertThat(drifted.outLines()).containsExactly(names.get(2) + ": drift: ! drop column test.extra",
                "4 tenants on 1 shard: 3 clean, 1 drifted, 0 behind head");
    }

    @Test
    void failFastSkipsTheTenantsNotYetStarted(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String prefix = prefix();
        List<String> names = tenants(prefix, 4);
        DB.execute("CREATE TABLE \"" + names.get(0) + "\".test (x int)");

        CliRun up = project.run("upgrade", "--tenants", String.join(",", names), "--jobs", "1", "--fail-fast");

        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCode.ERROR);
        assertThat(up.outLines().get(up.outLines().size() - 1)).matches("4 tenants on 1 shard in [0-9.]+ s: 1 failed, 3 skipped");
        names.subList(1, 4).forEach(t -> assertThat(project.tables(t)).as(t).isEmpty());
    }

    @Test
    void allTenantsTakesTheConfigurationsSectionWithItsShards(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String prefix = prefix();
        List<String> here = tenants(prefix, 2);
        String shardUrl = DB.createDatabase("shard");
        String remote = prefix + "remote";
        try (java.sql.Connection c = TestDatabase.dataSource(shardUrl).getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA \"" + remote + "\"");
        }
        Files.writeString(dir.resolve("retort.yaml"), Files.readString(dir.resolve("retort.yaml"))
                + "tenants:\n  pattern: " + prefix + "*\n  shards:\n    - url: '" + shardUrl + "'\n      tenants: [" + remote + "]\n");

        CliRun up = project.run("upgrade", "--all-tenants");
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCode.OK);
        assertThat(up.outLines()).singleElement().asString().contains("3 tenants on 2 shards").contains("3 upgraded");
        here.forEach(t -> assertThat(project.tables(t)).as(t).containsExactly("child", "retort_version", "test"));
        try (java.sql.Connection c = TestDatabase.dataSource(shardUrl).getConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + remote + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the shard's tenant is migrated on the shard").isEqualTo(3);
        }
        assertThat(project.run("check", "--all-tenants").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(project.run("upgrade", "--all-tenants", "--tenants", "a").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
