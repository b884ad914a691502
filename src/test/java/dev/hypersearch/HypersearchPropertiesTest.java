package dev.hypersearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HypersearchPropertiesTest {

    static HypersearchProperties of(String role, int grace) {
        return role == null ? TestProperties.bind("shutdown-grace-seconds=" + grace)
                : TestProperties.bind("role=" + role, "shutdown-grace-seconds=" + grace);
    }

    @Test
    void rolesDecideWhatAProcessRuns() {
        assertThat(of(null, 0).role()).isEqualTo(Role.ALL);
        assertThat(of("all", 0).runsWorkers()).isTrue();
        assertThat(of("all", 0).servesApi()).isTrue();
        assertThat(of("Worker", 0).runsWorkers()).isTrue();
        assertThat(of("worker", 0).servesApi()).isFalse();
        assertThat(of("api", 0).runsWorkers()).isFalse();
        assertThat(of("api", 0).servesApi()).isTrue();
        assertThat(of("none", 0).runsWorkers()).isFalse();
    }

    @Test
    void anUnknownRoleIsRefusedAtStartUp() {
        assertThatThrownBy(() -> of("workers", 0)).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all, api, worker or none");
    }

    @Test
    void defaults() {
        HypersearchProperties p = of("all", -5);
        assertThat(p.shutdownGrace()).isZero();
        assertThat(p.lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.heartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.maxAttempts()).isEqualTo(3);
    }

    @Test
    void plainNumbersAreInThePropertyNamesUnitAndDurationsAreAcceptedToo() {
        HypersearchProperties p = TestProperties.bind("lease-seconds=12", "heartbeat-seconds=1", "poll-millis=50",
                "shutdown-grace-seconds=7");
        assertThat(p.lease()).isEqualTo(Duration.ofSeconds(12));
        assertThat(p.heartbeat()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.poll()).isEqualTo(Duration.ofMillis(50));
        assertThat(p.shutdownGrace()).isEqualTo(Duration.ofSeconds(7));
        assertThat(TestProperties.bind("lease-seconds=2m", "poll-millis=1s").lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(TestProperties.bind("poll-millis=1s").poll()).isEqualTo(Duration.ofSeconds(1));
    }
}
