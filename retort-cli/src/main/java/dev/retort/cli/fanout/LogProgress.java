package dev.retort.cli.fanout;

import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutReport;
import dev.retort.api.TenantOutcome;
import dev.retort.api.TenantStatus;
import dev.retort.api.TenantNames;

import java.io.PrintWriter;

/**
 * The fan-out as a pipe or a log file wants it: nothing while tenants succeed, one line per failure
 * as it happens, and the summary at the end.
 */
final class LogProgress implements FanOutListener {
    private final PrintWriter out;

    LogProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void outcome(TenantOutcome outcome) {
        if (outcome.status() == TenantStatus.FAILED) {
            out.println(failureLine(outcome));
            out.flush();
        }
    }

    @Override
    public void finished(FanOutReport report) {
        out.println(report.summary());
        out.flush();
    }

    /** {@code failed tenant_3 on postgresql://db1/app: ERROR: ...} */
    static String failureLine(TenantOutcome o) {
        return "failed " + TenantNames.display(o.tenant()) + " on " + o.shard() + ": " + o.error();
    }
}
