package dev.hypersearch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The browser UI's sign-in: a token, checked by the same authentication manager as bearer requests, is exchanged
 * for a server-side session. EventSource cannot send an Authorization header; the session cookie it can, and the
 * token itself never needs to be kept where a script could read it.
 */
public final class SessionSignIn {

    private final AuthenticationManager manager;
    private final SecurityContextRepository repository;
    private final FailedAuthentications failures;

    SessionSignIn(AuthenticationManager manager, SecurityContextRepository repository, FailedAuthentications failures) {
        this.manager = manager;
        this.repository = repository;
        this.failures = failures;
    }

    /** The token's principal, now stored in a new session (fresh id: no fixation); empty if the token is refused. */
    public Optional<TokenPrincipal> signIn(String token, HttpServletRequest request, HttpServletResponse response) {
        Authentication auth;
        try {
            auth = manager.authenticate(new BearerTokenAuthenticationToken(token));
        } catch (AuthenticationException e) {
            failures.record(request.getRemoteAddr());
            return Optional.empty();
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        TokenPrincipal principal = (TokenPrincipal) auth.getPrincipal();
        // Spring marks bearer authentications @Transient (never kept in a session): the session keeps its own.
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        return Optional.of(principal);
    }
}
