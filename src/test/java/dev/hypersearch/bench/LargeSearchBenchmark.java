package dev.hypersearch.bench;

import dev.hypersearch.Application;
import dev.hypersearch.TestTokens;
import dev.hypersearch.scaleout.Pg;
import dev.hypersearch.store.PlannedTrialRows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14's figures: a grid search of 100,000 trials (digits, 3 epochs) submitted over HTTP to the whole service
 * in this JVM (2 worker threads), then each read the search page makes, timed over HTTP while the workers run
 * and again after the search is cancelled (workers idle): the leaderboard's first and a deep page for every sort
 * the UI offers, the search's summary, the searches list, the charts and importance (each read once untimed
 * first: its time is printed as "first"). While the workers run it also measures what open search pages cost
 * the server ({@link PageViewers} in a child process: the CPU of the service's threads other than the workers,
 * with the viewers and without) and the search page in Chromium ({@link SearchPageTimings}). Prints the
 * submission time, p50/p99 per read, heap and RSS. Args: {@code h2|pg [trials] [rounds] [viewers] [seconds]};
 * trials a multiple of 10,000 (1,000,000 raises the grid cap to match); viewers 0 skips viewers and Chromium.
 * Trials are created at their claim, so before the reads the benchmark turns every planned trial into a queued row
 * ({@link PlannedTrialRows}): the reads see the search at its full size, as one that has run a long time would be.
 * The load average is printed with the figures: the machine may be shared.
 */
public final class LargeSearchBenchmark {

    private static final String[] SORTS = {"valLoss", "number", "status", "bestValLoss", "valAccuracy", "trainLoss",
            "epochsRun", "durationMs", "stage"};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LargeSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int viewers = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        LargeServiceSettings service = LargeServiceSettings.of(db, trials, "large");
        Pg pg = service.pg();
        try (ConfigurableApplicationContext ctx = SpringApplication.run(Application.class, service.args())) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            System.out.printf("LargeSearchBenchmark %s, %,d trials, 2 workers, %d rounds per read; load average %s%n",
                    db, trials, rounds, ProcessFigures.loadAverage());
            ProcessFigures.memory("before submission");
            ProcessFigures.resetPeaks();
            long cpu0 = ProcessFigures.processCpuNanos();
            long t0 = System.nanoTime();
            HttpResponse<String> created = post(port, "/api/searches", spec(trials));
            double submitMs = (System.nanoTime() - t0) / 1e6;
            double submitCpuMs = (ProcessFigures.processCpuNanos() - cpu0) / 1e6;
            if (created.statusCode() != 201) {
                throw new IllegalStateException(created.statusCode() + " " + created.body());
            }
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
            m.find();
            long id = Long.parseLong(m.group(1));
            System.out.printf("submission: %.0f ms wall, %.0f ms CPU of this process (%d)%n", submitMs, submitCpuMs,
                    created.statusCode());
            ProcessFigures.memory("after submission (peak heap since before it: " + ProcessFigures.peakHeapMb() + " MB)");
            // refused fast: a 10^12-point grid
            t0 = System.nanoTime();
            HttpResponse<String> refused = post(port, "/api/searches", hugeGrid());
            System.out.printf("10^12-point grid refused: %d in %.0f ms%n", refused.statusCode(),
                    (System.nanoTime() - t0) / 1e6);

            long r0 = System.nanoTime();
            int rows = PlannedTrialRows.createAll(ctx);
            System.out.printf("created %,d planned trials as queued rows for the reads in"
                    + " %.1f s%n", rows, (System.nanoTime() - r0) / 1e9);
            waitForResults(port, id, 200);
            System.out.println("-- reads while 2 workers run (load average " + ProcessFigures.loadAverage() + ")");
            reads(port, id, rounds);
            if (viewers > 0) {
                viewers(port, id, viewers, seconds);
                System.out.println("-- the search page in Chromium while 2 workers run (load average " + ProcessFigures.loadAverage()
                        + ")");
                SearchPageTimings.measure(port, id, 1, 3);
                System.out.println("-- reads again while 2 workers run (load average " + ProcessFigures.loadAverage() + ")");
                reads(port, id, rounds);
            }
            post(port, "/api/searches/" + id + "/cancel", "");
            System.out.println("-- reads after the search is cancelled (load average " + ProcessFigures.loadAverage() + ")");
            reads(port, id, rounds);
            ProcessFigures.memory("at the end");
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** digits, 3 epochs: learning rate x 100, units x 10, batch size x 10, l2 x trials/10,000. */
    static String spec(int trials) {
        StringBuilder lr = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            lr.append(i == 0 ? "" : ", ").append(1e-4 * Math.pow(1000, i / 99.0));
        }
        StringBuilder l2 = new StringBuilder();
        for (int i = 0; i < trials / 10_000; i++) {
            l2.append(i == 0 ? "" : ", ").append(1e-6 * (i + 1));
        }
        return "{\"name\": \"large-" + trials + "\", \"dataset\": \"digits\", \"strategy\": \"grid\", \"seed\": 1,"
                + " \"space\": {\"learningRate\": {\"choice\": [" + lr + "]},"
                + " \"hiddenUnits\": {\"choice\": [8, 12, 16, 20, 24, 28, 32, 40, 48, 64]},"
                + " \"batchSize\": {\"choice\": [16, 24, 32, 48, 64, 96, 128, 160, 192, 256]},"
                + " \"l2\": {\"choice\": [" + l2 + "]}, \"epochs\": 3}}";
    }

    static String hugeGrid() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            values.append(i == 0 ? "" : ", ").append(8 + i);
        }
        return "{\"name\": \"huge\", \"dataset\": \"digits\", \"strategy\": \"grid\", \"seed\": 1, \"space\": {"
                + "\"hiddenUnits\": {\"choice\": [" + values + "]}, \"batchSize\": {\"choice\": [" + values + "]},"
                + " \"epochs\": {\"choice\": [" + values + "]}, \"hiddenLayers\": {\"choice\": [" + values + "]}}}";
    }

    private static void reads(int port, long id, int rounds) throws Exception {
        String base = "/api/searches/" + id;
        for (String sort : SORTS) {
            String dir = sort.equals("valAccuracy") ? "desc" : "asc";
            time(port, "leaderboard " + sort + " " + dir + " page 0", base + "/trials?sort=" + sort + "&dir=" + dir
                    + "&size=25", rounds);
            time(port, "leaderboard " + sort + " " + dir + " page 400", base + "/trials?sort=" + sort + "&dir=" + dir
                    + "&size=25&page=400", rounds);
            String query = base + "/trials?sort=" + sort + "&dir=" + dir + "&size=25";
            time(port, "leaderboard " + sort + " " + dir + " page 400 keyset", query + "&page=400&after="
                    + lastNumber(get(port, query + "&page=399").body()), rounds);
        }
        time(port, "leaderboard valLoss desc page 0", base + "/trials?sort=valLoss&dir=desc&size=25", rounds);
        time(port, "summary", base, rounds);
        time(port, "searches list", "/api/searches", rounds);
        time(port, "charts", base + "/charts", rounds);
        time(port, "charts topK=10 (the page's)", base + "/charts?topK=10", rounds);
        time(port, "importance", base + "/importance?top=0.1&within=1", rounds);
    }

    /**
     * The service's CPU while the workers run, first without viewers, then with {@code n} open search pages (a
     * child process, started {@code seconds / 4} before the window so that their first reads are behind them).
     */
    private static void viewers(int port, long id, int n, int seconds) throws Exception {
        System.out.println("-- " + n + " open search pages while 2 workers run (load average " + ProcessFigures.loadAverage() + ")");
        ServerCpu start = ServerCpu.now();
        Thread.sleep(seconds * 1000L); // a measurement window
        ServerCpu.Usage alone = ServerCpu.now().since(start);
        System.out.println("  without viewers: " + alone);
        int warm = Math.max(2, seconds / 4);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PageViewers.class.getName(), String.valueOf(port),
                String.valueOf(id), String.valueOf(n), String.valueOf(warm + seconds + 1)).inheritIO().start();
        Thread.sleep(warm * 1000L); // the viewers' first visits
        start = ServerCpu.now();
        Thread.sleep(seconds * 1000L); // a measurement window
        ServerCpu.Usage with = ServerCpu.now().since(start);
        System.out.println("  with " + n + " viewers:   " + with);
        System.out.printf("  %d viewers cost the service %.2f cores beside its workers (serving %.2f with, %.2f"
                + " without; goal under 1 core); load average %s%n", n, with.serving() - alone.serving(),
                with.serving(), alone.serving(), ProcessFigures.loadAverage());
        child.waitFor();
    }

    /** The number of a page's last trial: the keyset cursor of the page after it. */
    private static int lastNumber(String page) {
        Matcher m = Pattern.compile("\"number\"\\s*:\\s*(\\d+)").matcher(page);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    private static void time(int port, String what, String path, int rounds) throws Exception {
        long t0 = System.nanoTime();
        get(port, path); // a first read (JIT, a first computation of shared aggregates): shown apart
        double first = (System.nanoTime() - t0) / 1e6;
        long[] ns = new long[rounds];
        ServerCpu cpu0 = ServerCpu.now();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = get(port, path);
            ns[i] = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
            }
        }
        ServerCpu cpu1 = ServerCpu.now();
        Arrays.sort(ns);
        // CPU per request of the request threads (security chain, controller, JSON) and of the shared answers'
        // background refreshes meanwhile: what a read costs, which a loaded machine's waits do not blur
        System.out.printf("  %-40s p50 %7.1f ms  p99 %7.1f ms  (first %7.1f ms)  CPU/request %5.2f ms"
                        + " (+ refreshes %5.2f ms)%n", what, ns[rounds / 2] / 1e6,
                ns[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.99) - 1)] / 1e6, first,
                cpu1.nanosSince(cpu0, "http-nio") / 1e6 / rounds, cpu1.nanosSince(cpu0, "shared-reads") / 1e6 / rounds);
    }

    /** Until the search has some finished trials (the reads then see results), bounded. */
    static void waitForResults(int port, long id, int finished) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        Pattern p = Pattern.compile("\"finished\"\\s*:\\s*(\\d+)");
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(get(port, "/api/searches/" + id).body());
            if (m.find() && Long.parseLong(m.group(1)) >= finished) {
                return;
            }
            Thread.sleep(200); // a benchmark's wait for progress, not a test's synchronization
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(int port, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** CPU time of this process (all threads): what a request cost on a machine others load too. */
}
