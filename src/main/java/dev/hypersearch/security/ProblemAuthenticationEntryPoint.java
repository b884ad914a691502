package dev.hypersearch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 problem+json. Spring's bearer entry point sets the status and {@code WWW-Authenticate: Bearer ...}
 * (RFC 6750); this adds the body. A request that presented a token counts as a failed attempt for its address.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final FailedAuthentications failures;

    ProblemAuthenticationEntryPoint(FailedAuthentications failures) {
        this.failures = failures;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean presented = request.getHeader("Authorization") != null;
        if (presented) {
            failures.record(request.getRemoteAddr());
        }
        bearer.commence(request, response, e);
        ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", presented
                ? "the bearer token is malformed, unknown, expired or revoked"
                : "authentication required: send Authorization: Bearer <token>, or sign in");
    }
}
