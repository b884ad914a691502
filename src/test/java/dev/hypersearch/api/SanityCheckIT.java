package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sanity check, a job for the workers: the search is created CHECKING at once; a broken first configuration
 * then fails it, spending nothing, and a sound one lets its trials run.
 */
class SanityCheckIT extends WorkersIT {

    static Map<String, Object> digits(String name, Map<String, Object> space) {
        return Map.of("name", name, "dataset", "digits", "strategy", "random", "maxTrials", 2, "seed", 42,
                "sanityCheck", true, "space", space);
    }

    @Test
    void aBrokenConfigurationFailsTheSearchNamingTheCheckWithItsNumbersAndCreatesNoTrial() throws Exception {
        long trialsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE number >= 0", Long.class);
        Http.Response r = http.postJson("/api/searches", digits("too-hot",
                Map.of("optimizer", "sgd", "learningRate", 10.0, "epochs", 5)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("CHECKING");
        long id = r.json().get("id").asLong();
        assertThat(SearchEnd.await(http, id, TIMEOUT)).isEqualTo("FAILED");
        JsonNode created = http.get("/api/searches/" + id).json();
        assertThat(created.get("message").asString()).startsWith("sanity check failed: overfitSubset")
                .contains("learning rate 10.0").contains("initial loss");
        assertThat(created.get("finishedAt").isNull()).isFalse();
        assertThat(created.get("progress").get("total").asLong()).isZero();

        JsonNode detail = created;
        JsonNode report = detail.get("sanityCheck");
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("failedCheck").asString()).isEqualTo("overfitSubset");
        assertThat(report.get("initialLoss").asDouble()).isCloseTo(Math.log(10), org.assertj.core.api.Assertions.within(0.3));
        assertThat(report.get("expectedInitialLoss").asDouble()).isEqualTo(Math.log(10));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial", Long.class)).isEqualTo(trialsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE search_id = ?", Long.class, id)).isZero();
    }

    @Test
    void aSoundConfigurationPassesAndTheSearchRuns() throws Exception {
        JsonNode search = run(digits("sound", Map.of("activation", "relu", "optimizer", "adam", "learningRate", 1e-2,
                "hiddenUnits", 32, "epochs", 2)), "COMPLETED");
        JsonNode report = search.get("sanityCheck");
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(report.get("failedCheck").isNull()).isTrue();
        assertThat(report.get("message").asString()).startsWith("sanity check passed");
        assertThat(report.get("finalTrainLoss").asDouble()).isLessThan(0.05);
        assertThat(search.get("progress").get("byStatus").get("COMPLETED").asLong()).isEqualTo(2);
        assertThat(search.get("spec").get("sanityCheck").asBoolean()).isTrue();
    }
}
