package dev.hypersearch.security;

import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who makes the current request: a token's name and role. With security off, an unnamed admin (what it creates
 * has no owner).
 *
 * @param name the token's name, the owner recorded on what it creates; null with security off
 */
public record Caller(String name, TokenRole role) {

    static final Caller SECURITY_OFF = new Caller(null, TokenRole.ADMIN);

    /** The caller of the request this thread serves (security off: {@link #SECURITY_OFF}). */
    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof TokenPrincipal p) {
            return new Caller(p.getName(), p.role());
        }
        return SECURITY_OFF;
    }

    /** The name recorded as owner of what this caller creates. */
    public String owner() {
        return name;
    }

    /** Admins may change anything; editors only what they own (a row without owner belongs to admins). */
    public boolean mayChange(String owner) {
        return role == TokenRole.ADMIN || (role == TokenRole.EDITOR && name != null && Objects.equals(name, owner));
    }

    /** @throws AccessDeniedException (403) unless {@link #mayChange} */
    public void checkMayChange(String owner, String what) {
        if (!mayChange(owner)) {
            throw new AccessDeniedException("only its owner or an admin may change " + what);
        }
    }
}
