package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.store.FirstTrials;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/**
 * The training precision through HTTP, the queue and the engine: shown on every leaderboard row and trial, and in
 * the search's spec and parameters. New searches train float32 unless they say otherwise; a search stored while
 * float64 was the default (its space names no precision) trains float64 to its last trial and stage.
 */
class PrecisionIT extends WorkersIT {

    private static final Map<String, Object> SPEC = Map.of("name", "precision", "dataset", "iris", "strategy", "grid",
            "seed", 3, "space", Map.of("precision", Map.of("choice", List.of("float32", "float64")),
                    "epochs", 20, "batchSize", 16, "learningRate", 0.01));

    @Autowired SubmittedSpec specs;
    @Autowired SearchLifecycle lifecycle;
    @Autowired ApplicationEventPublisher events;
    @Autowired SearchRepository searches;

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

    @Test
    void aNewSearchWithoutPrecisionTrainsFloat32AndSaysSo() throws Exception {
        JsonNode search = run(staged("unset", null), "COMPLETED");
        assertTrainsAndShows(search, "float32");
    }

    @Test
    void aNewSearchThatSetsFloat64KeepsIt() throws Exception {
        JsonNode search = run(staged("float64", "float64"), "COMPLETED");
        assertTrainsAndShows(search, "float64");
    }

    /**
     * A search stored as submissions stored it while float64 was the default, its space without precision, taken
     * up by the workers after the default changed: every trial of both stages trains float64, and the search says
     * so. The row goes through the real store path (validation's stored form, the lifecycle, the workers' claims).
     */
    @Test
    void aSearchStoredWithoutPrecisionGoesOnTrainingFloat64() throws Exception {
        SubmittedSpec.Validated v = specs.validate(staged("stored before float32", null));
        Map<String, Object> stored = new LinkedHashMap<>(v.stored());
        Map<String, Object> space = new LinkedHashMap<>(asMap(stored.get("space")));
        assertThat(space.remove("precision")).as("today's stored form names the precision").isEqualTo("float32");
        stored.put("space", space);
        SearchSpec spec = SearchSpec.fromStored(stored);
        SearchEntity saved = lifecycle.create(new SearchEntity(spec, stored,
                Math.toIntExact(spec.coarseToFine().totalTrials()),
                Instant.now().truncatedTo(ChronoUnit.MICROS)), FirstTrials.of(spec));
        events.publishEvent(new SearchChangedEvent(saved.getId(), saved.getStatus()));
        long id = saved.getId();
        assertThat(SearchEnd.await(http, id, TIMEOUT)).isEqualTo("COMPLETED");

        assertTrainsAndShows(http.get("/api/searches/" + id).json(), "float64");
        assertThat(asMap(searches.findById(id).orElseThrow().getStoredSpec().get("space")))
                .as("the stored row is read as float64, not rewritten").doesNotContainKey("precision");
    }

    /** Every trial (both stages) trained at {@code precision}, and the spec and parameters name it. */
    private void assertTrainsAndShows(JsonNode search, String precision) {
        assertThat(search.get("spec").get("space").get("precision").asString()).isEqualTo(precision);
        JsonNode use = null;
        for (JsonNode p : search.get("parameters")) {
            if (p.get("name").asString().equals("precision")) {
                use = p;
            }
        }
        assertThat(use).isNotNull();
        assertThat(use.get("varying").asBoolean()).isFalse();
        assertThat(use.get("fixed").asString()).isEqualTo(precision);
        assertThat(search.get("stages")).hasSize(2);
        for (JsonNode stage : search.get("stages")) {
            assertThat(stage.get("space").get("precision").asString()).isEqualTo(precision);
        }
        List<JsonNode> rows = trials(search.get("id").asLong());
        assertThat(rows).hasSize(4);
        for (JsonNode row : rows) {
            assertThat(row.get("status").asString()).as(row.toString()).isEqualTo("COMPLETED");
            assertThat(row.get("params").get("precision").asString()).as(row.toString()).isEqualTo(precision);
            assertThat(trial(row.get("id").asLong()).get("params").get("precision").asString()).isEqualTo(precision);
        }
    }

    /** Two stages of two short trials on iris; {@code precision} null leaves it out of the space. */
    private static Map<String, Object> staged(String name, String precision) {
        Map<String, Object> space = new LinkedHashMap<>();
        space.put("learningRate", Map.of("floatRange", Map.of("min", 1e-3, "max", 1e-1, "log", true)));
        space.put("hiddenUnits", 8);
        space.put("epochs", 5);
        space.put("batchSize", 16);
        if (precision != null) {
            space.put("precision", precision);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", "precision " + name);
        spec.put("dataset", "iris");
        spec.put("strategy", "coarse-to-fine");
        spec.put("seed", 5);
        spec.put("coarseToFine", Map.of("stages", 2, "trialsPerStage", 2, "topFraction", 0.5));
        spec.put("space", space);
        return spec;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
