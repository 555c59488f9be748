package dev.retort.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --report FILE}: every command that takes it writes it, and it is whole JSON in every outcome. */
class ReportFileTest {
    private static final TestDatabase DB = TestDatabase.postgres();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String prefix() {
        return "rf_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_";
    }

    private static JsonNode read(Path file) throws IOException {
        assertThat(file).exists();
        return JSON.readTree(Files.readString(file));
    }

    @Test
    void aRunThatCannotStartStillWritesAWholeReportSayingWhy(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String badUser = DB.jdbcUrl().replaceFirst("user=[^&]*", "user=nobody_here") + (DB.jdbcUrl().contains("user=") ? "" : "&user=nobody_here");
        CliRun run = project.run(Map.of("RETORT_URL", badUser, "RETORT_PASSWORD", "Sup3rS3cret"),
                "upgrade", "--tenants", "a,b", "--report", "up.json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.ERROR);
        JsonNode report = read(dir.resolve("up.json"));
        assertThat(report.get("tenants")).isEmpty();
        assertThat(report.get("error").asText()).isNotBlank().doesNotContain("Sup3rS3cret");
        assertThat(report.get("summary").get("total").asLong()).isZero();

        CliRun typo = project.run("upgrade", "--tenants", prefix() + "*", "--report", "typo.json");
        assertThat(typo.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(read(dir.resolve("typo.json")).get("error").asText()).contains("matches no schema");
    }

    @Test
    void currentAndCheckWriteTheirReports(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        String prefix = prefix();
        DB.execute("CREATE SCHEMA " + prefix + "1", "CREATE SCHEMA " + prefix + "2");
        assertThat(project.run("upgrade", "--tenants", prefix + "1").exitCode()).isEqualTo(ExitCode.OK);

        CliRun current = project.run("current", "--tenants", prefix + "*", "--report", "current.json");
        assertThat(current.exitCode()).as(current.err()).isEqualTo(ExitCode.OK);
        JsonNode c = read(dir.resolve("current.json"));
        assertThat(c.get("report").asText()).isEqualTo("retort current");
        assertThat(c.get("tenants")).hasSize(2);
        for (JsonNode t : c.get("tenants")) {
            if (t.get("tenant").asText().equals(prefix + "1")) {
                assertThat(t.get("heads").get(0).asText()).isEqualTo(initial.id());
                assertThat(t.get("at_head").asBoolean()).isTrue();
            } else {
                assertThat(t.get("version_table").asBoolean()).isFalse();
            }
        }
        assertThat(c.get("summary").get("at_head").asLong()).isEqualTo(1);
        assertThat(c.get("summary").get("no_version_table").asLong()).isEqualTo(1);

        DB.execute("ALTER TABLE " + prefix + "1.test ADD COLUMN extra int");
        CliRun check = project.run("check", "--tenants", prefix + "1", "--report", "check.json");
        assertThat(check.exitCode()).isEqualTo(ExitCode.DIFFERENCES);
        JsonNode k = read(dir.resolve("check.json"));
        assertThat(k.get("tenants")).hasSize(1);
        assertThat(k.get("tenants").get(0).get("clean").asBoolean()).isFalse();
        assertThat(k.get("tenants").get(0).get("drift").toString()).contains("extra");
        assertThat(k.get("summary").get("drifted").asLong()).isEqualTo(1);

        for (String command : List.of("current", "check")) {
            CliRun failed = project.run(command, "--tenants", "query:SELEKT 1", "--report", command + "-failed.json");
            assertThat(failed.exitCode()).isEqualTo(ExitCode.ERROR);
            assertThat(read(dir.resolve(command + "-failed.json")).get("error").asText()).contains("syntax error");
        }
    }
}
