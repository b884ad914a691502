package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.worker.LeasedTrial;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.ClaimedTrial;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The leaderboard, trial detail and CSV export over a search whose trials were driven through the queue
 * as a worker would: trial k gets the outcome in row k of {@link #OUTCOMES}.
 */
class LeaderboardIT extends ApiIT {

    /** status, valLoss, valAccuracy per trial number; NaN is what a diverged trial reports. */
    record Outcome(TrialStatus status, double valLoss, double valAccuracy) {
    }

    static final List<Outcome> OUTCOMES = List.of(
            new Outcome(TrialStatus.COMPLETED, 0.5, 0.8),
            new Outcome(TrialStatus.DIVERGED, Double.NaN, Double.NaN),
            new Outcome(TrialStatus.COMPLETED, 0.2, 0.9),
            new Outcome(TrialStatus.COMPLETED, 0.9, 0.6),
            new Outcome(TrialStatus.COMPLETED, 0.2, 0.85),
            new Outcome(TrialStatus.RUNNING, 0, 0),   // claimed, one epoch reported, not finished
            new Outcome(TrialStatus.QUEUED, 0, 0));   // claimed and handed back (a trial never claimed is not created)

    long search;

    @BeforeEach
    void driveTrials() {
        cancelEveryRunningSearch();
        search = submit(randomSpec("board", OUTCOMES.size(), 99, Map.of("epochs", 2,
                "hiddenUnits", Map.of("intRange", Map.of("min", 2, "max", 200)))));
        for (int k = 0; k < OUTCOMES.size(); k++) {
            Outcome o = OUTCOMES.get(k);
            LeasedTrial c = worker.claim(search);
            assertThat(c.claim().number()).isEqualTo(k);
            if (o.status() == TrialStatus.QUEUED) {
                try (c) {
                    assertThat(c.release()).isTrue();
                }
                continue;
            }
            worker.epoch(c, 1, 1.0, 0.7, 0.5);
            if (o.status() != TrialStatus.RUNNING) {
                worker.finish(c, o.status(), o.valLoss(), o.valAccuracy());
            }
        }
    }

    List<Integer> numbers(String query) {
        Http.Response r = http.get("/api/searches/" + search + "/trials?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Integer> numbers = new ArrayList<>();
        r.json().get("items").forEach(t -> numbers.add(t.get("number").asInt()));
        return numbers;
    }

    @Test
    void sortsByValidationLossWithNullsLastInBothDirectionsAndTiesByNumber() {
        assertThat(numbers("sort=valLoss&dir=asc")).containsExactly(2, 4, 0, 3, 1, 5, 6);
        assertThat(numbers("sort=valLoss&dir=desc")).containsExactly(3, 0, 2, 4, 1, 5, 6);
        assertThat(numbers("sort=valAccuracy&dir=desc")).containsExactly(2, 4, 0, 3, 1, 5, 6);
        assertThat(numbers("sort=number&dir=desc")).containsExactly(6, 5, 4, 3, 2, 1, 0);
        assertThat(numbers("")).as("default: valLoss asc").containsExactly(2, 4, 0, 3, 1, 5, 6);
    }

    @Test
    void filtersByStatus() {
        assertThat(numbers("status=COMPLETED,DIVERGED&sort=number")).containsExactly(0, 1, 2, 3, 4);
        assertThat(numbers("status=queued,running&sort=number")).containsExactly(5, 6);
        assertThat(numbers("status=FAILED")).isEmpty();
    }

    @Test
    void pagesInTheDatabaseOrder() {
        JsonNode first = http.get("/api/searches/" + search + "/trials?sort=valLoss&size=3&page=0").json();
        assertThat(first.get("totalElements").asLong()).isEqualTo(7);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(numbers("sort=valLoss&size=3&page=0")).containsExactly(2, 4, 0);
        assertThat(numbers("sort=valLoss&size=3&page=1")).containsExactly(3, 1, 5);
        assertThat(numbers("sort=valLoss&size=3&page=2")).containsExactly(6);
        assertThat(numbers("sort=valLoss&size=3&page=3")).isEmpty();
        assertThat(numbers("status=COMPLETED&sort=valLoss&dir=desc&size=2&page=1")).containsExactly(2, 4);
    }

    @Test
    void keysetPagesFollowTheOrderFromThePreviousPagesLastTrial() {
        assertThat(numbers("sort=valLoss&size=3&page=1&after=0")).containsExactly(3, 1, 5);
        assertThat(numbers("sort=valLoss&size=3&page=2&after=5")).as("from the nulls on").containsExactly(6);
        assertThat(numbers("sort=valLoss&dir=desc&size=2&page=1&after=2")).as("ties by number").containsExactly(4, 1);
        for (String order : List.of("sort=valLoss", "sort=valLoss&dir=desc", "sort=valAccuracy&dir=desc",
                "sort=valAccuracy&dir=asc", "sort=number", "sort=number&dir=desc", "sort=status",
                "sort=status&dir=desc", "sort=epochsRun", "sort=durationMs&dir=desc", "sort=stage",
                "sort=valF1&dir=desc", "sort=valF1", "sort=valR2&dir=desc", "sort=valRmse", "sort=valMae&dir=desc",
                "status=COMPLETED,DIVERGED&sort=valLoss", "status=COMPLETED&sort=valLoss&dir=desc")) {
            List<Integer> all = numbers(order);
            List<Integer> walked = new ArrayList<>(numbers(order + "&size=2"));
            for (int page = 1; page <= all.size(); page++) {
                walked.addAll(numbers(order + "&size=2&page=" + page + "&after=" + walked.get(walked.size() - 1)));
            }
            assertThat(walked).as(order).isEqualTo(all);
        }
        assertThat(numbers("sort=valLoss&size=3&page=1&after=999")).as("no such trial: by offset")
                .containsExactly(3, 1, 5);
    }

    @Test
    void rowsCarryMetricsAndTheSummaryCountsAndBestTrial() {
        JsonNode rows = http.get("/api/searches/" + search + "/trials?sort=number").json().get("items");
        JsonNode best = rows.get(2);
        assertThat(best.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(best.get("valLoss").asDouble()).isEqualTo(0.2);
        assertThat(best.get("valAccuracy").asDouble()).isEqualTo(0.9);
        assertThat(best.get("attempt").asInt()).isEqualTo(1);
        assertThat(best.get("workerId").asString()).isEqualTo("test-worker");
        assertThat(best.get("params").get("hiddenUnits").isIntegralNumber()).isTrue();
        assertThat(rows.get(1).get("valLoss").isNull()).as("a diverged trial's NaN loss is null").isTrue();

        JsonNode summary = http.get("/api/searches/" + search).json();
        JsonNode progress = summary.get("progress");
        assertThat(progress.get("total").asLong()).isEqualTo(7);
        assertThat(progress.get("finished").asLong()).isEqualTo(5);
        assertThat(progress.get("running").asLong()).isEqualTo(1);
        assertThat(progress.get("queued").asLong()).isEqualTo(1);
        assertThat(progress.get("byStatus").get("COMPLETED").asLong()).isEqualTo(4);
        assertThat(progress.get("byStatus").get("DIVERGED").asLong()).isEqualTo(1);
        assertThat(summary.get("best").get("number").asInt()).as("lowest loss, tie to the lower number").isEqualTo(2);
        assertThat(summary.get("best").get("trialId").asLong()).isEqualTo(best.get("id").asLong());
        assertThat(summary.get("best").get("valLoss").asDouble()).isEqualTo(0.2);
    }

    @Test
    void aTrialShowsItsCurveTimingAndLease() {
        JsonNode rows = http.get("/api/searches/" + search + "/trials?sort=number").json().get("items");
        JsonNode running = http.get("/api/trials/" + rows.get(5).get("id").asLong()).json();
        assertThat(running.get("searchId").asLong()).isEqualTo(search);
        assertThat(running.get("number").asInt()).isEqualTo(5);
        assertThat(running.get("status").asString()).isEqualTo("RUNNING");
        assertThat(running.get("leaseExpiresAt").isNull()).isFalse();
        assertThat(running.get("startedAt").isNull()).isFalse();
        assertThat(running.get("finishedAt").isNull()).isTrue();
        assertThat(running.get("curve")).hasSize(1);
        JsonNode point = running.get("curve").get(0);
        assertThat(point.get("epoch").asInt()).isEqualTo(1);
        assertThat(point.get("valLoss").asDouble()).isEqualTo(0.7);
        assertThat(point.get("valAccuracy").asDouble()).isEqualTo(0.5);
        assertThat(point.get("elapsedMs").asLong()).isEqualTo(10);

        JsonNode done = http.get("/api/trials/" + rows.get(0).get("id").asLong()).json();
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(done.get("leaseExpiresAt").isNull()).isTrue();
        assertThat(done.get("queuedAt").isNull()).isFalse();
    }

    @Test
    void csvExportHasParametersThenMetricsAndOneRowPerTrial() throws Exception {
        Http.Response r = http.get("/api/searches/" + search + "/trials.csv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("attachment").contains("search-" + search + "-trials.csv"));
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.body())).getRecords();
        assertThat(records).hasSize(OUTCOMES.size());
        List<String> header = records.get(0).getParser().getHeaderNames();
        assertThat(header).containsSubsequence("number", "learningRate", "epochs", "hiddenUnits", "activation", "l2",
                "valLoss", "bestValLoss", "valAccuracy", "trainLoss", "epochsRun", "durationMs");
        for (int k = 0; k < records.size(); k++) {
            CSVRecord row = records.get(k);
            assertThat(row.get("number")).isEqualTo(String.valueOf(k));
            assertThat(row.get("epochs")).isEqualTo("2");
        }
        assertThat(Double.parseDouble(records.get(2).get("valLoss"))).isEqualTo(0.2);
        assertThat(records.get(1).get("valLoss")).isEmpty();
        assertThat(records.get(6).get("status")).isEqualTo("QUEUED");
    }
}
