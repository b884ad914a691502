package dev.hypersearch.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.hypersearch.TestTokens;
import dev.hypersearch.ui.Browser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search page in headless Chromium (1280 x 800, the system's /usr/bin/chromium), each visit in a fresh
 * context: first paint from the Paint Timing entries, and when the leaderboard's rows
 * ({@value #ROWS}) were first in the DOM, seen by a MutationObserver installed before the page's scripts run.
 * The first visits warm the server and are not counted.
 */
final class SearchPageTimings {

    static final String ROWS = "table.leaderboard tbody tr[data-trial-id]";
    private static final String OBSERVE_ROWS = """
            (() => {
              const seen = () => {
                if (window.__hsRows === undefined && document.querySelector('%s')) {
                  window.__hsRows = performance.now();
                }
              };
              new MutationObserver(seen).observe(document, { childList: true, subtree: true });
            })();""".formatted(ROWS);
    private static final String TIMES = """
            () => {
              const paint = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
              const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
              return { firstPaint: paint('first-paint'), firstContentfulPaint: paint('first-contentful-paint'),
                       rows: window.__hsRows ?? null, board: mark('hs:board'), charts: mark('hs:charts') };
            }""";

    private SearchPageTimings() {
    }

    /** Visits the search's page {@code warm} times unmeasured, then {@code visits} times; prints each visit. */
    static void measure(int port, long searchId, int warm, int visits) {
        String url = "http://127.0.0.1:" + port + "/#/searches/" + searchId;
        List<double[]> measured = new ArrayList<>();
        try (Playwright playwright = Browser.playwright();
             com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
            for (int i = 0; i < warm + visits; i++) {
                try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setExtraHTTPHeaders(Map.of("Authorization", TestTokens.bearer(TestTokens.ADMIN)))
                        .setViewportSize(1280, 800))) {
                    Page page = context.newPage();
                    page.setDefaultTimeout(60_000);
                    page.addInitScript(OBSERVE_ROWS);
                    page.navigate(url);
                    page.locator(ROWS).first().waitFor();
                    page.waitForFunction("() => performance.getEntriesByName('hs:charts').length > 0");
                    if (i < warm) {
                        continue;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> t = (Map<String, Object>) page.evaluate(TIMES);
                    double[] v = {ms(t.get("firstPaint")), ms(t.get("firstContentfulPaint")), ms(t.get("rows")),
                            ms(t.get("board")), ms(t.get("charts"))};
                    measured.add(v);
                    System.out.printf(Locale.ROOT, "  Chromium visit %d: first paint %.0f ms, first contentful paint"
                            + " %.0f ms, leaderboard rows in the DOM %.0f ms (hs:board mark %.0f), charts %.0f ms%n",
                            i - warm + 1, v[0], v[1], v[2], v[3], v[4]);
                }
            }
        }
        double[] worst = new double[5];
        for (double[] v : measured) {
            for (int k = 0; k < v.length; k++) {
                worst[k] = Math.max(worst[k], v[k]);
            }
        }
        System.out.printf(Locale.ROOT, "  Chromium worst of %d visits: first paint %.0f ms, leaderboard rows %.0f ms,"
                + " charts %.0f ms (goals: 500 ms, 1000 ms)%n", measured.size(), worst[0], worst[2], worst[4]);
    }

    private static double ms(Object v) {
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
