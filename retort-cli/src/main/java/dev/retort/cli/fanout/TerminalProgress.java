package dev.retort.cli.fanout;

import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar redrawn in place with {@code \r}:
 * {@code [############------------------]  412/1000  2 failed  48.1/s  0:12 left}. Failures are printed
 * on lines of their own above it as they happen; the summary replaces it at the end. Redrawn at most
 * ten times a second, so a fast fan-out does not spend its time on the terminal.
 */
final class TerminalProgress implements FanOutListener {
    static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final PrintWriter status;
    private final LongSupplier nanoTime;
    private long total;
    private long done;
    private long failed;
    private long start;
    private long lastDraw;
    private int drawnLength;

    TerminalProgress(PrintWriter out, PrintWriter status, LongSupplier nanoTime) {
        this.out = out;
        this.status = status;
        this.nanoTime = nanoTime;
    }

    @Override
    public void started(int shards, long tenants) {
        total = tenants;
        start = nanoTime.getAsLong();
        draw(start);
    }

    @Override
    public void outcome(TenantOutcome outcome) {
        done++;
        long now = nanoTime.getAsLong();
        if (outcome.status() == TenantStatus.FAILED) {
            failed++;
            clear();
            out.println(LogProgress.failureLine(outcome));
            out.flush();
            draw(now);
        } else if (now - lastDraw >= REDRAW_NANOS || done == total) {
            draw(now);
        }
    }

    @Override
    public void finished(FanOutReport report) {
        clear();
        out.println(report.summary());
        out.flush();
    }

    private void draw(long now) {
        lastDraw = now;
        String line = line(total, done, failed, now - start);
        status.print("\r" + line + pad(drawnLength - line.length()));
        status.flush();
        drawnLength = line.length();
    }

    private void clear() {
        if (drawnLength == 0) return;
        status.print("\r" + pad(drawnLength) + "\r");
        status.flush();
        drawnLength = 0;
    }

    private static String pad(int n) {
        return n <= 0 ? "" : " ".repeat(n);
    }

    /** The bar's text for a moment of the run. */
    static String line(long total, long done, long failed, long elapsedNanos) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        StringBuilder b = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
        b.append(String.format(Locale.ROOT, "%" + String.valueOf(total).length() + "d/%d", done, total));
        if (failed > 0) b.append("  ").append(failed).append(" failed");
        double seconds = elapsedNanos / 1e9;
        if (done > 0 && seconds > 0) {
            double rate = done / seconds;
            b.append(String.format(Locale.ROOT, "  %.1f/s", rate));
            if (done < total) b.append("  ").append(clock((long) Math.ceil((total - done) / rate))).append(" left");
        }
        return b.toString();
    }

    /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
