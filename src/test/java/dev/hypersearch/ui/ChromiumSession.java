package dev.hypersearch.ui;

import com.microsoft.playwright.Playwright;
import dev.hypersearch.TestTokens;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One headless Chromium per browser-test class, started before its tests and closed after them. Pages opened in
 * {@link #signedIn()} contexts send the test admin token on every request, as a test driver or an authenticating
 * proxy would: the UI finds itself signed in without its sign-in page.
 */
abstract class ChromiumSession {

    static Playwright playwright;
    static com.microsoft.playwright.Browser browser;

    @BeforeAll
    static void launch() {
        playwright = Browser.playwright();
        browser = Browser.launch(playwright);
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    /** Context options whose every request carries {@code Authorization: Bearer} with the test admin token. */
    static com.microsoft.playwright.Browser.NewContextOptions signedIn() {
        return new com.microsoft.playwright.Browser.NewContextOptions()
                .setExtraHTTPHeaders(java.util.Map.of("Authorization", TestTokens.bearer(TestTokens.ADMIN)));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
