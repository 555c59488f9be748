package dev.retort.internal.fanout;

import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportWriterTest {

    @Test
    void writesEveryOutcomeOnItsLineThenTheSummary() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String hostile = "\"; DROP SCHEMA public CASCADE; --\n\u0001Ü";
        try (JsonReportWriter w = JsonReportWriter.to(bytes)) {
            w.started(1, 2);
            w.outcome(new TenantOutcome("db", hostile, TenantStatus.UPGRADED, null, "r2", null, Duration.ofMillis(84)));
            w.outcome(new TenantOutcome("db", "b", TenantStatus.FAILED, "r1", "r1", "boom \"x\"", Duration.ofMillis(5)));
            w.finished(new FanOutReport(1, 2, Map.of(TenantStatus.UPGRADED, 1L, TenantStatus.FAILED, 1L), List.of(), 0,
                    Duration.ofMillis(1500)));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(4);
        JsonNode root = new ObjectMapper().readTree(text);
        assertThat(root.get("shards").asInt()).isEqualTo(1);
        JsonNode tenants = root.get("tenants");
        assertThat(tenants).hasSize(2);
        assertThat(tenants.get(0).get("tenant").asText()).isEqualTo(hostile);
        assertThat(tenants.get(0).get("from").isNull()).isTrue();
        assertThat(tenants.get(0).get("to").asText()).isEqualTo("r2");
        assertThat(tenants.get(0).get("seconds").asDouble()).isEqualTo(0.084);
        assertThat(tenants.get(1).get("status").asText()).isEqualTo("failed");
        assertThat(tenants.get(1).get("error").asText()).isEqualTo("boom \"x\"");
        JsonNode summary = root.get("summary");
        assertThat(summary.get("total").asInt()).isEqualTo(2);
        assertThat(summary.get("upgraded").asInt()).isEqualTo(1);
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("skipped").asInt()).isZero();
        assertThat(summary.get("seconds").asDouble()).isEqualTo(1.5);
    }

    @Test
    void anEmptyRunIsValidJson() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonReportWriter w = JsonReportWriter.to(bytes)) {
            w.started(0, 0);
            w.finished(new FanOutReport(0, 0, Map.of(), List.of(), 0, Duration.ZERO));
        }
        JsonNode root = new ObjectMapper().readTree(bytes.toByteArray());
        assertThat(root.get("tenants")).isEmpty();
        assertThat(root.get("summary").get("total").asInt()).isZero();
    }
}
