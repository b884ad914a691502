package dev.hypersearch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 403 problem+json: the caller's role does not allow the request, or a cookie request lacks its CSRF token. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemWriter.write(response, HttpStatus.FORBIDDEN, "Forbidden", e instanceof CsrfException
                ? "missing or invalid CSRF token: send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN header"
                : "this token's role does not allow " + request.getMethod() + " " + request.getRequestURI());
    }
}
