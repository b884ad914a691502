package dev.hypersearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
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
        String[] all = java.util.stream.Stream.concat(Stream.of("--hypersearch.warmup.enabled=true"),
                Stream.of(settings)).toArray(String[]::new);
        try (BenchService service = BenchService.start("cpu-" + round + "-" + workers, "all", workers, all)) {
            service.run(SearchBenchmark.spec("warm-up", 2 * workers, 5));
            Map<String, Long> before = threads();
            long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            System.err.println("measured search from " + LocalTime.now());
            long start = System.nanoTime();
            service.run(SearchBenchmark.spec("measured", 40, 20));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.println("measured search to " + LocalTime.now());
            long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;
            Map<String, Long> after = threads();
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

    /** CPU ms of each live thread, keyed "tid name" (a thread that ends in between is lost). */
    private static Map<String, Long> threads() throws IOException {
        Map<String, Long> m = new HashMap<>();
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
        }
        return m;
    }
}
