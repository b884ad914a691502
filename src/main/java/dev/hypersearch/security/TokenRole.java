package dev.hypersearch.security;

import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a token may do. Each role includes the ones before it ({@link SecurityConfig#roleHierarchy}): a viewer reads
 * everything, an editor also creates and cancels its own, an admin also everyone's, and manages tokens.
 */
public enum TokenRole {
    VIEWER, EDITOR, ADMIN;

    /** The lower-case name used in the API and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Spring Security's authority for this role, as {@code hasRole(...)} checks it. */
    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** The role named in the API ({@code viewer}, {@code editor}, {@code admin}, any case), or null. */
    public static TokenRole parse(String text) {
        if (text == null) {
            return null;
        }
        for (TokenRole r : values()) {
            if (r.wireName().equalsIgnoreCase(text.strip())) {
                return r;
            }
        }
        return null;
    }
}
