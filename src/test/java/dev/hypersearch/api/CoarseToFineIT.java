package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A two-stage coarse-to-fine search through HTTP, its second stage checked against the first's rows. */
class CoarseToFineIT extends WorkersIT {

    record Done(int number, double lr, int units, String activation, double valLoss) {
    }

    @Test
    void aTwoStageIrisSearchCompletesAndTheSecondStageLiesWithinTheFirstStagesTopTrials() throws Exception {
        JsonNode search = run(Map.of("name", "iris-c2f", "dataset", "iris", "strategy", "coarse-to-fine", "seed", 8,
                "coarseToFine", Map.of("stages", 2, "trialsPerStage", 6, "topFraction", 0.5),
                "space", Map.of(
                        "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 0.3, "log", true)),
                        "hiddenUnits", Map.of("intRange", Map.of("min", 4, "max", 64, "step", 4)),
                        "activation", Map.of("choice", List.of("relu", "tanh", "sigmoid")),
                        "optimizer", "adam", "epochs", 10, "batchSize", 16)), "COMPLETED");
        long id = search.get("id").asLong();
        assertThat(search.get("progress").get("budget").asLong()).isEqualTo(12);
        assertThat(search.get("progress").get("total").asLong()).isEqualTo(12);

        JsonNode stages = search.get("stages");
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0).get("stage").asInt()).isEqualTo(1);
        assertThat(stages.get(0).get("firstTrial").asInt()).isZero();
        assertThat(stages.get(1).get("firstTrial").asInt()).isEqualTo(6);
        assertThat(stages.get(1).get("trialCount").asInt()).isEqualTo(6);
        assertThat(stages.get(0).get("space").get("learningRate").get("floatRange").get("min").asDouble())
                .isEqualTo(1e-4);

        List<JsonNode> rows = trials(id);
        assertThat(rows).hasSize(12);
        for (JsonNode t : rows) {
            assertThat(t.get("stage").asInt()).isEqualTo(t.get("number").asInt() < 6 ? 1 : 2);
        }

        // Stage 1's top half (ceil(0.5 x completed)) by validation loss, ties by number, from the database.
        List<Done> completed = jdbc.query("SELECT number, params, val_loss FROM trial WHERE search_id = ?"
                + " AND stage = 1 AND status = 'COMPLETED'", (rs, i) -> {
                    JsonNode p = Http.JSON.readTree(rs.getString("params"));
                    return new Done(rs.getInt("number"), p.get("learningRate").asDouble(),
                            p.get("hiddenUnits").asInt(), p.get("activation").asString(), rs.getDouble("val_loss"));
                }, id);
        assertThat(completed).isNotEmpty();
        List<Done> top = completed.stream().sorted(Comparator.comparingDouble(Done::valLoss)
                .thenComparingInt(Done::number)).limit((completed.size() + 1) / 2).toList();
        double lrMin = top.stream().mapToDouble(Done::lr).min().orElseThrow();
        double lrMax = top.stream().mapToDouble(Done::lr).max().orElseThrow();
        int unitsMin = top.stream().mapToInt(Done::units).min().orElseThrow();
        int unitsMax = top.stream().mapToInt(Done::units).max().orElseThrow();
        Set<String> activations = top.stream().map(Done::activation).collect(Collectors.toSet());

        JsonNode space2 = stages.get(1).get("space");
        JsonNode lr = space2.get("learningRate").get("floatRange");
        assertThat(lr.get("min").asDouble()).isEqualTo(lrMin);
        assertThat(lr.get("max").asDouble()).isEqualTo(lrMax);
        assertThat(lr.get("log").asBoolean()).isTrue();
        JsonNode units = space2.get("hiddenUnits").get("intRange");
        assertThat(units.get("min").asInt()).isEqualTo(unitsMin);
        assertThat(units.get("max").asInt()).isEqualTo(unitsMax);
        JsonNode choice = space2.get("activation");
        Set<String> allowed = choice.has("choice")
                ? choice.get("choice").valueStream().map(JsonNode::asString).collect(Collectors.toSet())
                : Set.of(choice.asString());
        assertThat(allowed).isEqualTo(activations);

        for (JsonNode t : rows.subList(6, 12)) {
            JsonNode p = t.get("params");
            assertThat(p.get("learningRate").asDouble()).isBetween(lrMin, lrMax);
            assertThat(p.get("hiddenUnits").asInt()).isBetween(unitsMin, unitsMax);
            assertThat(activations).contains(p.get("activation").asString());
        }
    }
}
