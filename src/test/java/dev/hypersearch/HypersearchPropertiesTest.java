package dev.hypersearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HypersearchPropertiesTest {

    static HypersearchProperties of(String role, int grace) {
        return new HypersearchProperties(role, 0, 0, 0, 0, 0, 0, 0, grace);
    }

    @Test
    void rolesDecideWhatAProcessRuns() {
        assertThat(of(null, 0).role()).isEqualTo("all");
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
        assertThatThrownBy(() -> of("workers", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all, api, worker or none");
    }

    @Test
    void defaults() {
        HypersearchProperties p = of("all", -5);
        assertThat(p.shutdownGraceSeconds()).isZero();
        assertThat(p.leaseSeconds()).isEqualTo(30);
        assertThat(p.heartbeatSeconds()).isEqualTo(5);
        assertThat(p.maxAttempts()).isEqualTo(3);
    }
}
