package dev.retort.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutReport;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * What a fan-out holds on to: the heap in use after a collection when the last tenant is done (the
 * run's state is still alive then, report included), less the same measure before the first tenant.
 * A run that kept every tenant's outcome would hold more as the tenants grow; a streaming one holds
 * about the same at any size.
 *
 * <p>Also the peak: the most heap found in use just after any collection from the start of the run to
 * its end, the probe's own collections included. The heap in use at an arbitrary moment counts garbage
 * not yet collected, so it says more about the collector than about the run; just after a collection
 * it is the live data, plus whatever dead objects a young collection left in the old generation: an
 * upper bound of what the run needed at that point. A run with no collection of its own reports the
 * larger of the states before and after it.
 */
final class HeapProbe implements FanOutListener {
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong notified = new AtomicLong();
    private final NotificationListener listener = this::collected;
    private long collectionsBefore;
    private long runCollections;
    private long before;
    private long held;

    @Override
    public void started(int shards, long tenants) {
        collectionsBefore = collections();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        before = usedAfterGc();
        runCollections = collections();
    }

    @Override
    public void finished(FanOutReport report) {
        runCollections = collections() - runCollections;
        held = usedAfterGc() - before;
        // Notifications arrive on a thread of their own: the last ones may still be on their way.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (notified.get() < collections() - collectionsBefore && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    long heldKb() {
        return held / 1024;
    }

    long peakAfterGcKb() {
        return peak.get() / 1024;
    }

    /** Collections between the probe's own, before and after the run: none means the peak saw only those two states. */
    long runCollections() {
        return runCollections;
    }

    private void collected(Notification n, Object handback) {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        peak.accumulateAndGet(used, Math::max);
        notified.incrementAndGet();
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
