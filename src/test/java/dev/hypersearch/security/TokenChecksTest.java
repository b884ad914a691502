package dev.hypersearch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenChecksTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final TokenChecks checks = new TokenChecks(clock::get);
    private final TokenPrincipal alice = new TokenPrincipal(7, "alice", TokenRole.EDITOR);
    private final byte[] hash = TokenSecrets.hash("hs_alice");
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anActiveTokenIsReusedForLessThanTheTtlByItsSecretsHashAndItsId() {
        assertThat(checks.bySecretHash(hash, now)).isEmpty();
        checks.active(hash, alice, null, checks.now());
        assertThat(checks.bySecretHash(TokenSecrets.hash("hs_alice"), now)).contains(alice);
        assertThat(checks.bySecretHash(TokenSecrets.hash("hs_bob"), now)).isEmpty();
        assertThat(checks.knownActive(7, now)).isTrue();
        assertThat(checks.knownActive(8, now)).isFalse();

        clock.addAndGet(TokenChecks.TTL_NANOS);
        assertThat(checks.bySecretHash(hash, now)).as("read again after the TTL").isEmpty();
        assertThat(checks.knownActive(7, now)).isFalse();
    }

    @Test
    void aKeptTokenStillEndsAtItsExpiry() {
        checks.active(hash, alice, now.plusMillis(10), checks.now());
        assertThat(checks.bySecretHash(hash, now)).contains(alice);
        assertThat(checks.bySecretHash(hash, now.plusMillis(10))).isEmpty();
        assertThat(checks.knownActive(7, now.plusMillis(10))).isFalse();
    }

    @Test
    void aForgottenTokenIsReadAgainAndAReadBeganBeforeTheRevocationIsNotKept() {
        long readBefore = checks.now();
        checks.active(hash, alice, null, readBefore);
        clock.incrementAndGet();
        checks.forget(7);
        assertThat(checks.bySecretHash(hash, now)).isEmpty();
        assertThat(checks.knownActive(7, now)).isFalse();

        checks.active(hash, alice, null, readBefore); // a request that read the row before the revocation committed
        assertThat(checks.bySecretHash(hash, now)).isEmpty();
        assertThat(checks.knownActive(7, now)).isFalse();

        clock.incrementAndGet();
        checks.active(hash, alice, null, checks.now()); // a later read that found it active (a row changed by hand)
        assertThat(checks.bySecretHash(hash, now)).contains(alice);
    }

    @Test
    void revocationsAreRememberedForOneTtlOnlyAndAnOlderReadStillIsNotServed() {
        long readBefore = checks.now();
        clock.incrementAndGet();
        checks.forget(7);
        checks.forget(8);
        assertThat(checks.revocationsRemembered()).isEqualTo(2);

        clock.addAndGet(TokenChecks.TTL_NANOS);
        checks.forget(9);
        assertThat(checks.revocationsRemembered()).as("7 and 8 dropped, 9 kept").isEqualTo(1);

        checks.active(hash, alice, null, readBefore); // a read of token 7 that began before its revocation
        assertThat(checks.bySecretHash(hash, now)).isEmpty();
        assertThat(checks.knownActive(7, now)).isFalse();
    }

    @Test
    void theKeyIsACopyOfTheHash() {
        byte[] mutable = hash.clone();
        checks.active(mutable, alice, null, checks.now());
        mutable[0] ^= 1;
        assertThat(checks.bySecretHash(hash, now)).contains(alice);
    }
}
