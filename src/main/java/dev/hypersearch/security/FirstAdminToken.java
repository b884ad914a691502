package dev.hypersearch.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Secure by default and still two commands: on the first start (no token in the database) an admin token is
 * made, from {@code HYPERSEARCH_ADMIN_TOKEN} when set (nothing is written or printed then), otherwise generated,
 * written to an owner-only file and printed once in the log, as Jupyter prints its token. Later starts do nothing.
 */
final class FirstAdminToken {

    static final String ENV = "HYPERSEARCH_ADMIN_TOKEN";
    static final String NAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdminToken.class);

    private final Tokens tokens;
    private final AuditLog audit;
    private final Path file;

    FirstAdminToken(Tokens tokens, AuditLog audit, Path file) {
        this.tokens = tokens;
        this.audit = audit;
        this.file = file;
    }

    /** @param fromEnvironment the value of {@value #ENV}, or null */
    void ensure(String fromEnvironment) {
        if (tokens.any()) {
            return;
        }
        boolean given = fromEnvironment != null && !fromEnvironment.isBlank();
        String secret = given ? fromEnvironment.strip() : TokenSecrets.generate();
        Tokens.Created created;
        try {
            created = tokens.store(NAME, TokenRole.ADMIN, null, secret);
        } catch (DataIntegrityViolationException e) {
            return; // another api process starting at the same time stored the same token
        }
        audit.recordAs("system", AuditLog.Action.CREATE, "token", created.token().getId());
        if (given) {
            log.info("First start: admin token '{}' created from {}", NAME, ENV);
            return;
        }
        String where;
        try {
            write(secret);
            where = "and is in " + file.toAbsolutePath() + " (owner-only)";
        } catch (UncheckedIOException e) {
            // A read-only directory must not stop the service: the log line below is then the only copy.
            where = "and could not be written to " + file.toAbsolutePath() + " (" + e.getCause().getMessage() + ")";
        }
        // The one log line that holds a secret, by design (issue 15): the operator needs it to sign in.
        log.warn("First start: created admin token '{}'. It is shown once, here, {}:\n\n"
                + "    {}\n\nSign in to the UI with it, or send it as 'Authorization: Bearer <token>'.",
                NAME, where, secret);
    }

    private void write(String secret) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.deleteIfExists(file);
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the admin token to " + file, e);
        }
    }
}
