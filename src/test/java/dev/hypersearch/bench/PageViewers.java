package dev.hypersearch.bench;

import dev.hypersearch.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Open search pages without a browser, in a process of their own (so that their CPU is not the server's): each
 * viewer reads what frontend/src/pages/search/refresh.ts reads on a first visit (summary, leaderboard, charts
 * with topK 10, importance), subscribes to the search's events and, as the page does, re-reads summary and
 * leaderboard after a batch of events (at most every 500 ms) and charts and importance when a trial ended (at
 * most every 2 s). Args: {@code port searchId viewers seconds}. Prints what the viewers asked and received.
 */
public final class PageViewers {

    private static final Set<String> ENDED = Set.of("COMPLETED", "PRUNED", "DIVERGED", "FAILED", "CANCELLED");

    private final int port;
    private final long id;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(16, r -> {
        Thread t = new Thread(r, "viewer-timer");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> requestNanos = new ConcurrentHashMap<>();
    private final LongAdder events = new LongAdder();
    private final LongAdder failures = new LongAdder();

    private PageViewers(int port, long id) {
        this.port = port;
        this.id = id;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long id = Long.parseLong(args[1]);
        int viewers = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        PageViewers v = new PageViewers(port, id);
        List<Thread> streams = new ArrayList<>();
        for (int i = 0; i < viewers; i++) {
            Thread t = new Thread(v::view, "viewer-" + i);
            t.setDaemon(true);
            t.start();
            streams.add(t);
        }
        Thread.sleep(seconds * 1000L); // the viewers stay open this long
        v.report(viewers, seconds);
        System.exit(0);
    }

    /** One open page: first reads, then the event stream and the refreshes it triggers. */
    private void view() {
        String base = "/api/searches/" + id;
        Throttle board = new Throttle(500, () -> {
            get("summary", base);
            get("leaderboard", base + "/trials?sort=valLoss&dir=asc&page=0&size=25");
        });
        Throttle charts = new Throttle(2000, () -> {
            get("charts", base + "/charts?topK=10");
            get("importance", base + "/importance?top=0.1&within=1");
        });
        get("summary", base);
        get("leaderboard", base + "/trials?sort=valLoss&dir=asc&page=0&size=25");
        get("charts", base + "/charts?topK=10");
        get("importance", base + "/importance?top=0.1&within=1");
        try {
            HttpResponse<Stream<String>> stream = http.send(request(base + "/events"),
                    HttpResponse.BodyHandlers.ofLines());
            board.request(); // opened: catch up
            String event = "";
            for (String line : (Iterable<String>) stream.body()::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    events.increment();
                    board.request();
                    if (event.equals("search") || event.equals("trial") && ended(line)) {
                        charts.request();
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            failures.increment();
        }
    }

    private static boolean ended(String data) {
        int at = data.indexOf("\"status\":\"");
        if (at < 0) {
            return false;
        }
        int from = at + 10;
        return ENDED.contains(data.substring(from, data.indexOf('"', from)));
    }

    private void get(String what, String path) {
        long t = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                failures.increment();
            }
        } catch (IOException | InterruptedException e) {
            failures.increment();
        }
        requests.computeIfAbsent(what, k -> new LongAdder()).increment();
        requestNanos.computeIfAbsent(what, k -> new LongAdder()).add(System.nanoTime() - t);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).GET().build();
    }

    private void report(int viewers, int seconds) {
        StringBuilder out = new StringBuilder(String.format("  %d viewers for %d s: %d events received, %d failed"
                + " requests or streams;", viewers, seconds, events.sum(), failures.sum()));
        requests.forEach((what, n) -> out.append(String.format(" %s %.1f/s (mean %.0f ms)", what,
                n.sum() / (double) seconds, requestNanos.get(what).sum() / 1e6 / n.sum())));
        System.out.println(out);
    }

    /** As the page's Throttle: a requested run happens at most once per interval, never two at once. */
    private final class Throttle {
        private final long intervalMs;
        private final Runnable task;
        private boolean pending;
        private boolean running;
        private ScheduledFuture<?> handle;
        private final AtomicLong last = new AtomicLong(Long.MIN_VALUE / 2);

        Throttle(long intervalMs, Runnable task) {
            this.intervalMs = intervalMs;
            this.task = task;
        }

        synchronized void request() {
            pending = true;
            schedule();
        }

        private synchronized void schedule() {
            if (running || handle != null || !pending) {
                return;
            }
            long wait = Math.max(0, last.get() + intervalMs - System.currentTimeMillis());
            handle = timers.schedule(this::run, wait, TimeUnit.MILLISECONDS);
        }

        private void run() {
            synchronized (this) {
                handle = null;
                pending = false;
                running = true;
                last.set(System.currentTimeMillis());
            }
            try {
                task.run();
            } finally {
                synchronized (this) {
                    running = false;
                    schedule();
                }
            }
        }
    }
}
