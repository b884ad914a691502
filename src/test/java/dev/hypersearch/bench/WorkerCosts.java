package dev.hypersearch.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Where a search's time goes in the service's JVM besides training, as counters read before and after it: GC
 * collections and pause time, bytes allocated (by the worker threads and by every live thread), the worker
 * threads' CPU time, JIT compilation time, and the workers' database time (claims, epoch writes, result writes:
 * the service's own timers).
 */
record WorkerCosts(long gcCount, long gcMillis, long workerAllocated, long allAllocated, long workerCpuNanos,
                   long jitMillis, Db claims, Db epochWrites, Db resultWrites) {

    /** Count and total time of one kind of database call. */
    record Db(long count, double millis) {
        Db minus(Db o) {
            return new Db(count - o.count, millis - o.millis);
        }
    }

    /** The counters now; worker threads are the pool's, named {@code worker-N}. */
    static WorkerCosts snapshot(MeterRegistry meters) {
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long workerAllocated = 0;
        long allAllocated = 0;
        long workerCpu = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long allocated = Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
            allAllocated += allocated;
            if (t.getName().startsWith("worker-")) {
                workerAllocated += allocated;
                workerCpu += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        var jit = ManagementFactory.getCompilationMXBean();
        return new WorkerCosts(gcCount, gcMillis, workerAllocated, allAllocated, workerCpu,
                jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0,
                db(meters, "hypersearch.worker.claim"), db(meters, "hypersearch.trial.epoch.write"),
                db(meters, "hypersearch.trial.result.write"));
    }

    private static Db db(MeterRegistry meters, String name) {
        Timer t = meters.find(name).timer();
        return t == null ? new Db(0, 0) : new Db(t.count(), t.totalTime(TimeUnit.MILLISECONDS));
    }

    /**
     * What changed since {@code before}. Allocation and CPU count threads alive at both reads: the worker threads
     * are, for the length of a search.
     */
    WorkerCosts minus(WorkerCosts before) {
        return new WorkerCosts(gcCount - before.gcCount, gcMillis - before.gcMillis,
                workerAllocated - before.workerAllocated, allAllocated - before.allAllocated,
                workerCpuNanos - before.workerCpuNanos, jitMillis - before.jitMillis, claims.minus(before.claims),
                epochWrites.minus(before.epochWrites), resultWrites.minus(before.resultWrites));
    }
}
