package dev.hypersearch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The current thread's CPU time, falling back to wall time where the JVM cannot measure it. Compute-bound
 * micro-benchmarks time with it so that a busy machine (the build box runs several builds on two cores) stretches
 * the wall clock but not the figures: time the thread spends descheduled is not counted.
 */
final class ThreadCpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private ThreadCpuClock() {
    }

    static long nanos() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** What the figures are timed with, for benchmark headers. */
    static String describe() {
        return CPU_TIME ? "thread CPU time" : "wall time";
    }
}
