package dev.hypersearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the JIT compiled and deoptimized during one measured search: a JFR recording of every compilation
 * ({@code jdk.Compilation}, no threshold) and deoptimization, started just before the search and stopped just after
 * it, so the start-up warm-up and the warm-up search are not in it. Answers the compilations ranked by their
 * summed time per method and tier (the compiler threads' work that two workers on two cores pay for), and the
 * deoptimizations by method and reason (what made C2 compile a method again).
 */
final class SearchCompilations implements AutoCloseable {

    /** {@code -Dbench.jfr=prefix}: keeps each recording as prefix-N.jfr, with execution samples, for {@code jfr print}. */
    private static final String KEEP = System.getProperty("bench.jfr");
    private static int kept;

    /** Opened at the JVM's start and never closed: see {@link #initialize()}. */
    private static Recording resident;

    private final Recording recording;

    /**
     * Starts JFR in this JVM, before the code to be measured is compiled. The first recording of a JVM makes
     * HotSpot drop the compiled code it has (measured: the engine's 65 C2 methods before, none after), so a
     * recording first started just before a search would make the JIT compile everything again during it.
     */
    static synchronized void initialize() {
        if (resident == null) {
            resident = new Recording();
            resident.start();
        }
    }

    SearchCompilations() {
        initialize();
        recording = new Recording();
        recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
        recording.enable("jdk.Deoptimization").withStackTrace();
        if (KEEP != null) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        }
        recording.start();
    }

    /** One method's compilations at one tier: how many and their summed time. */
    record Compiled(String method, int tier, int count, double millis) {
    }

    /** One method's deoptimizations for one reason and action. */
    record Deopt(String method, String reason, int count) {
    }

    /** What the recording held. */
    record Report(List<Compiled> compiled, List<Deopt> deopts) {

        double millis(int minTier, int maxTier) {
            return compiled.stream().filter(c -> c.tier >= minTier && c.tier <= maxTier).mapToDouble(Compiled::millis)
                    .sum();
        }

        int count(int minTier, int maxTier) {
            return compiled.stream().filter(c -> c.tier >= minTier && c.tier <= maxTier).mapToInt(Compiled::count)
                    .sum();
        }

        /** The top {@code n} C2 compilations and deoptimizations, and the totals by package. */
        void print(String label, int n) {
            System.out.printf(Locale.ROOT, "  %s: C2 %d compilations %.0f ms, C1 %d / %.0f ms (compile wall time, "
                            + "JFR); %d deoptimizations%n", label, count(4, 4), millis(4, 4), count(1, 3),
                    millis(1, 3), deopts.stream().mapToInt(Deopt::count).sum());
            Map<String, double[]> byPackage = new HashMap<>();
            for (Compiled c : compiled) {
                if (c.tier == 4) {
                    double[] v = byPackage.computeIfAbsent(area(c.method), k -> new double[2]);
                    v[0] += c.count;
                    v[1] += c.millis;
                }
            }
            byPackage.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(8).forEach(e -> System.out.printf(Locale.ROOT, "    C2 by area %-40s %4.0f x %7.0f ms%n",
                            e.getKey(), e.getValue()[0], e.getValue()[1]));
            compiled.stream().filter(c -> c.tier == 4).limit(n).forEach(c -> System.out.printf(Locale.ROOT,
                    "    C2 %7.0f ms %3d x %s%n", c.millis, c.count, c.method));
            deopts.stream().limit(n).forEach(d -> System.out.printf(Locale.ROOT, "    deopt %3d x %s (%s)%n",
                    d.count, d.method, d.reason));
        }

        private static String area(String method) {
            String[] parts = method.split("\\.");
            return parts.length > 3 ? String.join(".", parts[0], parts[1], parts[2]) : method;
        }
    }

    /** Stops the recording and reads it. */
    Report stop() throws IOException {
        recording.stop();
        Path file = Files.createTempFile("search-jit", ".jfr");
        try {
            recording.dump(file);
            if (KEEP != null) {
                Files.copy(file, Path.of(KEEP + "-" + ++kept + ".jfr"));
            }
            Map<String, Compiled> compiled = new HashMap<>();
            Map<String, Deopt> deopts = new HashMap<>();
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                switch (e.getEventType().getName()) {
                    case "jdk.Compilation" -> {
                        String m = name(e.getValue("method"));
                        int tier = e.getInt("compileLevel");
                        double ms = e.getDuration().toNanos() / 1e6;
                        compiled.merge(m + "@" + tier, new Compiled(m, tier, 1, ms),
                                (a, b) -> new Compiled(a.method, a.tier, a.count + 1, a.millis + b.millis));
                    }
                    case "jdk.Deoptimization" -> {
                        String m = name(e.getValue("method")) + ":" + e.getInt("lineNumber");
                        String why = e.getString("reason") + "/" + e.getString("action") + " "
                                + e.getString("instruction");
                        deopts.merge(m + why, new Deopt(m, why, 1),
                                (a, b) -> new Deopt(a.method, a.reason, a.count + 1));
                    }
                    default -> { }
                }
            }
            List<Compiled> c = new ArrayList<>(compiled.values());
            c.sort(Comparator.comparingDouble(Compiled::millis).reversed());
            List<Deopt> d = new ArrayList<>(deopts.values());
            d.sort(Comparator.comparingInt(Deopt::count).reversed());
            return new Report(c, d);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String name(RecordedMethod m) {
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    @Override
    public void close() {
        recording.close();
    }
}
