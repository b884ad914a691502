package dev.hypersearch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The browser's session (an HttpOnly, SameSite=Strict cookie, made by signing in with a token) holds the
 * authenticated token, and every request checks that the token is still active: revoking a token ends the
 * sessions signed in with it at once, and an expired token's sessions end with it.
 */
final class RevalidatingSessionContextRepository implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final Tokens tokens;

    RevalidatingSessionContextRepository(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            private SecurityContext checked;

            @Override
            public SecurityContext get() {
                if (checked == null) {
                    checked = stale(stored.get()) ? SecurityContextHolder.createEmptyContext() : stored.get();
                }
                return checked;
            }

            @Override
            public boolean isGenerated() {
                return stored.isGenerated() || get() != stored.get();
            }
        };
    }

    private boolean stale(SecurityContext context) {
        return context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof TokenPrincipal p
                && !tokens.isActive(p.tokenId());
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        Supplier<SecurityContext> deferred = loadDeferredContext(holder.getRequest());
        return deferred.get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        sessions.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }
}
