package dev.hypersearch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An epoch's write renews the lease only once half of it is gone (the heartbeat normally renews it first). */
class LeasedTrialRenewalTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final long NOW = 1_000_000_000_000L;

    @Test
    void aFreshLeaseIsNotRenewedByAnEpoch() {
        assertThat(LeasedTrial.renewalDue(NOW + LEASE.toNanos(), NOW, LEASE)).isFalse();
        assertThat(LeasedTrial.renewalDue(NOW + LEASE.toNanos() / 2, NOW, LEASE)).isFalse();
    }

    @Test
    void aLeaseWithLessThanHalfLeftIsRenewedByAnEpoch() {
        assertThat(LeasedTrial.renewalDue(NOW + LEASE.toNanos() / 2 - 1, NOW, LEASE)).isTrue();
        assertThat(LeasedTrial.renewalDue(NOW - 1, NOW, LEASE)).isTrue();
    }
}
