package dev.hypersearch.api;

import dev.hypersearch.security.SessionSignIn;
import dev.hypersearch.security.TokenPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.annotation.Nullable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser UI's sign-in: a token exchanged for an HttpOnly, SameSite=Strict session cookie (EventSource cannot
 * send an Authorization header, and the page never keeps the token). Requests made with the cookie need the
 * CSRF header. {@code DELETE /api/session} (Spring Security's logout) signs out.
 */
@RestController
public class SessionController {

    public record SignIn(@Nullable String token) {
    }

    private final SessionSignIn signIn;

    public SessionController(SessionSignIn signIn) {
        this.signIn = signIn;
    }

    @Operation(summary = "Sign the browser in with a token: answers who it is and sets the session cookie")
    @ApiResponse(responseCode = "200", description = "Signed in", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "Unknown, expired or revoked token")
    @SecurityRequirements
    @PostMapping(path = "/api/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    public MeController.Me signIn(@RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response,
                                  @Parameter(hidden = true) @Nullable CsrfToken csrf) {
        if (body.token() == null || body.token().isBlank()) {
            throw new BadParameterException("token", "required");
        }
        TokenPrincipal p = signIn.signIn(body.token().strip(), request, response)
                .orElseThrow(() -> new BadCredentialsException("unknown, expired or revoked token"));
        if (csrf != null) {
            csrf.getToken(); // the XSRF-TOKEN cookie for the session's unsafe requests
        }
        return new MeController.Me(p.getName(), p.role().wireName(), true);
    }
}
