package dev.hypersearch.bench;

import dev.hypersearch.Application;
import dev.hypersearch.scaleout.Pg;
import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.PlannedTrialRows;
import dev.hypersearch.store.TrialQueue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A grid search's queued rows (issue 14): the time to turn its planned trials into queued rows before the large
 * benchmarks' reads ({@link PlannedTrialRows}, or {@code claims}: each trial claimed and handed back, as it was
 * done before), then a cancel of the search over HTTP while a probe renews the lease of another search's running
 * trial every 10 ms, as a worker's heartbeat does. Prints the cancel's wall time, the probe's slowest renewal
 * during it and how many took over 100 ms. The whole service in this JVM with 2 worker threads running.
 * Args: {@code h2|pg [trials] [rows|claims]} (trials a multiple of 10,000; default 100000 rows).
 */
public final class QueuedRowsBenchmark {

    private static final Duration HOUR = Duration.ofHours(1);

    private QueuedRowsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        boolean claims = args.length > 2 && args[2].equals("claims");
        LargeServiceSettings service = LargeServiceSettings.of(db, trials, "queued-rows");
        Pg pg = service.pg();
        try (ConfigurableApplicationContext ctx = SpringApplication.run(Application.class, service.args())) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            TrialQueue queue = ctx.getBean(TrialQueue.class);
            System.out.printf("QueuedRowsBenchmark %s, %,d trials, rows by %s, 2 workers; load average %s%n", db,
                    trials, claims ? "claims" : "PlannedTrialRows", ProcessFigures.loadAverage());
            long id = submit(port, LargeSearchBenchmark.spec(trials));
            long t0 = System.nanoTime();
            int rows = claims ? claimAndHandBack(queue) : PlannedTrialRows.createAll(ctx);
            System.out.printf("%,d planned trials as queued rows in %.1f s; load average %s%n", rows,
                    (System.nanoTime() - t0) / 1e9, ProcessFigures.loadAverage());

            long probeSearch = submit(port, "{\"name\": \"probe\", \"dataset\": \"iris\", \"strategy\": \"grid\","
                    + " \"seed\": 1, \"space\": {\"hiddenUnits\": {\"choice\": [8, 16, 24, 32, 40, 48]}, \"epochs\": 1}}");
            ClaimedTrial probe = claimOf(queue, probeSearch);
            AtomicBoolean stop = new AtomicBoolean();
            List<long[]> renewals = new ArrayList<>(); // start, end (nanos)
            Thread heartbeat = new Thread(() -> {
                while (!stop.get()) {
                    long s = System.nanoTime();
                    if (!queue.renew(probe.lease(), HOUR)) {
                        throw new IllegalStateException("the probe lost its lease");
                    }
                    synchronized (renewals) {
                        renewals.add(new long[] {s, System.nanoTime()});
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            heartbeat.start();
            Thread.sleep(500);
            long c0 = System.nanoTime();
            HttpResponse<String> cancelled = LargeSearchBenchmark.post(port, "/api/searches/" + id + "/cancel", "");
            long c1 = System.nanoTime();
            Thread.sleep(200);
            stop.set(true);
            heartbeat.join();
            long slowest = 0;
            int over100 = 0;
            int during = 0;
            synchronized (renewals) {
                for (long[] r : renewals) {
                    if (r[1] >= c0 && r[0] <= c1) {
                        during++;
                        slowest = Math.max(slowest, r[1] - r[0]);
                        over100 += r[1] - r[0] > 100_000_000L ? 1 : 0;
                    }
                }
            }
            System.out.printf("cancel of %,d queued rows: %d in %.0f ms; probe renewals during it: %d, slowest %.0f ms,"
                    + " %d over 100 ms; load average %s%n", rows, cancelled.statusCode(), (c1 - c0) / 1e6, during,
                    slowest / 1e6, over100, ProcessFigures.loadAverage());
            queue.release(probe.lease());
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static long submit(int port, String spec) throws Exception {
        HttpResponse<String> created = LargeSearchBenchmark.post(port, "/api/searches", spec);
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.statusCode() + " " + created.body());
        }
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
        m.find();
        return Long.parseLong(m.group(1));
    }

    /** How the rows were made before PlannedTrialRows: every planned trial claimed, then all handed back. */
    private static int claimAndHandBack(TrialQueue queue) {
        List<ClaimedTrial> held = new ArrayList<>();
        for (Optional<ClaimedTrial> c = queue.claim("benchmark-rows", HOUR); c.isPresent();
                c = queue.claim("benchmark-rows", HOUR)) {
            held.add(c.get());
        }
        held.forEach(c -> queue.release(c.lease()));
        return held.size();
    }

    /** A trial of the given search claimed under a long lease; trials of others claimed meanwhile go back. */
    private static ClaimedTrial claimOf(TrialQueue queue, long searchId) {
        List<ClaimedTrial> others = new ArrayList<>();
        try {
            while (true) {
                ClaimedTrial c = queue.claim("probe", HOUR).orElseThrow();
                if (c.searchId() == searchId) {
                    return c;
                }
                others.add(c);
            }
        } finally {
            others.forEach(c -> queue.release(c.lease()));
        }
    }
}
