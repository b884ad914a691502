package dev.hypersearch.api;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads a server-sent event stream on the HTTP client's threads into a queue; tests take events with a
 * bounded wait, so they block on the stream itself rather than sleeping.
 */
final class SseStream implements AutoCloseable {

    /** Name given to comment lines, which carry no event but keep proxies from closing the stream. */
    static final String COMMENT = ":comment";

    /** One event; {@code name} is null for the end of the stream. */
    record Event(String name, String data) {

        JsonNode json() {
            return Http.JSON.readTree(data);
        }

        boolean isEnd() {
            return name == null;
        }
    }

    private static final Event END = new Event(null, null);

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    SseStream(HttpClient client, java.net.URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", dev.hypersearch.TestTokens.bearer(dev.hypersearch.TestTokens.ADMIN)).GET().build();
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            lines = r.body();
            String[] name = {null};
            StringBuilder data = new StringBuilder();
            try {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (name[0] != null || !data.isEmpty()) {
                            events.add(new Event(name[0] == null ? "message" : name[0], data.toString()));
                        }
                        name[0] = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                    } else if (line.startsWith(":")) {
                        events.add(new Event(COMMENT, line.substring(1).strip()));
                    }
                    // ids and retry lines are ignored
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            } finally {
                events.add(END);
            }
        });
    }

    int status(Duration timeout) throws Exception {
        return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    }

    /** The next event (or the end), skipping comments, waiting at most {@code timeout} in all. */
    Event next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = poll(deadline, timeout);
            if (!COMMENT.equals(e.name())) {
                return e;
            }
        }
    }

    private Event poll(long deadline, Duration timeout) throws InterruptedException {
        Event e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (e == null) {
            throw new AssertionError("no server-sent event within " + timeout);
        }
        return e;
    }

    /** The next event (or comment, for {@link #COMMENT}) with this name, skipping others. */
    Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = poll(deadline, timeout);
            if (e.isEnd()) {
                throw new AssertionError("stream ended before a '" + name + "' event");
            }
            if (name.equals(e.name())) {
                return e;
            }
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
    }
}
