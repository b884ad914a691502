package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the security integration tests: one application context with security on (the default), no workers, an
 * in-memory H2 of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:security-it;DB_CLOSE_DELAY=-1",
        "hypersearch.role=none"})
abstract class SecurityContextIT {

    @LocalServerPort int port;
    Http admin;
    Http anonymous;

    @BeforeEach
    void clients() {
        admin = new Http(port);
        anonymous = admin.as(null);
    }

    /** A new token of {@code role}; its secret. */
    String token(String name, String role) {
        Http.Response r = admin.postJson("/api/tokens", Map.of("name", name, "role", role));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("token").asString();
    }

    static Map<String, Object> spec(String name) {
        return Map.of("name", name, "dataset", "iris", "strategy", "random", "maxTrials", 2, "seed", 1,
                "space", Map.of("epochs", 1));
    }
}
