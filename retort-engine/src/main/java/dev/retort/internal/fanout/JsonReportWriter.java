package dev.retort.internal.fanout;

import dev.retort.api.FanOutReport;
import dev.retort.api.ReportWriter;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes {@code --report FILE.json} as the fan-out goes: each tenant's outcome is written when it
 * arrives and forgotten, so the report costs no memory per tenant. The file:
 *
 * <pre>{@code
 * {"report":"retort fan-out","started":"2026-01-01T12:00:00Z","shards":2,"tenants":[
 * {"shard":"postgresql://db1:5432/app","tenant":"tenant_1","status":"upgraded","from":null,"to":"3f9c2a1b7d4e","error":null,"seconds":0.084},
 * ...
 * ],"summary":{"total":100,"upgraded":98,"downgraded":0,"unchanged":0,"failed":2,"skipped":0,"seconds":3.214}}
 * }</pre>
 *
 * One tenant per line, so that the report of a run killed half-way still shows what was done. A run
 * that could not start, or stopped on an error, still gets a whole document when the writer is
 * closed: the tenants seen so far, {@code "error"} with the reason, and the summary of what was seen.
 */
public final class JsonReportWriter implements ReportWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final OutputStream out;
    private final JsonGenerator json;
    private final long[] counts = new long[TenantStatus.values().length];
    private Instant started;
    private boolean finished;
    private String error;

    private JsonReportWriter(OutputStream out) throws IOException {
        this.out = out;
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        this.json.setPrettyPrinter(new OnePerLine());
    }

    /** Creates (or replaces) the file; its directory must exist. */
    public static JsonReportWriter create(Path file) {
        try {
            return new JsonReportWriter(Files.newOutputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes to a stream, which {@link #close} closes. */
    public static JsonReportWriter to(OutputStream out) {
        try {
            return new JsonReportWriter(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        }
    }

    @Override
    public void started(int shards, long tenants) {
        started = Instant.now();
        write(() -> {
            json.writeStartObject();
            json.writeStringField("report", "retort fan-out");
            json.writeStringField("started", started.toString());
            json.writeNumberField("shards", shards);
            json.writeArrayFieldStart("tenants");
        });
    }

    @Override
    public void failed(String reason) {
        this.error = reason;
    }

    @Override
    public void outcome(TenantOutcome o) {
        counts[o.status().ordinal()]++;
        write(() -> {
            json.writeStartObject();
            json.writeStringField("shard", o.shard());
            json.writeStringField("tenant", o.tenant());
            json.writeStringField("status", o.status().label());
            json.writeStringField("from", o.fromRevision());
            json.writeStringField("to", o.toRevision());
            json.writeStringField("error", o.error());
            json.writeNumberField("seconds", seconds(o.duration()));
            json.writeEndObject();
        });
    }

    @Override
    public void finished(FanOutReport report) {
        long[] byStatus = new long[counts.length];
        for (TenantStatus s : TenantStatus.values()) byStatus[s.ordinal()] = report.count(s);
        end(report.total(), byStatus, report.elapsed());
    }

    /** Closes the tenants' list and writes the error, if any, and the summary. */
    private void end(long total, long[] byStatus, Duration elapsed) {
        finished = true;
        write(() -> {
            json.writeEndArray();
            if (error != null) json.writeStringField("error", error);
            json.writeObjectFieldStart("summary");
            json.writeNumberField("total", total);
            for (TenantStatus s : TenantStatus.values()) json.writeNumberField(s.label(), byStatus[s.ordinal()]);
            json.writeNumberField("seconds", seconds(elapsed));
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        });
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3);
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        }
    }

    /** Finishes a report the run left unfinished (it never started, or stopped on an error), then closes the file. */
    @Override
    public void close() {
        if (!finished) {
            if (started == null) started(0, 0);
            if (error == null) error = "the run stopped before it finished";
            long seen = 0;
            for (long c : counts) seen += c;
            end(seen, counts.clone(), Duration.between(started, Instant.now()));
        }
        try {
            json.close();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the report: " + e.getMessage(), e);
        }
    }

    /** Compact objects, a line break before each array element. */
    private static final class OnePerLine extends MinimalPrettyPrinter {
        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(nrOfValues > 0 ? "\n]" : "]");
        }
    }
}
