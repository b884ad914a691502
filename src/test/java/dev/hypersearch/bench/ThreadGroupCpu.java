package dev.hypersearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time (ms) of this JVM's native threads by group (Linux {@code /proc/self/task}; empty elsewhere): the workers,
 * the bare engine's threads, the C2 and C1 compiler threads, GC and everything else. Tells whether a search's extra
 * time went into the workers' own code, into the JIT compiling (a fresh Spring context, H2) or elsewhere, in CPU
 * time, which a shared machine's load disturbs less than wall-clock time.
 */
final class ThreadGroupCpu {
    static Map<String, Long> cpuMillis() {
        Map<String, Long> m = new TreeMap<>();
        byThread().forEach((thread, ms) -> m.merge(group(thread.substring(thread.indexOf(' ') + 1)), ms, Long::sum));
        return m;
    }

    /** CPU ms of each live thread, keyed "tid name" (a thread that ends in between is lost). */
    static Map<String, Long> byThread() {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    m.put(t.getFileName() + " " + comm, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10);
                } catch (IOException | RuntimeException e) {
                    // thread gone
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return m;
    }

    static String group(String comm) {
        if (comm.startsWith("C2 Compiler") || comm.startsWith("C1 Compiler")) {
            return comm.substring(0, 2) + "-jit";
        }
        if (comm.startsWith("GC") || comm.startsWith("G1")) {
            return "gc";
        }
        if (comm.startsWith("worker-")) {
            return "worker";
        }
        if (comm.startsWith("engine-alone")) {
            return "alone";
        }
        return "other";
    }

    static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> m = new TreeMap<>();
        after.forEach((k, v) -> m.put(k, v - before.getOrDefault(k, 0L)));
        return m;
    }
}
