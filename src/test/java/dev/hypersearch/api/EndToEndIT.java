package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The whole service: a search submitted over HTTP, trained by real workers, read back over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-e2e;DB_CLOSE_DELAY=-1",
        "hypersearch.role=all", "hypersearch.workers=2", "hypersearch.poll-millis=50"})
class EndToEndIT {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    @LocalServerPort int port;

    static Map<String, Object> irisSearch() {
        return Map.of("name", "iris-e2e", "dataset", "iris", "strategy", "random", "maxTrials", 6, "seed", 11,
                "space", Map.of(
                        "learningRate", Map.of("floatRange", Map.of("min", 0.003, "max", 0.03, "log", true)),
                        "hiddenUnits", Map.of("choice", List.of(16, 32)),
                        "epochs", 30, "optimizer", "adam", "batchSize", 16));
    }

    @Test
    void aRandomIrisSearchRunByWorkersCompletesWithAGoodBestTrial() throws Exception {
        Http http = new Http(port);
        Http.Response created = http.postJson("/api/searches", irisSearch());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        assertThat(SearchEnd.await(http, id, TIMEOUT)).isEqualTo("COMPLETED");

        JsonNode summary = http.get("/api/searches/" + id).json();
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.get("finishedAt").isNull()).isFalse();
        assertThat(summary.get("progress").get("byStatus").get("COMPLETED").asLong()).isEqualTo(6);
        JsonNode best = summary.get("best");
        assertThat(best.get("valAccuracy").asDouble()).isGreaterThanOrEqualTo(0.9);

        JsonNode board = http.get("/api/searches/" + id + "/trials?sort=valLoss&dir=asc").json();
        assertThat(board.get("items")).hasSize(6);
        JsonNode top = board.get("items").get(0);
        assertThat(top.get("id").asLong()).isEqualTo(best.get("trialId").asLong());
        assertThat(top.get("epochsRun").asInt()).isEqualTo(30);
        assertThat(top.get("durationMs").asLong()).isPositive();

        JsonNode trial = http.get("/api/trials/" + top.get("id").asLong()).json();
        assertThat(trial.get("curve")).hasSize(30);
        assertThat(trial.get("curve").get(29).get("epoch").asInt()).isEqualTo(30);
        assertThat(trial.get("workerId").asString()).isNotBlank();
    }
}
