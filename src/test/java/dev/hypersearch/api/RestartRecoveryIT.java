package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.Application;
import dev.hypersearch.store.TrialQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A process dies with trials RUNNING; the next one on the same database file queues them again and
 * finishes the search. Two application contexts in turn stand for the two processes.
 */
class RestartRecoveryIT {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir Path dir;

    ConfigurableApplicationContext start(String role) {
        // Command-line arguments: unlike builder properties they override application.yml.
        return new SpringApplicationBuilder(Application.class).run(
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("hypersearch") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--server.port=0", "--hypersearch.role=" + role, "--hypersearch.workers=2",
                "--hypersearch.poll-millis=50");
    }

    static Http http(ConfigurableApplicationContext context) {
        return new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void trialsLeftRunningByADeadProcessAreRequeuedAndTheSearchCompletes() throws Exception {
        long id;
        List<Long> orphans;
        try (ConfigurableApplicationContext dead = start("none")) {
            Http http = http(dead);
            Http.Response created = http.postJson("/api/searches", Map.of("name", "restart", "dataset", "iris",
                    "strategy", "random", "maxTrials", 4, "seed", 5,
                    "space", Map.of("epochs", 5, "hiddenUnits", Map.of("choice", List.of(8, 16)))));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            id = created.json().get("id").asLong();
            JdbcTemplate jdbc = dead.getBean(JdbcTemplate.class);
            // What a worker that died mid-training leaves behind: two trials claimed (created RUNNING), their
            // leases far from expiry.
            TrialQueue queue = dead.getBean(TrialQueue.class);
            for (int i = 0; i < 2; i++) {
                assertThat(queue.claim("dead-process/w0", Duration.ofHours(1))).isPresent();
            }
            orphans = jdbc.queryForList("SELECT id FROM trial WHERE search_id = ? AND status = 'RUNNING' ORDER BY id",
                    Long.class, id);
            assertThat(orphans).hasSize(2);
        }

        try (ConfigurableApplicationContext next = start("all")) {
            Http http = http(next);
            assertThat(SearchEnd.await(http, id, TIMEOUT)).isEqualTo("COMPLETED");
            JsonNode rows = http.get("/api/searches/" + id + "/trials?sort=number").json().get("items");
            assertThat(rows).hasSize(4);
            for (JsonNode t : rows) {
                assertThat(t.get("status").asString()).isEqualTo("COMPLETED");
                assertThat(t.get("workerId").asString()).doesNotStartWith("dead-process");
                int expectedAttempt = orphans.contains(t.get("id").asLong()) ? 2 : 1;
                assertThat(t.get("attempt").asInt()).as("trial " + t.get("number")).isEqualTo(expectedAttempt);
            }
        }
    }
}
