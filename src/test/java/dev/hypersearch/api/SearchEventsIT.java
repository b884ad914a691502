package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TrialChangedEvent;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.worker.LeasedTrial;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.ClaimedTrial;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class SearchEventsIT extends ApiIT {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired SearchEventBroadcaster broadcaster;

    @Test
    void subscribersGetTheStatusThenTrialEventsThenTheEndOfTheSearch() throws Exception {
        cancelEveryRunningSearch();
        long id = submit(randomSpec("sse", 2, 3, Map.of("epochs", 2)));
        try (SseStream stream = new SseStream(http.client(), http.uri("/api/searches/" + id + "/events"))) {
            assertThat(stream.status(WAIT)).isEqualTo(200);
            SseStream.Event initial = stream.next(WAIT);
            assertThat(initial.name()).isEqualTo("search");
            assertThat(initial.json().get("searchId").asLong()).isEqualTo(id);
            assertThat(initial.json().get("status").asString()).isEqualTo("RUNNING");

            LeasedTrial first = worker.claim(id);
            JsonNode claimed = stream.next("trial", WAIT).json();
            assertThat(claimed.get("trialId").asLong()).isEqualTo(first.claim().lease().trialId());
            assertThat(claimed.get("number").asInt()).isEqualTo(0);
            assertThat(claimed.get("status").asString()).isEqualTo("RUNNING");
            assertThat(claimed.get("epoch").isNull()).isTrue();

            worker.epoch(first, 1, 1.0, 0.8, 0.6);
            JsonNode epoch = stream.next("trial", WAIT).json();
            assertThat(epoch.get("epoch").asInt()).isEqualTo(1);

            assertThat(worker.complete(first, 0.4, 0.9)).isEqualTo(SearchStatus.RUNNING);
            JsonNode finished = stream.next("trial", WAIT).json();
            assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(finished.get("searchId").asLong()).isEqualTo(id);

            assertThat(worker.complete(worker.claim(id), 0.3, 0.95)).isEqualTo(SearchStatus.COMPLETED);
            JsonNode done = stream.next("search", WAIT).json();
            assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(stream.next(WAIT).isEnd()).as("the stream ends with the search").isTrue();
        }
    }

    @Test
    void eventsOfOtherSearchesAreNotSent() throws Exception {
        long watched = submit(randomSpec("watched", 1, 3, Map.of("epochs", 2)));
        long other = submit(randomSpec("other", 1, 3, Map.of("epochs", 2)));
        try (SseStream stream = new SseStream(http.client(), http.uri("/api/searches/" + watched + "/events"))) {
            assertThat(stream.next("search", WAIT).json().get("status").asString()).isEqualTo("RUNNING");
            // Published in this order on one fan-out thread: had the other search's events been sent to
            // this stream, they would arrive before the watched search's cancellation.
            events.publishEvent(new TrialChangedEvent(other, 1, 0, TrialStatus.RUNNING, null));
            assertThat(http.post("/api/searches/" + other + "/cancel").status()).isEqualTo(200);
            assertThat(http.post("/api/searches/" + watched + "/cancel").status()).isEqualTo(200);
            SseStream.Event next = stream.next(WAIT);
            assertThat(next.name()).isEqualTo("search");
            assertThat(next.json().get("searchId").asLong()).isEqualTo(watched);
            assertThat(next.json().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(stream.next(WAIT).isEnd()).isTrue();
        }
        assertThat(broadcaster.subscriberCount(watched)).isZero();
    }

    @Test
    void heartbeatsAreCommentLines() throws Exception {
        long id = submit(randomSpec("heartbeat", 1, 3, Map.of("epochs", 2)));
        try (SseStream stream = new SseStream(http.client(), http.uri("/api/searches/" + id + "/events"))) {
            assertThat(stream.next("search", WAIT).json().get("status").asString()).isEqualTo("RUNNING");
            broadcaster.heartbeat(); // what the scheduler does every 15 s
            SseStream.Event beat = stream.next(SseStream.COMMENT, WAIT);
            assertThat(beat.data()).isEqualTo("heartbeat");
        }
    }

    @Test
    void aFinishedSearchsStreamSendsItsStatusAndEnds() throws Exception {
        cancelEveryRunningSearch();
        long id = submit(randomSpec("finished", 1, 3, Map.of("epochs", 2)));
        http.post("/api/searches/" + id + "/cancel");
        try (SseStream stream = new SseStream(http.client(), http.uri("/api/searches/" + id + "/events"))) {
            assertThat(stream.next(WAIT).json().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(stream.next(WAIT).isEnd()).isTrue();
        }
        assertThat(broadcaster.subscriberCount(id)).isZero();
    }
}
