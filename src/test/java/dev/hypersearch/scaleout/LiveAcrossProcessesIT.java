package dev.hypersearch.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import dev.hypersearch.TestTokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scaled deployment's live page: an api process and a worker process (started from the packaged jar) on one
 * schema of the machine's PostgreSQL, which is never restarted here. The api learns of trials the worker ends
 * through LISTEN/NOTIFY, streams them to a subscriber of the search's events within 2 s of each trial's end, and
 * ends the stream with the search's end; when its listening connection is cut mid-search it reconnects and
 * catches up, so no trial's end is missed.
 */
class LiveAcrossProcessesIT {

    private static final Pattern TRIAL = Pattern.compile("\"trialId\":(\\d+).*\"status\":\"([A-Z]+)\"");
    private static final Duration SEARCH_TIMEOUT = Duration.ofMinutes(4);

    private Pg pg;
    private final List<AppProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(AppProcess::close);
        if (pg != null) {
            pg.close();
        }
    }

    /** One received line of the stream, with when it arrived. */
    record Received(String line, long atMillis) {
    }

    @Test
    void trialsEndedByAWorkerProcessReachTheApisEventStreamWithinTwoSecondsAndNoneIsMissedAcrossAReconnect()
            throws Exception {
        pg = Pg.freshSchema();
        int apiPort = Http.freePort();
        List<String> apiArgs = new ArrayList<>(AppProcess.commonArgs(pg));
        apiArgs.addAll(List.of("--hypersearch.role=api", "--server.port=" + apiPort,
                "--spring.datasource.hikari.maximum-pool-size=4"));
        AppProcess api = AppProcess.startJar(pg.schema + "-live-api", apiArgs);
        processes.add(api);
        api.awaitStarted();

        int trials = 400;
        long id = Searches.submit(pg, Searches.trivial("live", trials));
        BlockingQueue<Received> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        var response = client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort
                        + "/api/searches/" + id + "/events")).header("Accept", "text/event-stream")
                        .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            try (Stream<String> body = r.body()) {
                body.forEach(line -> lines.add(new Received(line, System.currentTimeMillis())));
            }
            lines.add(new Received(null, System.currentTimeMillis()));
        });
        assertThat(poll(lines, Duration.ofSeconds(30)).line()).isEqualTo("event:search");

        AppProcess worker = AppProcess.startJar(pg.schema + "-live-worker", AppProcess.workerArgs(pg, 2));
        processes.add(worker);

        Map<Long, Long> endedAt = new HashMap<>(); // trial id -> when its end arrived on the stream
        String lastEvent = null;
        boolean cut = false;
        boolean searchEnded = false;
        long deadline = System.nanoTime() + SEARCH_TIMEOUT.toNanos();
        while (true) {
            Received r = poll(lines, Duration.ofNanos(deadline - System.nanoTime()));
            if (r.line() == null) {
                break; // the stream ended
            }
            if (r.line().startsWith("event:")) {
                lastEvent = r.line().substring(6);
            } else if (r.line().startsWith("data:") && "trial".equals(lastEvent)) {
                Matcher m = TRIAL.matcher(r.line());
                assertThat(m.find()).as(r.line()).isTrue();
                if (m.group(2).equals("COMPLETED")) {
                    endedAt.putIfAbsent(Long.parseLong(m.group(1)), r.atMillis());
                }
            } else if (r.line().startsWith("data:") && "search".equals(lastEvent)) {
                searchEnded = r.line().contains("\"COMPLETED\"");
            }
            if (!cut && endedAt.size() >= trials / 4) {
                // Cut the api's listening connection (only that backend, in this test's schema's channel).
                int cutOff = pg.with(c -> {
                    try (var s = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE application_name = ?")) {
                        s.setString(1, "hypersearch_" + pg.schema.toLowerCase() + "_listener");
                        try (var rs = s.executeQuery()) {
                            int n = 0;
                            while (rs.next()) {
                                n++;
                            }
                            return n;
                        }
                    }
                });
                assertThat(cutOff).as("listening connections cut").isEqualTo(1);
                cut = true;
            }
        }
        assertThat(searchEnded).as("the search's end reached the stream").isTrue();
        assertThat(cut).isTrue();
        assertThat(api.log()).contains("listening again for other processes' changes");
        assertThat(endedAt).as("every trial's end, none missed across the reconnect").hasSize(trials);

        Map<Long, Long> finishedAt = pg.with(c -> {
            Map<Long, Long> out = new HashMap<>();
            try (var s = c.prepareStatement("SELECT id, CAST(EXTRACT(EPOCH FROM finished_at) * 1000 AS BIGINT)"
                    + " FROM trial WHERE search_id = ?")) {
                s.setLong(1, id);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
        List<Long> lags = endedAt.entrySet().stream().map(e -> e.getValue() - finishedAt.get(e.getKey())).sorted()
                .toList();
        System.out.printf("live across processes: %d trial ends, lag p50 %d ms, p99 %d ms, max %d ms%n", lags.size(),
                lags.get(lags.size() / 2), lags.get(lags.size() * 99 / 100), lags.get(lags.size() - 1));
        assertThat(lags.get(lags.size() - 1)).as("slowest trial end to reach the stream, ms").isLessThan(2000);
    }

    private static Received poll(BlockingQueue<Received> lines, Duration timeout) throws InterruptedException {
        Received r = lines.poll(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("nothing on the event stream within " + timeout);
        }
        return r;
    }
}
