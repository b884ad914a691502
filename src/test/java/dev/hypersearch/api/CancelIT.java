package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.worker.LeasedTrial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CancelIT extends ApiIT {

    @Test
    void cancellingCancelsQueuedTrialsAndTheSearchAndASecondCancelIs409() {
        cancelEveryRunningSearch();
        long id = submit(randomSpec("to-cancel", 4, 5, Map.of("epochs", 3)));
        LeasedTrial running = worker.claim(id);

        Http.Response r = http.post("/api/searches/" + id + "/cancel");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode summary = r.json();
        assertThat(summary.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(summary.get("finishedAt").isNull()).isFalse();
        assertThat(summary.get("progress").get("byStatus").get("CANCELLED").asLong()).isEqualTo(3);
        assertThat(summary.get("progress").get("running").asLong())
                .as("a running trial stops at its worker's next check").isEqualTo(1);

        List<String> statuses = new ArrayList<>();
        http.get("/api/searches/" + id + "/trials?sort=number").json().get("items")
                .forEach(t -> statuses.add(t.get("status").asString()));
        // The three cancelled trials were planned, never created: counted above, not listed.
        assertThat(statuses).containsExactly("RUNNING");
        assertThat(http.get("/api/searches/" + id).json().get("status").asString()).isEqualTo("CANCELLED");

        Http.Response again = http.post("/api/searches/" + id + "/cancel");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("CANCELLED");
        assertThat(running.claim().searchId()).isEqualTo(id);
    }

    @Test
    void aCompletedSearchCannotBeCancelled() {
        cancelEveryRunningSearch();
        long id = submit(randomSpec("done", 1, 5, Map.of("epochs", 1)));
        worker.complete(worker.claim(id), 0.3, 0.9);
        assertThat(http.get("/api/searches/" + id).json().get("status").asString()).isEqualTo("COMPLETED");
        Http.Response r = http.post("/api/searches/" + id + "/cancel");
        assertThat(r.status()).isEqualTo(409);
        assertThat(http.get("/api/searches/" + id).json().get("status").asString()).isEqualTo("COMPLETED");
    }
}
