package dev.retort.bench;

import dev.retort.fanout.FanOutListener;
import dev.retort.fanout.FanOutReport;

import java.lang.management.ManagementFactory;

/**
 * What a fan-out holds on to: the heap in use after a collection when the last tenant is done (the
 * run's state is still alive then, report included), less the same measure before the first tenant.
 * A run that kept every tenant's outcome would hold more as the tenants grow; a streaming one holds
 * about the same at any size.
 */
final class HeapProbe implements FanOutListener {
    private long before;
    private long held;

    @Override
    public void started(int shards, long tenants) {
        before = usedAfterGc();
    }

    @Override
    public void finished(FanOutReport report) {
        held = usedAfterGc() - before;
    }

    long heldKb() {
        return held / 1024;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
