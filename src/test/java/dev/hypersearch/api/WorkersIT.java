package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Base of the tests that run searches end to end: one server with two real workers (one context, shared by the
 * subclasses), searches submitted and read over HTTP and awaited on the event stream, rows checked in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-workers;DB_CLOSE_DELAY=-1",
        "hypersearch.role=all", "hypersearch.workers=2", "hypersearch.poll-millis=50"})
abstract class WorkersIT {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    long submit(Object spec) {
        Http.Response r = http.postJson("/api/searches", spec);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Submits, waits for the end, and checks that no trial was left unfinished. */
    JsonNode run(Object spec, String expectedStatus) throws InterruptedException {
        long id = submit(spec);
        assertThat(SearchEnd.await(http, id, TIMEOUT)).isEqualTo(expectedStatus);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE search_id = ? AND status IN"
                + " ('QUEUED', 'RUNNING')", Long.class, id)).as("trials left queued or running").isZero();
        return http.get("/api/searches/" + id).json();
    }

    List<JsonNode> trials(long searchId) {
        Http.Response r = http.get("/api/searches/" + searchId + "/trials?sort=number&dir=asc&size=200");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        r.json().get("items").forEach(rows::add);
        return rows;
    }

    JsonNode trial(long trialId) {
        return http.get("/api/trials/" + trialId).json();
    }
}
