package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The training precision through HTTP, the queue and the engine: shown on every leaderboard row and trial. */
class PrecisionIT extends WorkersIT {

    private static final Map<String, Object> SPEC = Map.of("name", "precision", "dataset", "iris", "strategy", "grid",
            "seed", 3, "space", Map.of("precision", Map.of("choice", List.of("float32", "float64")),
                    "epochs", 20, "batchSize", 16, "learningRate", 0.01));

    @Test
    void aGridOverPrecisionTrainsBothAndShowsEach() throws Exception {
        JsonNode search = run(SPEC, "COMPLETED");
        List<JsonNode> rows = trials(search.get("id").asLong());
        assertThat(rows).hasSize(2);
        List<String> precisions = new ArrayList<>();
        for (JsonNode row : rows) {
            assertThat(row.get("status").asString()).isEqualTo("COMPLETED");
            precisions.add(row.get("params").get("precision").asString());
            JsonNode detail = trial(row.get("id").asLong());
            assertThat(detail.get("params").get("precision").asString())
                    .isEqualTo(row.get("params").get("precision").asString());
        }
        assertThat(precisions).containsExactly("float32", "float64");
        // Both trained (each trial has its own initialization seed; MixedPrecisionTrainingTest compares like with like).
        for (JsonNode row : rows) {
            assertThat(row.get("valAccuracy").asDouble()).as(row.toString()).isGreaterThan(0.8);
        }
        List<String> described = new ArrayList<>();
        search.get("parameters").forEach(sp -> described.add(sp.get("name").asString()));
        assertThat(described).contains("precision");
    }
}
