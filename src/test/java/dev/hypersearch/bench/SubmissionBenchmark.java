package dev.hypersearch.bench;

import dev.hypersearch.Application;
import dev.hypersearch.TestTokens;
import dev.hypersearch.scaleout.Pg;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14's submission figures alone (LargeSearchBenchmark times the reads too, which takes many minutes): grid
 * searches of the given sizes (digits, 3 epochs, the same spec as LargeSearchBenchmark) submitted over HTTP to the
 * whole service in this JVM with 2 worker threads running, each then cancelled; the 10^12-point grid's refusal.
 * Prints wall and CPU time of each submission and cancel, the peak heap during the submission, RSS and the load
 * average. Args: {@code h2|pg size...} (multiples of 10,000; default 100000 1000000).
 */
public final class SubmissionBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SubmissionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100_000, 1_000_000);
        }
        int cap = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        LargeServiceSettings service = LargeServiceSettings.of(db, cap, "submission");
        Pg pg = service.pg();
        try (ConfigurableApplicationContext ctx = SpringApplication.run(Application.class, service.args())) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            System.out.printf("SubmissionBenchmark %s, sizes %s, 2 workers; load average %s%n", db, sizes,
                    ProcessFigures.loadAverage());
            for (int size : sizes) {
                System.gc();
                ProcessFigures.memory("before submitting " + size);
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long cpu0 = ProcessFigures.processCpuNanos();
                long t0 = System.nanoTime();
                HttpResponse<String> created = post(port, "/api/searches", LargeSearchBenchmark.spec(size));
                double ms = (System.nanoTime() - t0) / 1e6;
                double cpuMs = (ProcessFigures.processCpuNanos() - cpu0) / 1e6;
                if (created.statusCode() != 201) {
                    throw new IllegalStateException(created.statusCode() + " " + created.body());
                }
                System.out.printf("submission of %,d: %.0f ms wall, %.0f ms CPU of this process; peak heap %d MB;"
                        + " load average %s%n", size, ms, cpuMs, ProcessFigures.peakHeapMb(), ProcessFigures.loadAverage());
                ProcessFigures.memory("after submitting " + size);
                Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
                m.find();
                t0 = System.nanoTime();
                HttpResponse<String> cancelled = post(port, "/api/searches/" + m.group(1) + "/cancel", "");
                System.out.printf("cancel of %,d: %d in %.0f ms%n", size, cancelled.statusCode(),
                        (System.nanoTime() - t0) / 1e6);
            }
            long t0 = System.nanoTime();
            HttpResponse<String> refused = post(port, "/api/searches", LargeSearchBenchmark.hugeGrid());
            System.out.printf("10^12-point grid refused: %d in %.0f ms; load average %s%n", refused.statusCode(),
                    (System.nanoTime() - t0) / 1e6, ProcessFigures.loadAverage());
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static HttpResponse<String> post(int port, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
