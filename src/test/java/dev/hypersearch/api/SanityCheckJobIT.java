package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.store.SanityCheckJobs;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.worker.LeasedTrial;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sanity check as a queued job, driven step by step by the test's worker (no workers in this context):
 * created at once, claimed first like a trial, cancelled with its search, and failed when the lease reaper
 * gives up on it.
 */
class SanityCheckJobIT extends ApiIT {

    @Autowired SanityCheckJobs checks;

    Map<String, Object> checked(String name) {
        Map<String, Object> spec = randomSpec(name, 3, 5, Map.of("hiddenUnits", 8, "epochs", 2));
        spec.put("sanityCheck", true);
        return spec;
    }

    @Test
    void theSearchIsCreatedCheckingWithOnlyItsCheckQueuedAndCancellingItDropsTheCheck() {
        cancelEveryRunningSearch();
        Http.Response r = http.postJson("/api/searches", checked("checking"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("CHECKING");
        long id = r.json().get("id").asLong();
        assertThat(jdbc.queryForList("SELECT number FROM trial WHERE search_id = ?", Integer.class, id))
                .containsExactly(SanityCheckJobs.CHECK_NUMBER);
        assertThat(http.get("/api/searches?size=200").body()).contains("\"CHECKING\"");

        assertThat(http.post("/api/searches/" + id + "/cancel", "application/json", new byte[0]).status()).isEqualTo(200);
        assertThat(lifecycle.statusOf(id)).isEqualTo(SearchStatus.CANCELLED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE search_id = ?", Long.class, id)).isZero();
    }

    @Test
    void aCheckWhoseEveryAttemptLostItsWorkerFailsTheSearchWithTheAttempts() {
        cancelEveryRunningSearch();
        long id = submit(checked("lost-check"));
        try (LeasedTrial check = worker.claim(id)) {
            assertThat(check.claim().number()).isEqualTo(SanityCheckJobs.CHECK_NUMBER);
            assertThat(check.claim().searchStatus()).isEqualTo(SearchStatus.CHECKING);
        }
        // the worker died: its lease runs out (backdated, not waited for) and the reaper gives up (1 attempt)
        jdbc.update("UPDATE trial SET lease_expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE search_id = ?", id);
        queue.reapExpired(1);
        assertThat(checks.failAbandoned()).isEqualTo(1);

        assertThat(lifecycle.statusOf(id)).isEqualTo(SearchStatus.FAILED);
        String message = http.get("/api/searches/" + id).json().get("message").asString();
        assertThat(message).startsWith("sanity check failed: it could not be run: gave up after attempt 1 of 1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE search_id = ?", Long.class, id)).isZero();
    }
}
