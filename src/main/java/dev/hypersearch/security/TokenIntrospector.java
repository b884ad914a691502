package dev.hypersearch.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Opaque-token introspection against the service's own token table (no authorization server): Spring Security's
 * resource-server filter parses the {@code Authorization: Bearer} header (RFC 6750) and asks this what the token is.
 */
final class TokenIntrospector implements OpaqueTokenIntrospector {

    private final Tokens tokens;

    TokenIntrospector(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        // The message names no token: it may reach a response or a log.
        return tokens.authenticate(token).orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or revoked token"));
    }
}
