package dev.hypersearch.ui;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** Headless Chromium for the browser tests and benchmarks: the system's /usr/bin/chromium when present, no downloads. */
public final class Browser {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private Browser() {
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static com.microsoft.playwright.Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(List.of(
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"));
        if (Files.isExecutable(CHROMIUM)) {
            options.setExecutablePath(CHROMIUM);
        }
        return playwright.chromium().launch(options);
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
