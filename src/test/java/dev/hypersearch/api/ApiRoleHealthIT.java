package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A process without workers (role api) is healthy without any: its health has no workers component. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-role-health;DB_CLOSE_DELAY=-1", "hypersearch.role=api"})
class ApiRoleHealthIT {

    @LocalServerPort int port;

    @Test
    void healthIsUpWithoutAWorkersComponent() {
        Http.Response r = new Http(port).get("/actuator/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
        assertThat(r.json().get("components").has("db")).isTrue();
        assertThat(r.json().get("components").has("workers")).isFalse();
    }
}
