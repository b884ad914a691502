package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** hypersearch.security.enabled=false: everything is open, nothing is owned, and the log warns at start. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:security-off-it;DB_CLOSE_DELAY=-1", "hypersearch.role=none",
        "hypersearch.security.enabled=false"})
class SecurityOffIT {

    @LocalServerPort int port;

    @Test
    void everythingIsOpenAndTheStartWarns(CapturedOutput output) {
        Http anonymous = new Http(port, null);
        Http.Response created = anonymous.postJson("/api/searches", Map.of("name", "open", "dataset", "iris",
                "strategy", "random", "maxTrials", 1, "seed", 1, "space", Map.of("epochs", 1)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("owner").isNull()).isTrue();
        Http.Response me = anonymous.get("/api/me");
        assertThat(me.json().get("securityEnabled").asBoolean()).isFalse();
        assertThat(me.json().get("role").asString()).isEqualTo("admin");
        assertThat(output.getAll()).contains("WARN").contains("SECURITY IS OFF (hypersearch.security.enabled=false)");
        assertThat(anonymous.get("/api/searches").headers().firstValue("Content-Security-Policy")).isPresent();
    }
}
