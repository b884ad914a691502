package dev.hypersearch.security;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hypersearch.security.*}, with their defaults.
 *
 * @param enabled                  false turns authentication and authorization off (tests, local experiments);
 *                                 a WARNING says so at start; default true
 * @param maxFailedAuthentications failed authentications a client address may make per minute before its
 *                                 attempts are answered 429; default 20
 * @param adminTokenFile           where a generated first admin token is written (owner-only); default
 *                                 {@code data/admin-token}
 * @param corsOrigins              origins whose scripts may call the API with CORS; default none (closed)
 */
@ConfigurationProperties("hypersearch.security")
public record SecuritySettings(Boolean enabled, int maxFailedAuthentications, Path adminTokenFile,
                               List<String> corsOrigins) {

    public SecuritySettings {
        enabled = enabled == null || enabled;
        maxFailedAuthentications = maxFailedAuthentications <= 0 ? 20 : maxFailedAuthentications;
        adminTokenFile = adminTokenFile == null ? Path.of("data", "admin-token") : adminTokenFile;
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
    }

    public boolean isEnabled() {
        return enabled;
    }
}
