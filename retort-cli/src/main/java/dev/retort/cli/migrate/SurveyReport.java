package dev.retort.cli.migrate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.retort.api.CheckResult;
import dev.retort.api.EditedRevision;
import dev.retort.api.LastFailure;
import dev.retort.api.TenantVersion;
import dev.retort.revision.Revision;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --report FILE.json} of {@code current} and {@code check} over many tenants: one object per
 * tenant with what the command found, then counts. A command that fails writes the error instead, so
 * the file is a whole JSON document in every outcome:
 *
 * <pre>{@code
 * {"report":"retort current","started":"...","tenants":[{"shard":"...","tenant":"t1","schema_exists":true,
 *  "version_table":true,"heads":["3f9c2a1b7d4e"],"at_head":true,"last_failure":null}],
 *  "summary":{"total":1,"at_head":1,"behind":0,"no_version_table":0,"missing":0,"failed_last":0}}
 * }</pre>
 */
final class SurveyReport {
    private static final JsonFactory FACTORY = new JsonFactory();

    private SurveyReport() {
    }

    static void current(Path file, Instant started, Map<String, List<TenantVersion>> byShard) {
        Map<String, Long> summary = counts("at_head", "behind", "no_version_table", "missing", "failed_last");
        write(file, "retort current", started, null, json -> {
            for (Map.Entry<String, List<TenantVersion>> e : byShard.entrySet()) {
                for (TenantVersion v : e.getValue()) {
                    summary.merge("total", 1L, Long::sum);
                    summary.merge(!v.schemaExists() ? "missing" : !v.tracked() ? "no_version_table" : v.atHead() ? "at_head" : "behind",
                            1L, Long::sum);
                    if (v.lastFailure() != null) summary.merge("failed_last", 1L, Long::sum);
                    json.writeStartObject();
                    json.writeStringField("shard", e.getKey());
                    json.writeStringField("tenant", v.tenant());
                    json.writeBooleanField("schema_exists", v.schemaExists());
                    json.writeBooleanField("version_table", v.tracked());
                    strings(json, "heads", v.heads());
                    json.writeBooleanField("at_head", v.atHead());
                    lastFailure(json, v.lastFailure());
                    json.writeEndObject();
                }
            }
            return summary;
        });
    }

    static void check(Path file, Instant started, Map<String, List<CheckResult>> byShard) {
        Map<String, Long> summary = counts("clean", "drifted", "behind", "other");
        write(file, "retort check", started, null, json -> {
            for (Map.Entry<String, List<CheckResult>> e : byShard.entrySet()) {
                for (CheckResult r : e.getValue()) {
                    boolean drifted = r.drift() != null && !r.drift().isEmpty();
                    summary.merge("total", 1L, Long::sum);
                    if (r.clean()) summary.merge("clean", 1L, Long::sum);
                    if (drifted) summary.merge("drifted", 1L, Long::sum);
                    if (!r.pending().isEmpty()) summary.merge("behind", 1L, Long::sum);
                    if (!r.clean() && !drifted && r.pending().isEmpty()) summary.merge("other", 1L, Long::sum);
                    json.writeStartObject();
                    json.writeStringField("shard", e.getKey());
                    json.writeStringField("tenant", r.schema());
                    json.writeBooleanField("clean", r.clean());
                    json.writeBooleanField("schema_exists", r.schemaExists());
                    strings(json, "heads", r.heads());
                    strings(json, "pending", r.pending().stream().map(Revision::id).toList());
                    strings(json, "edited", r.edited().stream().map(EditedRevision::describe).toList());
                    strings(json, "unknown", r.unknown());
                    strings(json, "drift", r.drift() == null ? List.of() : r.drift().describe().stream().map(String::strip).toList());
                    json.writeEndObject();
                }
            }
            return summary;
        });
    }

    /** The report of a command that could not do its work: no tenants, and the error. */
    static void failed(Path file, String command, Instant started, String error) {
        write(file, "retort " + command, started, error, json -> counts());
    }

    @FunctionalInterface
    private interface Tenants {
        Map<String, Long> write(JsonGenerator json) throws IOException;
    }

    private static void write(Path file, String report, Instant started, String error, Tenants tenants) {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("report", report);
            json.writeStringField("started", started.toString());
            json.writeArrayFieldStart("tenants");
            Map<String, Long> summary = tenants.write(json);
            json.writeEndArray();
            if (error != null) json.writeStringField("error", error);
            json.writeObjectFieldStart("summary");
            for (Map.Entry<String, Long> e : summary.entrySet()) json.writeNumberField(e.getKey(), e.getValue());
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every count at zero, {@code total} first. */
    private static Map<String, Long> counts(String... keys) {
        Map<String, Long> out = new TreeMap<>((a, b) -> a.equals(b) ? 0 : a.equals("total") ? -1 : b.equals("total") ? 1 : a.compareTo(b));
        out.put("total", 0L);
        for (String k : keys) out.put(k, 0L);
        return out;
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) json.writeString(v);
        json.writeEndArray();
    }

    private static void lastFailure(JsonGenerator json, LastFailure f) throws IOException {
        if (f == null) {
            json.writeNullField("last_failure");
            return;
        }
        json.writeObjectFieldStart("last_failure");
        json.writeStringField("operation", f.operation());
        json.writeStringField("revision", f.revision());
        json.writeStringField("failed_at", f.failedAt() == null ? null : f.failedAt().toString());
        json.writeStringField("error", f.error());
        json.writeEndObject();
    }
}
