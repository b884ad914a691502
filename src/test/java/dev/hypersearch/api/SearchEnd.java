package dev.hypersearch.api;

import java.time.Duration;

/** Waits for a search to finish by reading its event stream: blocks on the stream, bounded by a deadline. */
final class SearchEnd {

    private SearchEnd() {
    }

    /** The final status: from a `search` event, or the initial one if the search had already finished. */
    static String await(Http http, long searchId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SseStream stream = new SseStream(http.client(), http.uri("/api/searches/" + searchId + "/events"))) {
            while (true) {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative()) {
                    throw new AssertionError("search " + searchId + " did not finish within " + timeout);
                }
                SseStream.Event e = stream.next("search", left);
                String status = e.json().get("status").asString();
                if (!status.equals("RUNNING") && !status.equals("CHECKING")) {
                    return status;
                }
            }
        }
    }
}
