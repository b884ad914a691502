package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Per-layer widths and parameters that apply only under others, through HTTP, the queue and the engine. */
class PerLayerWidthsIT extends WorkersIT {

    private static final Map<String, Object> SPEC = Map.of("name", "widths", "dataset", "iris", "strategy", "grid",
            "seed", 5, "space", Map.of(
                    "hiddenLayers", Map.of("choice", List.of(1, 2)),
                    "units1", Map.of("choice", List.of(4, 8)),
                    "units2", Map.of("choice", List.of(3, 5)),
                    "optimizer", "adam",
                    "momentum", Map.of("choice", List.of(0.5, 0.9)),
                    "epochs", 2, "batchSize", 32));

    @Test
    void theGridCountsActiveCombinationsOnlyAndEveryRowShowsItsWidths() throws Exception {
        Http.Response preview = http.postJson("/api/searches/preview", SPEC);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("trialCount").asLong()).as("1 x 2 + 2 x 2 x 2, momentum not under adam")
                .isEqualTo(6);

        JsonNode search = run(SPEC, "COMPLETED");
        List<JsonNode> rows = trials(search.get("id").asLong());
        assertThat(rows).hasSize(6);
        Set<List<Integer>> widths = new HashSet<>();
        for (JsonNode row : rows) {
            assertThat(row.get("status").asString()).isEqualTo("COMPLETED");
            JsonNode p = row.get("params");
            assertThat(p.get("momentum").isNull()).as("momentum does not apply under adam").isTrue();
            assertThat(p.get("beta1").asDouble()).isEqualTo(0.9);
            List<Integer> w = new ArrayList<>(List.of(p.get("units1").asInt()));
            if (p.get("hiddenLayers").asInt() == 2) {
                w.add(p.get("units2").asInt());
            } else {
                assertThat(p.get("units2").isNull()).as("no second layer").isTrue();
            }
            widths.add(w);
        }
        assertThat(widths).containsExactlyInAnyOrder(List.of(4), List.of(8), List.of(4, 3), List.of(4, 5),
                List.of(8, 3), List.of(8, 5));

        JsonNode detail = trial(rows.get(5).get("id").asLong());
        assertThat(detail.get("params").get("units2").isIntegralNumber()).isTrue();
        List<String> described = new ArrayList<>();
        search.get("parameters").forEach(sp -> described.add(sp.get("name").asString()));
        assertThat(described).contains("units1", "units2").doesNotContain("units3");
    }
}
