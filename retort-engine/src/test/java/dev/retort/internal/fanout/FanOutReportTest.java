package dev.retort.internal.fanout;

import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FanOutReportTest {

    @Test
    void theSummaryCountsWhatHappenedAndAlwaysTheFailures() {
        FanOutReport report = new FanOutReport(2, 100, Map.of(TenantStatus.UPGRADED, 97L, TenantStatus.UNCHANGED, 3L),
                List.of(), 0, Duration.ofMillis(3214));
        assertThat(report.summary()).isEqualTo("100 tenants on 2 shards in 3.214 s: 97 upgraded, 3 unchanged, 0 failed");
        assertThat(report.succeeded()).isTrue();
        assertThat(report.count(TenantStatus.SKIPPED)).isZero();
    }

    @Test
    void failuresOrSkipsMeanTheRunDidNotSucceed() {
        TenantOutcome failure = new TenantOutcome("s", "t", TenantStatus.FAILED, null, null, "boom", Duration.ZERO);
        FanOutReport report = new FanOutReport(1, 1, Map.of(TenantStatus.FAILED, 1L), List.of(failure), 0, Duration.ofSeconds(12));
        assertThat(report.succeeded()).isFalse();
        assertThat(report.summary()).isEqualTo("1 tenant on 1 shard in 12.0 s: 1 failed");
    }

    @Test
    void theTallyKeepsOnlyTheFirstFailures() {
        Tally tally = new Tally(2);
        for (int i = 0; i < 5; i++) {
            tally.add(new TenantOutcome("s", "t" + i, TenantStatus.FAILED, null, null, "e", Duration.ZERO));
            tally.add(new TenantOutcome("s", "u" + i, TenantStatus.UPGRADED, null, "r1", null, Duration.ZERO));
        }
        FanOutReport report = tally.report(1, 10, Duration.ZERO);
        assertThat(report.failures()).extracting(TenantOutcome::tenant).containsExactly("t0", "t1");
        assertThat(report.failuresNotListed()).isEqualTo(3);
        assertThat(report.failed()).isEqualTo(5);
        assertThat(report.count(TenantStatus.UPGRADED)).isEqualTo(5);
    }

    @Test
    void outcomeTextsAreBounded() {
        TenantOutcome o = new TenantOutcome("s", "t", TenantStatus.FAILED, "x".repeat(10_000), null, "e".repeat(10_000), Duration.ZERO);
        assertThat(o.fromRevision()).hasSize(TenantOutcome.MAX_TEXT);
        assertThat(o.error()).hasSize(TenantOutcome.MAX_TEXT);
    }
}
