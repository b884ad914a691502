package dev.hypersearch.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.hypersearch.TestTokens;
import dev.hypersearch.ui.Browser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search page in headless Chromium (1280 x 800, the system's /usr/bin/chromium), each visit in a fresh
 * context: first paint from the Paint Timing entries, and when the leaderboard's rows
 * ({@value #ROWS}) were first in the DOM, seen by a MutationObserver installed before the page's scripts run.
 * Each visit also prints what the page waited for: the document, DOMContentLoaded (the entry script has run),
 * and each request's start and end from the Resource Timing entries (script, style, /api/me, the summary, the
 * leaderboard page, the chart library, charts, importance) with its transferred size.
 * The first visits warm the server and are not counted. Several bundles (the same server, another copy of the
 * UI at another path) are visited in turn, so that they are compared under the same load.
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
              const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
              const nav = performance.getEntriesByType('navigation')[0];
              const what = (url) => {
                const u = new URL(url);
                const p = u.pathname;
                if (p.endsWith('.css')) return 'css';
                if (/echarts[^/]*\\.js$/.test(p)) return 'echarts.js';
                if (p.endsWith('.js')) return p.slice(p.lastIndexOf('/') + 1).replace(/-[^-.]+\\.js$/, '.js');
                if (p === '/api/me') return 'me';
                if (/\\/api\\/searches\\/\\d+$/.test(p)) return 'summary';
                if (p.endsWith('/trials')) return 'board';
                if (p.endsWith('/charts')) return 'charts';
                if (p.endsWith('/importance')) return 'importance';
                if (p.endsWith('/events')) return 'events';
                return p;
              };
              const resources = performance.getEntriesByType('resource')
                .filter((r) => r.startTime < (window.__hsRows ?? Infinity) + 2000)
                .map((r) => ({ name: what(r.name), start: r.startTime, end: r.responseEnd, bytes: r.transferSize,
                               encoding: r.encodedBodySize, decoded: r.decodedBodySize }));
              return { firstPaint: at('first-paint'), firstContentfulPaint: at('first-contentful-paint'),
                       rows: window.__hsRows ?? null, board: at('hs:board'), charts: at('hs:charts'),
                       document: nav ? nav.responseEnd : null, domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
                       resources };
            }""";

    private SearchPageTimings() {
    }

    /** Visits the search's page {@code warm} times unmeasured, then {@code visits} times; prints each visit. */
    static void measure(int port, long searchId, int warm, int visits) {
        measure(port, searchId, warm, visits, Map.of("", "/"));
    }

    /**
     * As {@link #measure(int, long, int, int)} for each UI copy by label (the path its index.html is served at,
     * e.g. "/" or "/assets/before/index.html"), the copies visited in turn; prints each copy's worst figures.
     */
    static void measure(int port, long searchId, int warm, int visits, Map<String, String> bundles) {
        Map<String, List<double[]>> measured = new LinkedHashMap<>();
        bundles.keySet().forEach((label) -> measured.put(label, new ArrayList<>()));
        try (Playwright playwright = Browser.playwright();
             com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
            for (int i = 0; i < warm + visits; i++) {
                for (Map.Entry<String, String> bundle : bundles.entrySet()) {
                    String url = "http://127.0.0.1:" + port + bundle.getValue() + "#/searches/" + searchId;
                    double[] v = visit(browser, url, i < warm, bundle.getKey(), i - warm + 1);
                    if (v != null) {
                        measured.get(bundle.getKey()).add(v);
                    }
                }
            }
        }
        for (Map.Entry<String, List<double[]>> e : measured.entrySet()) {
            double[] worst = new double[5];
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            for (double[] v : e.getValue()) {
                for (int k = 0; k < v.length; k++) {
                    worst[k] = Math.max(worst[k], v[k]);
                    best[k] = Math.min(best[k], v[k]);
                }
            }
            System.out.printf(Locale.ROOT, "  Chromium%s worst of %d visits: first paint %.0f ms, leaderboard rows %.0f ms,"
                    + " charts %.0f ms (goals: 500 ms, 1000 ms); best: %.0f, %.0f, %.0f ms%n", label(e.getKey()),
                    e.getValue().size(), worst[0], worst[2], worst[4], best[0], best[2], best[4]);
        }
    }

    private static double[] visit(com.microsoft.playwright.Browser browser, String url, boolean warm, String label,
                                  int n) {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setExtraHTTPHeaders(Map.of("Authorization", TestTokens.bearer(TestTokens.ADMIN)))
                .setViewportSize(1280, 800))) {
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            page.addInitScript(OBSERVE_ROWS);
            page.navigate(url);
            page.locator(ROWS).first().waitFor();
            page.waitForFunction("() => performance.getEntriesByName('hs:charts').length > 0");
            if (warm) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) page.evaluate(TIMES);
            double[] v = {ms(t.get("firstPaint")), ms(t.get("firstContentfulPaint")), ms(t.get("rows")),
                    ms(t.get("board")), ms(t.get("charts"))};
            System.out.printf(Locale.ROOT, "  Chromium%s visit %d: first paint %.0f ms, first contentful paint"
                    + " %.0f ms, leaderboard rows in the DOM %.0f ms (hs:board mark %.0f), charts %.0f ms%n",
                    label(label), n, v[0], v[1], v[2], v[3], v[4]);
            StringBuilder waits = new StringBuilder(String.format(Locale.ROOT, "    document %.0f, DOMContentLoaded %.0f;",
                    ms(t.get("document")), ms(t.get("domContentLoaded"))));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> resources = (List<Map<String, Object>>) t.get("resources");
            for (Map<String, Object> r : resources) {
                long bytes = ((Number) r.get("bytes")).longValue();
                long encoded = ((Number) r.get("encoding")).longValue();
                long decoded = ((Number) r.get("decoded")).longValue();
                waits.append(String.format(Locale.ROOT, " %s %.0f-%.0f", r.get("name"), ms(r.get("start")),
                        ms(r.get("end"))));
                if (decoded > 20_000) {
                    waits.append(String.format(Locale.ROOT, " (%d kB%s)", bytes / 1000,
                            encoded < decoded ? ", compressed from " + decoded / 1000 : ""));
                }
                waits.append(',');
            }
            waits.setLength(waits.length() - 1);
            System.out.println(waits);
            return v;
        }
    }

    private static String label(String label) {
        return label.isEmpty() ? "" : " [" + label + "]";
    }

    private static double ms(Object v) {
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
