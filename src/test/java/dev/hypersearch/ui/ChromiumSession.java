package dev.hypersearch.ui;

import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One headless Chromium per browser-test class, started before its tests and closed after them. */
abstract class ChromiumSession {

    static Playwright playwright;
    static com.microsoft.playwright.Browser browser;

    @BeforeAll
    static void launch() {
        playwright = Browser.playwright();
        browser = Browser.launch(playwright);
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
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
