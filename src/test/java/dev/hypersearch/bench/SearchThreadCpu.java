package dev.hypersearch.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The measured search of {@link SearchBenchmark} (warm-up on, a warm-up search first), with the CPU time of every
 * thread of the JVM during the measured search alone (by thread id and name, /proc/self/task), so that what runs
 * beside the workers (the JIT's threads, GC, the service's own threads) shows by name; repeated {@code rounds}
 * times in one JVM, alternating 1 and 2 workers. The measured search's start and end go to stderr by the wall clock,
 * to cut a JFR recording ({@code -Dengine.jvm.flags="... -XX:StartFlightRecording=..."}) to it.
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.SearchThreadCpu
 * -Dbench.args="2 --hypersearch.worker-nice=0"}: rounds, then more service settings
 */
public final class SearchThreadCpu {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        String[] settings = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        for (int round = 0; round < rounds; round++) {
            for (int workers = 1; workers <= 2; workers++) {
                measure(round, workers, settings);
            }
        }
    }

    private static void measure(int round, int workers, String... settings) throws Exception {
        String[] all = Stream.concat(Stream.of("--hypersearch.warmup.enabled=true"),
                Stream.of(settings)).toArray(String[]::new);
        try (BenchService service = BenchService.start("cpu-" + round + "-" + workers, "all", workers, all)) {
            service.run(SearchBenchmark.spec("warm-up", 2 * workers, 5));
            Map<String, Long> before = ThreadGroupCpu.byThread();
            long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            System.err.println("measured search from " + LocalTime.now());
            long start = System.nanoTime();
            service.run(SearchBenchmark.spec("measured", 40, 20));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.println("measured search to " + LocalTime.now());
            long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;
            Map<String, Long> after = ThreadGroupCpu.byThread();
            Map<String, Long> byName = new HashMap<>();
            after.forEach((k, v) -> byName.merge(k.substring(k.indexOf(' ') + 1), v - before.getOrDefault(k, 0L),
                    Long::sum));
            StringBuilder b = new StringBuilder();
            byName.entrySet().stream().filter(e -> e.getValue() >= 20)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> b.append(' ').append(e.getKey()).append('=').append(e.getValue()));
            System.out.printf(Locale.ROOT, "round %d, %d workers, load %.2f: wall %.2f s, JIT (compilation MXBean) "
                            + "%d ms; CPU ms by thread:%s%n", round, workers,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), seconds, jit, b);
        }
    }
}
