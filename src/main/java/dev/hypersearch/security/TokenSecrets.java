package dev.hypersearch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Token secrets: 32 random bytes (256 bits) in base64url behind a recognisable prefix (so secret scanners and
 * people can tell what leaked). Only the SHA-256 of a secret is stored: the secret has full entropy, so a fast
 * hash is enough (a slow password hash guards guessable secrets, which these are not).
 */
public final class TokenSecrets {

    public static final String PREFIX = "hs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether {@code secret} hashes to {@code stored}, in time independent of where they differ. */
    public static boolean matches(String secret, byte[] stored) {
        return MessageDigest.isEqual(hash(secret), stored);
    }
}
