package dev.hypersearch.security;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Creating, listing, revoking and checking bearer tokens. Secrets are hashed before they reach the database. */
@Service
public class Tokens {

    /** A token just created: its row and its secret, which exists only in this answer. */
    public record Created(ApiToken token, String secret) {
    }

    private final ApiTokenRepository repository;
    private final AuditLog audit;
    /** The table's recent answers about active tokens: requests of open pages reuse them for a second. */
    private final TokenChecks checks = new TokenChecks(System::nanoTime);

    Tokens(ApiTokenRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** A new token with a generated secret; audited as the current caller's. */
    @Transactional
    public Created create(String name, TokenRole role, Instant expiresAt) {
        Created created = store(name, role, expiresAt, TokenSecrets.generate());
        audit.record(AuditLog.Action.CREATE, "token", created.token().getId());
        return created;
    }

    @Transactional
    Created store(String name, TokenRole role, Instant expiresAt, String secret) {
        ApiToken token = repository.save(new ApiToken(name, role, TokenSecrets.hash(secret), Instant.now(), expiresAt));
        return new Created(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return repository.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public Optional<ApiToken> find(long id) {
        return repository.findById(id);
    }

    /**
     * Revokes at once (the next request with it to this process is refused, sessions signed in with it too; other
     * processes refuse it within {@link TokenChecks#TTL_NANOS}); false if absent.
     */
    @Transactional
    public boolean revoke(long id) {
        Optional<ApiToken> token = repository.findById(id);
        token.ifPresent(t -> {
            t.revoke(Instant.now());
            audit.record(AuditLog.Action.REVOKE, "token", id);
            forgetOnceCommitted(id);
        });
        return token.isPresent();
    }

    /** Before the commit another request could still read the row as active and keep it: forget after, too. */
    private void forgetOnceCommitted(long id) {
        checks.forget(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    checks.forget(id);
                }
            });
        }
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return repository.count() > 0;
    }

    /**
     * The active token whose secret this is. Looked up by the secret's hash (a 256-bit secret's hash reveals
     * nothing through timing), then compared in constant time; the table is read at most once a second per
     * active token ({@link TokenChecks}), without a transaction of its own when it is not.
     */
    public Optional<TokenPrincipal> authenticate(String secret) {
        byte[] hash = TokenSecrets.hash(secret);
        Instant now = Instant.now();
        Optional<TokenPrincipal> kept = checks.bySecretHash(hash, now);
        if (kept.isPresent()) {
            return kept;
        }
        long readAt = checks.now();
        Optional<ApiToken> token = repository.findBySecretHash(hash)
                .filter(t -> MessageDigest.isEqual(hash, t.getSecretHash()) && t.isActive(now));
        token.ifPresent(t -> checks.active(hash, principal(t), t.getExpiresAt(), readAt));
        return token.map(Tokens::principal);
    }

    /** Whether the token is still usable (a session signed in with it is checked on every request, at most once a second by the table). */
    public boolean isActive(long id) {
        Instant now = Instant.now();
        if (checks.knownActive(id, now)) {
            return true;
        }
        long readAt = checks.now();
        Optional<ApiToken> token = repository.findById(id).filter(t -> t.isActive(now));
        token.ifPresent(t -> checks.active(principal(t), t.getExpiresAt(), readAt));
        return token.isPresent();
    }

    private static TokenPrincipal principal(ApiToken t) {
        return new TokenPrincipal(t.getId(), t.getName(), t.getRole());
    }
}
