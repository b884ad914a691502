package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.TestProperties;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.TrialQueue;
import dev.hypersearch.worker.TrialLeases;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Base of the API integration tests: one application context (so one server and one in-memory H2) shared
 * by every subclass, no workers; tests drive trials through {@link TrialLeases} exactly as a worker does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-it;DB_CLOSE_DELAY=-1",
        "hypersearch.role=none",
        "hypersearch.datasets.max-upload-size=10MB"})
abstract class ApiIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired TrialQueue queue;
    @Autowired SearchLifecycle lifecycle;
    @Autowired ApplicationEventPublisher events;
    @Autowired MeterRegistry meters;

    Http http;
    Worker worker;

    @BeforeEach
    void client() {
        http = new Http(port);
        // This context runs no workers (role none): the test's worker claims through its own TrialLeases.
        worker = new Worker(new TrialLeases(queue, lifecycle, events, meters, TestProperties.bind("lease-seconds=60")),
                "test-worker");
    }

    /** Cancels other tests' searches so that claims in this test take this test's trials. */
    void cancelEveryRunningSearch() {
        for (Long id : jdbc.queryForList("SELECT id FROM search WHERE status = 'RUNNING'", Long.class)) {
            lifecycle.cancel(id);
        }
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    static Map<String, Object> randomSpec(String name, int maxTrials, long seed, Map<String, Object> space) {
        return new LinkedHashMap<>(Map.of("name", name, "dataset", "iris", "strategy", "random",
                "maxTrials", maxTrials, "seed", seed, "space", space));
    }

    long submit(Map<String, Object> spec) {
        Http.Response r = http.postJson("/api/searches", spec);
        if (r.status() != 201) {
            throw new AssertionError("submission failed: " + r);
        }
        return r.json().get("id").asLong();
    }

    /** Submission and preview both answer 400 problem+json naming {@code field} first, and nothing is written. */
    void assertRejectedNamingField(String label, String body, String field) {
        long searches = count("search");
        long trials = count("trial");
        for (String path : new String[] {"/api/searches", "/api/searches/preview"}) {
            Http.Response r = http.postJson(path, body);
            assertThat(r.status()).as(label + " " + path + ": " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            JsonNode problem = r.json();
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(fields(r)).as(label + ": " + r.body()).contains(field);
            assertThat(fields(r).get(0)).as(label + ": the detail names the first field").isEqualTo(field);
            assertThat(problem.get("detail").asString()).startsWith(field + ": ");
        }
        assertThat(count("search")).isEqualTo(searches);
        assertThat(count("trial")).isEqualTo(trials);
    }

    static List<String> fields(Http.Response r) {
        return r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
