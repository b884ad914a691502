package dev.hypersearch;

import org.springframework.mock.env.MockEnvironment;

/** Service settings for tests, bound as the application binds them. */
public final class TestProperties {

    private TestProperties() {
    }

    /** @param settings {@code name=value} pairs under {@code hypersearch.}, e.g. {@code "role=worker"} */
    public static HypersearchProperties bind(String... settings) {
        MockEnvironment env = new MockEnvironment();
        for (String s : settings) {
            int eq = s.indexOf('=');
            env.setProperty("hypersearch." + s.substring(0, eq), s.substring(eq + 1));
        }
        return HypersearchProperties.bind(env);
    }
}
