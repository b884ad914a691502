package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.worker.LeasedTrial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Importance over a search whose trials the test's worker finishes with a loss that only the learning rate
 * drives (the other parameters are noise); a few trials with the largest learning rates diverge.
 */
class ImportanceIT extends ApiIT {

    static final Map<String, Object> SPACE = Map.of("epochs", 2,
            "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1.0, "log", true)),
            "l2", Map.of("floatRange", Map.of("min", 1e-6, "max", 1e-2, "log", true)),
            "activation", Map.of("choice", List.of("relu", "tanh", "sigmoid")));

    /** Submits a search of {@code trials} trials and finishes {@code finish} of them, as described above. */
    long search(String name, int trials, int finish) {
        cancelEveryRunningSearch();
        long id = submit(randomSpec(name, trials, 11, SPACE));
        for (int i = 0; i < finish; i++) {
            LeasedTrial t = worker.claim(id);
            TrialParams p = t.claim().params();
            double x = Math.log10(p.learningRate());
            double noise = ((t.claim().number() * 7919) % 101) / 2000.0;
            if (x > -0.4) {
                worker.finish(t, TrialStatus.DIVERGED, Double.NaN, Double.NaN);
            } else {
                worker.complete(t, Math.abs(x + 2.5) + noise, 0.5);
            }
        }
        return id;
    }

    JsonNode importance(long id, String query) {
        Http.Response r = http.get("/api/searches/" + id + "/importance" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theLearningRateThatDrivesTheLossHasTheLargestShareWithAnInterval() {
        long id = search("importance", 80, 80);
        long diverged = jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE search_id = ? AND status = 'DIVERGED'",
                Long.class, id);
        assertThat(diverged).as("the fixture has diverged trials").isPositive();

        JsonNode r = importance(id, "?top=0.2");
        assertThat(r.get("finishedTrials").asInt()).isEqualTo(80);
        assertThat(r.get("topTrials").asInt()).isEqualTo(16);
        assertThat(r.get("resamples").asInt()).isEqualTo(100);
        assertThat(r.get("reason").isNull()).isTrue();
        List<String> names = new ArrayList<>();
        double sum = 0;
        for (JsonNode p : r.get("parameters")) {
            names.add(p.get("name").asString());
            sum += p.get("importance").asDouble();
            assertThat(p.get("low").asDouble()).isBetween(0.0, p.get("high").asDouble());
        }
        assertThat(names).containsExactly("learningRate", names.get(1), names.get(2));
        assertThat(names).containsExactlyInAnyOrder("learningRate", "l2", "activation");
        assertThat(sum).isCloseTo(1, within(1e-9));
        JsonNode lr = r.get("parameters").get(0);
        assertThat(lr.get("low").asDouble()).as(r.toString())
                .isGreaterThan(r.get("parameters").get(1).get("high").asDouble());
        assertThat(importance(id, "?top=0.2")).as("seeded: the same answer").isEqualTo(r);
        assertThat(importance(id, "").get("top").asDouble()).isEqualTo(0.1);
        assertThat(importance(id, "?top=0.1&within=0.5").get("within").asDouble()).isEqualTo(0.5);
    }

    @Test
    void prunedTrialsAreAmongTheFinishedTrials() {
        cancelEveryRunningSearch();
        long id = submit(randomSpec("importance-pruned", 30, 11, SPACE));
        for (int i = 0; i < 30; i++) {
            LeasedTrial t = worker.claim(id);
            if (i % 3 == 0) {
                worker.complete(t, 1.0 + i / 100.0, 0.5);
            } else {
                worker.finish(t, TrialStatus.PRUNED, 0.01, 0.9); // stopped at epoch 2 of 2 (the fixture's)
            }
        }
        JsonNode r = importance(id, "?top=0.2");
        assertThat(r.get("finishedTrials").asInt()).isEqualTo(30);
        assertThat(r.get("topTrials").asInt()).isEqualTo(6);
        assertThat(r.get("parameters")).hasSize(3);
    }

    @Test
    void fewerThanTenFinishedTrialsGiveNoSharesButAReason() {
        long id = search("importance-few", 20, 6);
        JsonNode r = importance(id, "");
        assertThat(r.get("finishedTrials").asInt()).isEqualTo(6);
        assertThat(r.get("parameters").size()).isZero();
        assertThat(r.get("reason").asString()).contains("at least 10");
    }

    @Test
    void badParametersAndUnknownSearchesAreProblems() {
        long id = search("importance-bad", 3, 0);
        for (String q : new String[] {"?top=0", "?top=1", "?top=x", "?top=NaN"}) {
            Http.Response r = http.get("/api/searches/" + id + "/importance" + q);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(fields(r)).as(q).containsExactly("top");
        }
        assertThat(fields(http.get("/api/searches/" + id + "/importance?top=0.2&within=0.1"))).containsExactly("within");
        assertThat(fields(http.get("/api/searches/" + id + "/importance?within=1.5"))).containsExactly("within");
        assertThat(http.get("/api/searches/999999/importance").status()).isEqualTo(404);
    }
}
