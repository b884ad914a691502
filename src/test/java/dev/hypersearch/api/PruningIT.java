package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ASHA run by two workers deciding from each other's epoch rows in the database. */
class PruningIT extends WorkersIT {

    /** Learning rates from hopeless to good, so some trials fall behind at the rungs (epochs 1 and 3). */
    static Map<String, Object> ashaSearch() {
        return Map.of("name", "iris-asha", "dataset", "iris", "strategy", "random", "maxTrials", 15, "seed", 3,
                "pruner", Map.of("asha", Map.of("minEpochs", 1, "eta", 3)),
                "space", Map.of(
                        "learningRate", Map.of("floatRange", Map.of("min", 1e-5, "max", 0.1, "log", true)),
                        "hiddenUnits", Map.of("choice", List.of(4, 16)),
                        "optimizer", "adam", "epochs", 9, "batchSize", 16));
    }

    @Test
    void anAshaSearchPrunesSomeTrialsEndsEveryTrialAndShowsWhereAndWhy() throws Exception {
        JsonNode search = run(ashaSearch(), "COMPLETED");
        long id = search.get("id").asLong();
        assertThat(search.get("progress").get("running").asLong()).isZero();
        assertThat(search.get("progress").get("queued").asLong()).isZero();
        assertThat(search.get("spec").get("pruner").get("asha").get("eta").asInt()).isEqualTo(3);
        assertThat(search.get("rungEpochs").valueStream().map(JsonNode::asInt).toList())
                .as("rungs 1, 3 below the space's 9 epochs").containsExactly(1, 3);

        List<JsonNode> rows = trials(id);
        assertThat(rows).hasSize(15);
        assertThat(rows).allMatch(t -> List.of("COMPLETED", "PRUNED").contains(t.get("status").asString()));
        List<JsonNode> pruned = rows.stream().filter(t -> t.get("status").asString().equals("PRUNED")).toList();
        assertThat(pruned).as("ASHA pruned some trials").isNotEmpty();
        assertThat(rows).as("and let some complete").anyMatch(t -> t.get("status").asString().equals("COMPLETED"));

        for (JsonNode row : pruned) {
            JsonNode p = row.get("pruning");
            assertThat(p.get("rule").asString()).isEqualTo("asha");
            int rung = p.get("rung").asInt();
            int epoch = p.get("epoch").asInt();
            assertThat(epoch).isEqualTo(List.of(1, 3).get(rung));
            assertThat(p.get("value").asDouble()).isGreaterThan(p.get("threshold").asDouble());
            assertThat(p.get("reason").asString()).contains("rung " + rung).isEqualTo(row.get("error").asString());
            assertThat(row.get("epochsRun").asInt()).isEqualTo(epoch);

            JsonNode detail = trial(row.get("id").asLong());
            assertThat(detail.get("pruning")).isEqualTo(p);
            assertThat(detail.get("rungEpochs").valueStream().map(JsonNode::asInt).toList()).containsExactly(1, 3);
            assertThat(detail.get("curve")).as("a pruned trial keeps its curve").hasSize(epoch);
            // The value is the trial's own loss at the rung; the threshold another trial's loss there.
            assertThat(detail.get("curve").get(epoch - 1).get("valLoss").asDouble())
                    .isCloseTo(p.get("value").asDouble(), within(1e-12));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial_epoch e JOIN trial t ON t.id = e.trial_id"
                            + " WHERE t.search_id = ? AND t.id <> ? AND e.epoch = ? AND e.val_loss = ?", Long.class,
                    id, row.get("id").asLong(), epoch, p.get("threshold").asDouble())).isPositive();
        }
        long best = search.get("best").get("trialId").asLong();
        assertThat(rows).filteredOn(t -> t.get("id").asLong() == best)
                .singleElement().satisfies(t -> assertThat(t.get("status").asString()).isEqualTo("COMPLETED"));
        int epochs = rows.stream().mapToInt(t -> t.get("epochsRun").asInt()).sum();
        assertThat(epochs).as("epochs trained, of 15 x 9").isLessThan(15 * 9);
    }

    @Test
    void theMedianRuleStopsTrialsWorseThanTheOthersMedianAfterTheWarmUp() throws Exception {
        Map<String, Object> spec = new java.util.HashMap<>(ashaSearch());
        spec.put("name", "iris-median");
        spec.put("maxTrials", 10);
        spec.put("pruner", Map.of("median", Map.of("warmupEpochs", 2, "startupTrials", 2)));
        JsonNode search = run(spec, "COMPLETED");
        assertThat(search.get("rungEpochs")).as("the median rule may stop a trial at any epoch").isEmpty();
        List<JsonNode> rows = trials(search.get("id").asLong());
        assertThat(rows).hasSize(10)
                .allMatch(t -> List.of("COMPLETED", "PRUNED").contains(t.get("status").asString()));
        List<JsonNode> pruned = rows.stream().filter(t -> t.get("status").asString().equals("PRUNED")).toList();
        assertThat(pruned).isNotEmpty();
        for (JsonNode row : pruned) {
            JsonNode p = row.get("pruning");
            assertThat(p.get("rule").asString()).isEqualTo("median");
            assertThat(p.get("rung").isNull()).isTrue();
            assertThat(p.get("epoch").asInt()).isGreaterThan(2).isEqualTo(row.get("epochsRun").asInt());
            assertThat(p.get("value").asDouble()).isGreaterThan(p.get("threshold").asDouble())
                    .isEqualTo(row.get("bestValLoss").asDouble());
            assertThat(trial(row.get("id").asLong()).get("rungEpochs")).isEmpty();
        }
    }
}
