package dev.hypersearch.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, listing, revoking and checking bearer tokens. Secrets are hashed before they reach the database. */
@Service
public class Tokens {

    /** A token just created: its row and its secret, which exists only in this answer. */
    public record Created(ApiToken token, String secret) {
    }

    private final ApiTokenRepository repository;
    private final AuditLog audit;

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

    /** Revokes at once (the next request with it is refused, sessions signed in with it too); false if absent. */
    @Transactional
    public boolean revoke(long id) {
        Optional<ApiToken> token = repository.findById(id);
        token.ifPresent(t -> {
            t.revoke(Instant.now());
            audit.record(AuditLog.Action.REVOKE, "token", id);
        });
        return token.isPresent();
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return repository.count() > 0;
    }

    /**
     * The active token whose secret this is. Looked up by the secret's hash (a 256-bit secret's hash reveals
     * nothing through timing), then compared in constant time.
     */
    @Transactional(readOnly = true)
    public Optional<TokenPrincipal> authenticate(String secret) {
        byte[] hash = TokenSecrets.hash(secret);
        Instant now = Instant.now();
        return repository.findBySecretHash(hash)
                .filter(t -> TokenSecrets.matches(secret, t.getSecretHash()) && t.isActive(now))
                .map(t -> new TokenPrincipal(t.getId(), t.getName(), t.getRole()));
    }

    /** Whether the token is still usable (a session signed in with it is checked on every request). */
    @Transactional(readOnly = true)
    public boolean isActive(long id) {
        return repository.findById(id).map(t -> t.isActive(Instant.now())).orElse(false);
    }
}
