package dev.hypersearch.bench;

import dev.hypersearch.Application;
import dev.hypersearch.api.SearchSubmissions;
import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Predict over REST on a warm service: a digits model (64 columns, 10 classes, two hidden layers of 64 with batch
 * norm), refitted by the service's worker, then POST /api/models/{id}/predict from one client thread: one-row
 * latency percentiles after a warm-up, and 10,000 rows in one call. The whole service runs in this JVM (H2,
 * Tomcat on a free port), so client and server share the machine's cores.
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.ModelBenchmark}.
 */
public final class ModelBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int oneRowCalls = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        ConfigurableApplicationContext context = new SpringApplication(Application.class).run(
                "--spring.datasource.url=jdbc:h2:mem:model-bench;DB_CLOSE_DELAY=-1", "--hypersearch.role=all",
                "--hypersearch.workers=1", "--hypersearch.poll-millis=50", "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--spring.jmx.enabled=false");
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            SearchEntity search = context.getBean(SearchSubmissions.class).submit(Map.of("name", "bench", "dataset",
                    "digits", "strategy", "grid", "seed", 1, "space", Map.of("hiddenLayers", 2, "hiddenUnits", 64,
                            "batchNorm", true, "epochs", 10, "batchSize", 64)));
            SearchRepository searches = context.getBean(SearchRepository.class);
            while (!searches.findById(search.getId()).orElseThrow().getStatus().isFinished()) {
                Thread.sleep(100); // a bounded wait for the one-trial search, outside any measurement
            }
            JsonNode model = JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(base + "/api/searches/"
                    + search.getId() + "/model")).POST(HttpRequest.BodyPublishers.noBody()).build()).body());
            long id = model.get("id").asLong();
            while (true) {
                model = JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(base + "/api/models/" + id)).GET()
                        .build()).body());
                if (!model.get("status").asString().equals("TRAINING")) {
                    break;
                }
                Thread.sleep(100);
            }
            if (!model.get("status").asString().equals("READY")) {
                throw new IllegalStateException("model not ready: " + model);
            }
            Dataset digits = BuiltinDatasets.load("digits");
            URI predict = URI.create(base + "/api/models/" + id + "/predict");
            List<byte[]> oneRowBodies = new ArrayList<>();
            for (int i = 0; i < digits.size(); i++) {
                oneRowBodies.add(body(digits, i, 1));
            }
            byte[] bulk = body(digits, 0, 10_000);

            for (int i = 0; i < 2_000; i++) { // warm-up: JIT and connection
                post(http, predict, oneRowBodies.get(i % oneRowBodies.size()));
            }
            long[] nanos = new long[oneRowCalls];
            long oneCpu0 = processCpuNanos();
            for (int i = 0; i < oneRowCalls; i++) {
                long t0 = System.nanoTime();
                post(http, predict, oneRowBodies.get(i % oneRowBodies.size()));
                nanos[i] = System.nanoTime() - t0;
            }
            long oneCpu = (processCpuNanos() - oneCpu0) / oneRowCalls;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "one row, %d calls after 2,000 warm-up: p50 %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms (target p99 < 20 ms); CPU of this process %.2f ms a call; load average %.1f%n",
                    oneRowCalls, ms(nanos[oneRowCalls / 2]), ms(nanos[(int) Math.ceil(oneRowCalls * 0.99) - 1]),
                    ms(nanos[oneRowCalls - 1]), ms(oneCpu),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (int i = 0; i < 3; i++) {
                post(http, predict, bulk);
            }
            long[] bulkNanos = new long[10];
            long cpu0 = processCpuNanos();
            for (int i = 0; i < bulkNanos.length; i++) {
                long t0 = System.nanoTime();
                post(http, predict, bulk);
                bulkNanos[i] = System.nanoTime() - t0;
            }
            long bulkCpu = (processCpuNanos() - cpu0) / bulkNanos.length;
            Arrays.sort(bulkNanos);
            System.out.printf(Locale.ROOT, "10,000 rows in one call (%,d-byte body), 10 calls after 3 warm-up:"
                    + " median %.0f ms, max %.0f ms (target < 1 s); CPU of this process (client and server) %.0f ms"
                    + " a call%n", bulk.length, ms(bulkNanos[5]), ms(bulkNanos[9]), ms(bulkCpu));
        } finally {
            context.close();
        }
    }

    private static byte[] body(Dataset d, int from, int rows) {
        List<Map<String, Object>> list = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            int i = (from + r) % d.size();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int j = 0; j < d.numFeatures(); j++) {
                row.put(d.featureNames().get(j), d.feature(i, j));
            }
            list.add(row);
        }
        return JSON.writeValueAsBytes(Map.of("rows", list));
    }

    private static void post(HttpClient http, URI uri, byte[] body) throws Exception {
        HttpResponse<String> r = send(http, HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("predict answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** CPU time of the whole process: with one client thread and 2 cores shared with other builds, wall time
     * partly measures the neighbours. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
