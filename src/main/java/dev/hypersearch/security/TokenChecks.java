package dev.hypersearch.security;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What the token table said about a token in the last {@link #TTL_NANOS}, so that an open page's requests (a few a
 * second each) do not read the table and open a transaction every time. Kept per secret (keyed by the secret's
 * SHA-256, never the secret) for bearer requests and per token id for sessions; only active tokens are kept (an
 * unknown or refused token always reaches the table and the failed-authentication limit). A kept answer still
 * ends at the token's expiry, and revoking in this process drops it at once; a revocation in another process, or
 * a row changed by hand, takes effect within {@link #TTL_NANOS}.
 */
final class TokenChecks {

    /** How long an answer from the token table is reused. */
    static final long TTL_NANOS = 1_000_000_000L;
    /** Beyond this many kept answers (distinct tokens in a second) everything is dropped: memory stays bounded. */
    static final int MAX_KEPT = 10_000;

    private record Kept(TokenPrincipal principal, Instant expiresAt, long checkedAt) {
    }

    private final Map<ByteBuffer, Kept> bySecret = new ConcurrentHashMap<>();
    private final Map<Long, Kept> byId = new ConcurrentHashMap<>();
    /**
     * When each token was forgotten (revoked): an answer read before then is never kept, so a request that read
     * the row just before a revocation committed cannot put the token back for a second. An entry older than
     * {@link #TTL_NANOS} is dropped: any answer read before it is past its TTL anyway.
     */
    private final Map<Long, Long> forgottenAt = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    TokenChecks(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The active token whose secret hashes to {@code hash}, if the table said so within the last second. */
    Optional<TokenPrincipal> bySecretHash(byte[] hash, Instant now) {
        return fresh(bySecret, ByteBuffer.wrap(hash), now).map(Kept::principal);
    }

    /** Whether the table said within the last second that token {@code id} is active (false: ask it). */
    boolean knownActive(long id, Instant now) {
        return fresh(byId, id, now).isPresent();
    }

    /**
     * Records that the table said this token is active, in a read that began at {@code checkedAt} (from
     * {@link #now()}, taken before the read).
     */
    void active(byte[] hash, TokenPrincipal principal, Instant expiresAt, long checkedAt) {
        if (readBeforeForgotten(principal.tokenId(), checkedAt)) {
            return;
        }
        keep(bySecret, ByteBuffer.wrap(hash.clone()), new Kept(principal, expiresAt, checkedAt));
        active(principal, expiresAt, checkedAt);
    }

    void active(TokenPrincipal principal, Instant expiresAt, long checkedAt) {
        if (!readBeforeForgotten(principal.tokenId(), checkedAt)) {
            keep(byId, principal.tokenId(), new Kept(principal, expiresAt, checkedAt));
        }
    }

    /** Forgets token {@code id} (call it once its revocation is committed): the next request with it reads the table. */
    void forget(long id) {
        long now = nanoTime.getAsLong();
        forgottenAt.values().removeIf(at -> now - at >= TTL_NANOS);
        forgottenAt.put(id, now);
        byId.remove(id);
        bySecret.values().removeIf(k -> k.principal().tokenId() == id);
    }

    private boolean readBeforeForgotten(long id, long checkedAt) {
        Long forgotten = forgottenAt.get(id);
        return forgotten != null && checkedAt - forgotten <= 0;
    }

    /** How many revocations are remembered (bounded by the revocations of the last {@link #TTL_NANOS}). */
    int revocationsRemembered() {
        return forgottenAt.size();
    }

    long now() {
        return nanoTime.getAsLong();
    }

    private <K> Optional<Kept> fresh(Map<K, Kept> map, K key, Instant now) {
        Kept k = map.get(key);
        if (k == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - k.checkedAt() >= TTL_NANOS || (k.expiresAt() != null && !k.expiresAt().isAfter(now))) {
            map.remove(key, k);
            return Optional.empty();
        }
        return Optional.of(k);
    }

    private static <K> void keep(Map<K, Kept> map, K key, Kept kept) {
        if (map.size() >= MAX_KEPT) {
            map.clear();
        }
        map.put(key, kept);
    }
}
