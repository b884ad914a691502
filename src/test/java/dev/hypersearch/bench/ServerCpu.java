package dev.hypersearch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process (the service and its workers) over a window, split into the worker threads' (training,
 * named {@code worker-N}) and the rest (web requests, event streams, shared reads, the database): what serving
 * costs, apart from the training that runs meanwhile. Threads that end inside the window are not counted.
 */
final class ServerCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds per thread name prefix (digits and the suffix after them dropped) at one instant. */
    private final Map<Long, Long> byThread = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final long processNanos;
    private final long wallNanos;

    private ServerCpu() {
        wallNanos = System.nanoTime();
        processNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    byThread.put(info.getThreadId(), cpu);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
    }

    static ServerCpu now() {
        return new ServerCpu();
    }

    /**
     * CPU nanoseconds used between {@code before} and this snapshot by the threads whose names start with
     * {@code prefix} (Tomcat's request threads: "http-nio"), so a read's server-side cost per request can be told
     * apart from the benchmark's own client threads in this JVM.
     */
    long nanosSince(ServerCpu before, String prefix) {
        long used = 0;
        for (Map.Entry<Long, Long> e : byThread.entrySet()) {
            if (names.get(e.getKey()).startsWith(prefix)) {
                used += e.getValue() - before.byThread.getOrDefault(e.getKey(), 0L);
            }
        }
        return used;
    }

    /** Cores used between {@code before} and this snapshot: the process's, its workers' and the rest's. */
    Usage since(ServerCpu before) {
        double wall = wallNanos - before.wallNanos;
        long workers = 0;
        long others = 0;
        Map<String, Long> top = new HashMap<>();
        for (Map.Entry<Long, Long> e : byThread.entrySet()) {
            Long was = before.byThread.get(e.getKey());
            if (was == null) {
                was = 0L;
            }
            long used = e.getValue() - was;
            String name = names.get(e.getKey());
            if (name.startsWith("worker-")) {
                workers += used;
            } else {
                others += used;
                top.merge(name.replaceAll("[-#]?\\d+.*$", ""), used, Long::sum);
            }
        }
        StringBuilder heaviest = new StringBuilder();
        top.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(e -> heaviest.append(heaviest.length() == 0 ? "" : ", ").append(e.getKey())
                        .append(String.format(" %.2f", e.getValue() / wall)));
        return new Usage((processNanos - before.processNanos) / wall, workers / wall, others / wall,
                heaviest.toString());
    }

    /** Cores (CPU seconds per wall second). */
    record Usage(double process, double workers, double serving, String heaviest) {
        @Override
        public String toString() {
            return String.format("process %.2f cores: workers %.2f, serving %.2f (%s)", process, workers, serving,
                    heaviest);
        }
    }
}
