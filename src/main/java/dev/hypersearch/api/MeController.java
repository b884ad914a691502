package dev.hypersearch.api;

import dev.hypersearch.security.Caller;
import dev.hypersearch.security.SecuritySettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is. The UI asks this first: 200 means signed in (a bearer header or its session), 401 not. */
@RestController
public class MeController {

    /**
     * @param name            the token's name, the owner recorded on what it creates; null with security off
     * @param role            viewer, editor or admin
     * @param securityEnabled false when hypersearch.security.enabled=false (everyone is an unnamed admin)
     */
    public record Me(@Nullable String name, String role, boolean securityEnabled) {
    }

    private final boolean securityEnabled;

    public MeController(SecuritySettings settings) {
        this.securityEnabled = settings.isEnabled();
    }

    @Operation(summary = "The calling token's name and role")
    @GetMapping("/api/me")
    public Me me(@Parameter(hidden = true) @Nullable CsrfToken csrf) {
        if (csrf != null) {
            csrf.getToken(); // sets the XSRF-TOKEN cookie that the UI's unsafe requests echo in X-XSRF-TOKEN
        }
        Caller caller = Caller.current();
        return new Me(caller.name(), caller.role().wireName(), securityEnabled);
    }
}
