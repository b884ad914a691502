package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.tpe.TpeSampler;
import dev.hypersearch.store.SearchRepository;
import dev.hypersearch.store.SuggestionBasis;
import dev.hypersearch.store.TpeHistory;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A TPE search run by two workers: the start-up trials are random, every later trial's parameters are decided
 * at its claim, recorded with the trials they were based on, and replay exactly from the database.
 */
class TpeIT extends WorkersIT {

    @Autowired SearchRepository searches;
    @Autowired TrialRepository trialRows;
    @Autowired TpeHistory history;

    @Test
    void laterTrialsAreSuggestedAtTheirClaimRecordTheirBasisAndReplayFromIt() throws Exception {
        JsonNode search = run(Map.of("name", "iris-tpe", "dataset", "iris", "strategy", "tpe", "seed", 5,
                "maxTrials", 14, "tpe", Map.of("startupTrials", 4, "candidates", 16),
                "space", Map.of(
                        "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 0.3, "log", true)),
                        "hiddenUnits", Map.of("intRange", Map.of("min", 4, "max", 64, "step", 4)),
                        "activation", Map.of("choice", List.of("relu", "tanh", "sigmoid")),
                        // 200 epochs: a trial lasts far longer than a claim, so the other worker is still
                        // training when a suggestion is made (at 8 epochs an iris trial could end within a claim)
                        "epochs", 200, "batchSize", 16)), "COMPLETED");
        long id = search.get("id").asLong();
        SearchSpec spec = searches.findById(id).orElseThrow().searchSpec();
        assertThat(spec.tpe().startupTrials()).isEqualTo(4);
        assertThat(spec.tpe().gamma()).isEqualTo(0.25); // the default, stored with the spec
        TpeSampler sampler = new TpeSampler(spec.space(), spec.tpe(), spec.seed());

        List<JsonNode> rows = trials(id);
        assertThat(rows).hasSize(14);
        Set<Long> ids = rows.stream().map(r -> r.get("id").asLong()).collect(Collectors.toSet());
        List<Long> sawRunning = new ArrayList<>();
        for (JsonNode row : rows) {
            JsonNode detail = trial(row.get("id").asLong());
            int number = row.get("number").asInt();
            TrialEntity t = trialRows.findById(row.get("id").asLong()).orElseThrow();
            if (number < 4) {
                assertThat(detail.get("suggestion").isNull()).as("start-up trial %d", number).isTrue();
                assertThat(t.getSuggestionBasis()).isNull();
                continue;
            }
            SuggestionBasis basis = t.getSuggestionBasis();
            assertThat(basis).as("trial %d", number).isNotNull();
            assertThat(detail.get("suggestion").get("basedOn").valueStream().map(JsonNode::asLong).toList())
                    .isEqualTo(basis.basedOn());
            // Claims go in number order: by then the four start-up trials had been claimed, and all but the other
            // worker's trial had finished.
            assertThat(basis.basedOn().size() + basis.running().size()).isGreaterThanOrEqualTo(number - 1);
            assertThat(ids).containsAll(basis.basedOn()).containsAll(basis.running());
            assertThat(basis.basedOn()).doesNotContain(t.getId());
            sawRunning.addAll(basis.running());
            // Replay: the same sampler on the trials the basis names, as they were then, gives the same parameters.
            TrialParams replayed = sampler.suggest(number, history.observedAt(basis)).params();
            assertThat(replayed).as("trial %d replayed", number).isEqualTo(t.getParams());
            assertThat(Http.JSON.treeToValue(detail.get("params"), TrialParams.class)).isEqualTo(t.getParams());
        }
        assertThat(sawRunning).as("with two workers, some suggestion saw the other worker's trial running")
                .isNotEmpty();
    }

    @Test
    void tpeSettingsAreCheckedAndOnlyGoWithTheTpeStrategy() {
        Http.Response bad = http.postJson("/api/searches", Map.of("name", "x", "dataset", "iris", "strategy", "tpe",
                "seed", 1, "maxTrials", 5, "tpe", Map.of("gamma", 1.5, "candidatez", 3)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.toString()).contains("tpe.gamma").contains("tpe.candidatez");
        Http.Response noBudget = http.postJson("/api/searches", Map.of("name", "x", "dataset", "iris",
                "strategy", "tpe", "seed", 1));
        assertThat(noBudget.status()).isEqualTo(400);
        assertThat(noBudget.toString()).contains("maxTrials");
        Http.Response elsewhere = http.postJson("/api/searches", Map.of("name", "x", "dataset", "iris",
                "strategy", "random", "seed", 1, "maxTrials", 5, "tpe", Map.of()));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.toString()).contains("only used by the tpe strategy");
    }
}
