package dev.hypersearch.api;

import dev.hypersearch.HypersearchProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a worker process ({@code hypersearch.role=worker}) the REST API is not served: every {@code /api/**}
 * request gets 404 problem+json naming the role, so a search can only be submitted or cancelled through an
 * api process. Actuator ({@code /actuator/health} for Docker and load balancers, metrics) stays up.
 * The API's controllers load as usual; this filter sits in front of them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication
class WorkerRoleApiFilter extends OncePerRequestFilter {

    static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"this process runs hypersearch.role=worker and does not serve the API;"
            + " use an api (or all) process\"}";

    private final boolean servesApi;

    WorkerRoleApiFilter(HypersearchProperties props) {
        this.servesApi = props.servesApi();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (servesApi) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(BODY);
    }
}
