package dev.retort.api;

import dev.retort.internal.fanout.JsonReportWriter;

import java.nio.file.Path;

/**
 * A {@link FanOutListener} that writes a report of the run as it goes, one tenant at a time, so that
 * it costs no memory per tenant. Close it after the run: closing finishes the file, so that it is a
 * whole document whatever happened, a run that could not start or stopped half-way included.
 */
public interface ReportWriter extends FanOutListener, AutoCloseable {

    /**
     * Records why the run could not start or did not finish (one line, no password); the report says
     * so when it is closed.
     */
    void failed(String error);

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
