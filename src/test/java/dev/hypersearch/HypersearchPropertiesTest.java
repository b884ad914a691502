package dev.hypersearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

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
        assertThat(p.trialMemoryFraction()).isEqualTo(0.5);
        assertThat(p.workerNice()).isEqualTo(10);
        assertThat(p.trialMemoryBudgetBytes())
                .isEqualTo((long) (0.5 * Runtime.getRuntime().maxMemory() / p.workerThreads()));
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

    @Test
    void workerNiceIsANiceValueThatNeverRaisesThePriority() {
        assertThat(TestProperties.bind("worker-nice=0").workerNice()).isZero();
        assertThat(TestProperties.bind("worker-nice=19").workerNice()).isEqualTo(19);
        assertThat(TestProperties.bind("worker-nice=25").workerNice()).isEqualTo(19);
        assertThat(TestProperties.bind("worker-nice=-5").workerNice()).isZero();
    }

    @Test
    void environmentVariablesBindAsDockerComposeSetsThem() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", Map.of(
                "HYPERSEARCH_ROLE", "worker", "HYPERSEARCH_LEASE_SECONDS", "12",
                "HYPERSEARCH_SHUTDOWN_GRACE_SECONDS", "3", "HYPERSEARCH_WORKER_NICE", "5")));
        HypersearchProperties p = HypersearchProperties.bind(env);
        assertThat(p.role()).isEqualTo(Role.WORKER);
        assertThat(p.lease()).isEqualTo(Duration.ofSeconds(12));
        assertThat(p.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.workerNice()).isEqualTo(5);
    }
}
