package dev.hypersearch.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/** An authenticated token, as the introspector finds it: its id, name and role, never its secret. */
public record TokenPrincipal(long tokenId, String name, TokenRole role)
        implements OAuth2AuthenticatedPrincipal, Serializable {

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("tokenId", tokenId, "role", role.wireName());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(role.authority());
    }

    @Override
    public String getName() {
        return name;
    }
}
