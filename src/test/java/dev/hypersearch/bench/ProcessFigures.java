package dev.hypersearch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the service benchmarks print about their own process: CPU time, heap peaks, RSS, the load average. */
final class ProcessFigures {

    private ProcessFigures() {
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(b -> b.getType() == MemoryType.HEAP)
                .mapToLong(b -> b.getPeakUsage().getUsed()).sum() >> 20;
    }

    static void memory(String when) throws Exception {
        Runtime rt = Runtime.getRuntime();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        System.out.printf("memory %s: heap used %d MB of %d MB, %s%n", when, (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20, rss);
    }

    static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    }
}
