package dev.retort.api;

import dev.retort.internal.fanout.JsonReportWriter;

import java.nio.file.Path;

/**
 * A {@link FanOutListener} that writes a report of the run as it goes, one tenant at a time, so that
 * it costs no memory per tenant. Close it after the run: closing finishes the file.
 */
public interface ReportWriter extends FanOutListener, AutoCloseable {

    /**
     * The JSON report of {@code --report FILE.json} (docs/fanout.md): one tenant's outcome per line,
     * then the summary. Creates or replaces the file; its directory must exist.
     *
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    static ReportWriter json(Path file) {
        return JsonReportWriter.create(file);
    }

    @Override
    void close();
}
