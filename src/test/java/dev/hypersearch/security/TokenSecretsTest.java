package dev.hypersearch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void secretsAre256RandomBitsBehindThePrefixAndMatchOnlyTheirHash() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String s = TokenSecrets.generate();
            assertThat(s).matches("hs_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(s)).isTrue();
        }
        String secret = TokenSecrets.generate();
        byte[] hash = TokenSecrets.hash(secret);
        assertThat(hash).hasSize(32);
        assertThat(TokenSecrets.matches(secret, hash)).isTrue();
        assertThat(TokenSecrets.matches(secret + "x", hash)).isFalse();
        assertThat(TokenSecrets.matches(TokenSecrets.generate(), hash)).isFalse();
    }
}
