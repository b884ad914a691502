package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Guessing tokens is slowed per client address: past the limit of failed authentications in a minute, every attempt
 * from that address (a bearer header or a sign-in) is answered 429 before the token is looked at. A context of its
 * own: its limit (3) would otherwise lock the other tests' address out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:auth-limit-it;DB_CLOSE_DELAY=-1",
        "hypersearch.role=none", "hypersearch.security.max-failed-authentications=3"})
class FailedAuthenticationLimitIT {

    @LocalServerPort int port;

    @Test
    void anAddressOverTheLimitIsAnswered429UntilItsWindowEnds() {
        Http guesser = new Http(port, "hs_guess");
        assertThat(guesser.get("/api/me").status()).isEqualTo(401);
        assertThat(guesser.as(null).postJson("/api/session", Map.of("token", "hs_guess2")).status()).isEqualTo(401);
        assertThat(guesser.get("/api/me").status()).isEqualTo(401);

        Http.Response limited = guesser.get("/api/me");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(guesser.as(TestTokens.ADMIN).get("/api/me").status())
                .as("even the right token, until the window ends").isEqualTo(429);
        assertThat(guesser.as(null).postJson("/api/session", Map.of("token", TestTokens.ADMIN)).status())
                .isEqualTo(429);
        assertThat(guesser.as(null).get("/actuator/health").status()).as("requests that do not authenticate")
                .isEqualTo(200);
    }
}
