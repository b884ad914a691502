package dev.hypersearch.ui;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A fresh signed-in page (1280 x 800) on the test's server for every test, closed after it. */
abstract class SignedInPage extends ChromiumSession {

    @LocalServerPort int port;
    BrowserContext context;
    Page page;

    @BeforeEach
    void openPage() {
        context = browser.newContext(signedIn().setViewportSize(1280, 800));
        page = context.newPage();
        page.setDefaultTimeout(60_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    String url(String hash) {
        return "http://127.0.0.1:" + port + "/" + hash;
    }
}
