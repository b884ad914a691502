package dev.hypersearch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anAddressIsBlockedAtTheLimitUntilItsWindowEnds() {
        MovableClock clock = new MovableClock();
        FailedAuthentications failures = new FailedAuthentications(3, clock);
        failures.record("10.0.0.1");
        failures.record("10.0.0.1");
        assertThat(failures.blockedForSeconds("10.0.0.1")).isZero();
        failures.record("10.0.0.1");
        assertThat(failures.blockedForSeconds("10.0.0.1")).isEqualTo(60);
        assertThat(failures.blockedForSeconds("10.0.0.2")).as("per address").isZero();

        clock.now = clock.now.plus(Duration.ofSeconds(45));
        assertThat(failures.blockedForSeconds("10.0.0.1")).isEqualTo(15);
        clock.now = clock.now.plus(Duration.ofSeconds(15));
        assertThat(failures.blockedForSeconds("10.0.0.1")).isZero();
        failures.record("10.0.0.1");
        assertThat(failures.blockedForSeconds("10.0.0.1")).as("a new window counts from one").isZero();
    }
}
