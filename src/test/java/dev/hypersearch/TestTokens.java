package dev.hypersearch;

/** The admin token every test application starts with (src/test/resources/application.properties). */
public final class TestTokens {

    public static final String ADMIN = "hs_test-admin-token-for-the-integration-tests-only";
    public static final String ENV = "HYPERSEARCH_ADMIN_TOKEN";

    private TestTokens() {
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
