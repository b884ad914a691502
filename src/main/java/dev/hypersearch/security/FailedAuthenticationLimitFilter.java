package dev.hypersearch.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Placed before the bearer-token filter: an address over its failed-authentication limit gets 429 for any request
 * that tries to authenticate (a bearer header, or signing in), before the token is looked at.
 */
final class FailedAuthenticationLimitFilter extends OncePerRequestFilter {

    private final FailedAuthentications failures;

    FailedAuthenticationLimitFilter(FailedAuthentications failures) {
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean attempts = request.getHeader("Authorization") != null
                || ("POST".equals(request.getMethod()) && SecurityConfig.SESSION_PATH.equals(request.getServletPath()));
        long wait = attempts ? failures.blockedForSeconds(request.getRemoteAddr()) : 0;
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            ProblemWriter.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                    "too many failed authentications from this address; retry in " + wait + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
