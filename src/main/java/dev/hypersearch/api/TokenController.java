package dev.hypersearch.api;

import dev.hypersearch.security.ApiToken;
import dev.hypersearch.security.TokenRole;
import dev.hypersearch.security.Tokens;
import dev.hypersearch.text.StoredText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import jakarta.annotation.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Bearer tokens (admin only): create one (its secret is in this answer and nowhere else), list, revoke. */
@RestController
@RequestMapping("/api/tokens")
public class TokenController {

    static final int MAX_NAME_LENGTH = 100;

    /** POST /api/tokens: expiresAt optional (ISO-8601 with offset), in the future. */
    public record TokenRequest(@Nullable String name, @Nullable String role, @Nullable String expiresAt) {
    }

    /** The one answer that holds the secret. */
    public record CreatedToken(long id, String name, String role, String token, Instant createdAt,
                               @Nullable Instant expiresAt) {
    }

    /** A token without its secret. */
    public record TokenInfo(long id, String name, String role, Instant createdAt, @Nullable Instant expiresAt,
                            @Nullable Instant revokedAt, boolean active) {

        static TokenInfo of(ApiToken t) {
            return new TokenInfo(t.getId(), t.getName(), t.getRole().wireName(), t.getCreatedAt(), t.getExpiresAt(),
                    t.getRevokedAt(), t.isActive(Instant.now()));
        }
    }

    private final Tokens tokens;

    public TokenController(Tokens tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "Create a token; the answer holds its secret, shown only this once",
            description = "The token's name is recorded as the owner of what it creates.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "URL of the new token", required = true,
                    schema = @Schema(type = "string", format = "uri")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedToken> create(@RequestBody TokenRequest request) {
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty()) {
            throw new BadParameterException("name", "required");
        }
        String nameProblem = StoredText.problem(name, MAX_NAME_LENGTH);
        if (nameProblem != null) {
            throw new BadParameterException("name", nameProblem);
        }
        TokenRole role = TokenRole.parse(request.role());
        if (role == null) {
            throw new BadParameterException("role", "must be viewer, editor or admin, was "
                    + (request.role() == null ? "missing" : "'" + request.role() + "'"));
        }
        Instant expiresAt = expiry(request.expiresAt());
        Tokens.Created created = tokens.create(name, role, expiresAt);
        ApiToken t = created.token();
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(t.getId()).toUri();
        return ResponseEntity.created(location).body(new CreatedToken(t.getId(), t.getName(), role.wireName(),
                created.secret(), t.getCreatedAt(), t.getExpiresAt()));
    }

    private static Instant expiry(String text) {
        if (text == null) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameterException("expiresAt", "must be an ISO-8601 date-time with offset, such as"
                    + " 2030-01-31T12:00:00Z");
        }
        if (!at.isAfter(Instant.now())) {
            throw new BadParameterException("expiresAt", "must be in the future");
        }
        return at;
    }

    @Operation(summary = "Every token, oldest first, without secrets")
    @GetMapping
    public List<TokenInfo> list() {
        return tokens.list().stream().map(TokenInfo::of).toList();
    }

    @Operation(summary = "Revoke a token at once: requests and sessions using it are refused from now on")
    @ApiResponse(responseCode = "200", description = "Revoked", useReturnTypeSchema = true)
    @DeleteMapping("/{id}")
    public TokenInfo revoke(@PathVariable long id) {
        if (!tokens.revoke(id)) {
            throw new NotFoundException("token", Long.toString(id));
        }
        return tokens.find(id).map(TokenInfo::of).orElseThrow();
    }
}
