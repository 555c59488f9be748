package dev.retort.cli.fanout;

import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    static final long SECOND = 1_000_000_000L;

    final StringWriter out = new StringWriter();
    final StringWriter status = new StringWriter();
    final AtomicLong now = new AtomicLong();

    private FanOutListener progress(boolean terminal) {
        return Progress.of(terminal, new PrintWriter(out), new PrintWriter(status), now::get);
    }

    private static TenantOutcome outcome(String tenant, TenantStatus status, String error) {
        return new TenantOutcome("postgresql://db1/app", tenant, status, null, "r1", error, Duration.ofMillis(10));
    }

    private static FanOutReport report(long upgraded, long failed) {
        return new FanOutReport(1, upgraded + failed, Map.of(TenantStatus.UPGRADED, upgraded, TenantStatus.FAILED, failed),
                List.of(), 0, Duration.ofSeconds(4));
    }

    @Test
    void theBarShowsDoneOverTotalFailuresRateAndTimeLeft() {
        assertThat(TerminalProgress.line(1000, 412, 2, 10 * SECOND))
                .isEqualTo("[############------------------]  412/1000  2 failed  41.2/s  0:15 left");
        assertThat(TerminalProgress.line(10, 0, 0, 0)).isEqualTo("[------------------------------]  0/10");
        assertThat(TerminalProgress.line(10, 10, 0, 2 * SECOND)).isEqualTo("[##############################] 10/10  5.0/s");
        assertThat(TerminalProgress.line(0, 0, 0, 0)).isEqualTo("[##############################] 0/0");
    }

    @Test
    void timeLeftReadsAsAClock() {
        assertThat(TerminalProgress.clock(7)).isEqualTo("0:07");
        assertThat(TerminalProgress.clock(750)).isEqualTo("12:30");
        assertThat(TerminalProgress.clock(3723)).isEqualTo("1:02:03");
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndFailuresGoAboveIt() {
        FanOutListener p = progress(true);
        p.started(1, 3);
        now.set(SECOND);
        p.outcome(outcome("a", TenantStatus.UPGRADED, null));
        now.set(2 * SECOND);
        p.outcome(outcome("b\nc", TenantStatus.FAILED, "ERROR: boom"));
        now.set(3 * SECOND);
        p.outcome(outcome("d", TenantStatus.UPGRADED, null));
        p.finished(report(2, 1));

        assertThat(status.toString()).startsWith("\r[------------------------------] 0/3")
                .contains("\r[##########--------------------] 1/3  1.0/s  0:02 left")
                .contains("\r[##############################] 3/3  1 failed  1.0/s")
                .doesNotContain("\n");
        assertThat(out.toString()).isEqualTo("failed b\\nc on postgresql://db1/app: ERROR: boom\n"
                + "3 tenants on 1 shard in 4.000 s: 2 upgraded, 1 failed\n");
    }

    @Test
    void aFastRunIsRedrawnAtMostTenTimesASecond() {
        FanOutListener p = progress(true);
        p.started(1, 1000);
        for (int i = 0; i < 999; i++) {
            now.addAndGet(1_000_000); // a millisecond per tenant
            p.outcome(outcome("t" + i, TenantStatus.UPGRADED, null));
        }
        long draws = status.toString().chars().filter(c -> c == '\r').count();
        assertThat(draws).isBetween(9L, 12L);
    }

    @Test
    void inAPipeOnlyFailuresAndTheSummaryArePrinted() {
        FanOutListener p = progress(false);
        p.started(1, 3);
        p.outcome(outcome("a", TenantStatus.UPGRADED, null));
        p.outcome(outcome("b", TenantStatus.FAILED, "ERROR: boom"));
        p.outcome(outcome("c", TenantStatus.UNCHANGED, null));
        p.finished(report(2, 1));
        assertThat(status.toString()).isEmpty();
        assertThat(out.toString()).isEqualTo("failed b on postgresql://db1/app: ERROR: boom\n"
                + "3 tenants on 1 shard in 4.000 s: 2 upgraded, 1 failed\n");
    }
}
