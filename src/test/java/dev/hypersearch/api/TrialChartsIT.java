package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The chart aggregates over a search large enough to be sampled: 5,000 trials, finished by SQL with
 * losses that are a fixed shuffle of the trial numbers, a few diverged, curves for every trial.
 */
class TrialChartsIT extends ApiIT {

    static final int TRIALS = 5000;

    long search;

    @BeforeEach
    void finishTrialsBySql() {
        cancelEveryRunningSearch();
        search = submit(randomSpec("charts", TRIALS, 3, Map.of("epochs", 4,
                "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 0.1, "log", true)),
                "activation", Map.of("choice", List.of("relu", "tanh")))));
        // Its trials are planned: claims create them (RUNNING), then they are finished here by SQL.
        while (queue.claim("sql", java.time.Duration.ofHours(1)).isPresent()) {
            // every planned trial of the search, created
        }
        // loss(n) = 0.05 + ((n * 7919) mod 5003) / 1000: distinct, in no particular order.
        jdbc.update("UPDATE trial SET status = 'COMPLETED', val_loss = 0.05 + MOD(number * 7919, 5003) / 1000.0,"
                + " best_val_loss = 0.05 + MOD(number * 7919, 5003) / 1000.0, val_accuracy = 0.5, epochs_run = 4,"
                + " attempt = 1, worker_id = 'sql', duration_ms = 10, finished_at = CURRENT_TIMESTAMP, lease_expires_at = NULL"
                + " WHERE search_id = ?",
                search);
        jdbc.update("UPDATE trial SET status = 'DIVERGED', val_loss = NULL, best_val_loss = NULL,"
                + " error = 'loss became NaN' WHERE search_id = ? AND MOD(number, 100) = 7", search);
        jdbc.update("INSERT INTO trial_epoch (trial_id, epoch, train_loss, val_loss, val_accuracy, elapsed_ms)"
                + " SELECT t.id, CAST(e.x AS INTEGER), t.val_loss * (5 - e.x), t.val_loss * (5 - e.x) / 4, 0.5, e.x * 10"
                + " FROM trial t, SYSTEM_RANGE(1, 4) e WHERE t.search_id = ? AND t.status = 'COMPLETED'", search);
        dev.hypersearch.store.Recount.trialCounters(jdbc, search);
        lifecycle.completeFinishedSearches();
    }

    JsonNode charts(String query) {
        Http.Response r = http.get("/api/searches/" + search + "/charts" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void bestSoFarIsTheRunningMinimumOfCompletedTrialsInNumberOrder() {
        List<double[]> expected = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int last = -1;
        for (int n = 0; n < TRIALS; n++) {
            if (n % 100 == 7) {
                continue;
            }
            double loss = 0.05 + ((n * 7919L) % 5003) / 1000.0;
            last = n;
            if (loss < best) {
                best = loss;
                expected.add(new double[] {n, loss});
            }
        }
        expected.add(new double[] {last, best});

        JsonNode c = charts("");
        assertThat(c.get("finished").asLong()).isEqualTo(TRIALS - TRIALS / 100);
        List<double[]> actual = new ArrayList<>();
        c.get("bestSoFar").forEach(p -> actual.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()}));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)[0]).isEqualTo(expected.get(i)[0]);
            assertThat(actual.get(i)[1]).isCloseTo(expected.get(i)[1], org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void theSampleIsBoundedAndHoldsTheBestTrials() {
        JsonNode c = charts("");
        JsonNode sample = c.get("sample");
        assertThat(c.get("sampled").asBoolean()).isTrue();
        assertThat(sample.size()).isBetween(TrialChartsController.SAMPLE_BEST + 1, TrialChartsController.MAX_POINTS);
        List<Integer> numbers = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        for (JsonNode s : sample) {
            numbers.add(s.get("number").asInt());
            min = Math.min(min, s.get("valLoss").asDouble());
            assertThat(s.get("params").has("learningRate")).isTrue();
            assertThat(s.get("params").has("epochs")).as("fixed in the spec: left out").isFalse();
            assertThat(s.get("number").asInt() % 100).isNotEqualTo(7);
        }
        assertThat(numbers).isSorted().doesNotHaveDuplicates();
        assertThat(min).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
        // the 200 best are all there
        long bestCount = sample.valueStream().filter(s -> s.get("valLoss").asDouble() < 0.05 + 0.2005).count();
        assertThat(bestCount).isGreaterThanOrEqualTo(TrialChartsController.SAMPLE_BEST);
    }

    @Test
    void curvesOfTheTopKBestFirstThenOfRequestedTrials() {
        long worst = jdbc.queryForObject("SELECT id FROM trial WHERE search_id = ? AND status = 'COMPLETED'"
                + " ORDER BY val_loss DESC FETCH FIRST 1 ROWS ONLY", Long.class, search);
        JsonNode curves = charts("?topK=3&trials=" + worst).get("curves");
        assertThat(curves.size()).isEqualTo(4);
        double previous = 0;
        for (int i = 0; i < 3; i++) {
            double loss = curves.get(i).get("valLoss").asDouble();
            assertThat(loss).isGreaterThanOrEqualTo(previous);
            previous = loss;
            assertThat(curves.get(i).get("points").size()).isEqualTo(4);
            assertThat(curves.get(i).get("points").get(0).get("epoch").asInt()).isEqualTo(1);
        }
        assertThat(curves.get(3).get("id").asLong()).isEqualTo(worst);
        assertThat(charts("?topK=0").get("curves").size()).isZero();
    }

    @Test
    void aSearchWithoutFinishedTrialsHasEmptyCharts() {
        long fresh = submit(randomSpec("empty-charts", 3, 1, Map.of("epochs", 1)));
        Http.Response r = http.get("/api/searches/" + fresh + "/charts");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("finished").asLong()).isZero();
        assertThat(r.json().get("bestSoFar").size()).isZero();
        assertThat(r.json().get("sample").size()).isZero();
        assertThat(r.json().get("sampled").asBoolean()).isFalse();
    }

    @Test
    void badParametersAndUnknownSearchesAreProblems() {
        assertThat(http.get("/api/searches/" + search + "/charts?topK=21").status()).isEqualTo(400);
        assertThat(fields(http.get("/api/searches/" + search + "/charts?trials=1,x"))).containsExactly("trials");
        assertThat(http.get("/api/searches/999999/charts").status()).isEqualTo(404);
    }
}
