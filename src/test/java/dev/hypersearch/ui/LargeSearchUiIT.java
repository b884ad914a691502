package dev.hypersearch.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.hypersearch.TestTokens;
import dev.hypersearch.store.SearchLifecycle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A search of 10,000 finished trials (1% diverged), each with a 20-epoch curve, made by SQL: the page
 * loads one leaderboard page and the chart aggregates, never every trial. Measures the first paint in
 * Chromium once (reported, not asserted: a timing on a shared 2-core machine is no pass/fail criterion)
 * and checks that diverged trials are listed with their error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ui-large;DB_CLOSE_DELAY=-1", "hypersearch.role=none"})
class LargeSearchUiIT extends ChromiumSession {

    static final int TRIALS = 10_000;
    static final String SPEC = """
            {"name": "large-10k", "dataset": "digits", "strategy": "random", "maxTrials": 10000, "seed": 11,
             "space": {"learningRate": {"floatRange": {"min": 0.0001, "max": 0.1, "log": true}},
                       "hiddenLayers": {"intRange": {"min": 1, "max": 3}},
                       "hiddenUnits": {"choice": [16, 32, 64, 128, 256]},
                       "activation": {"choice": ["relu", "tanh", "elu", "leaky_relu"]},
                       "batchNorm": {"choice": [true, false]},
                       "l2": {"floatRange": {"min": 0.000001, "max": 0.01, "log": true}},
                       "epochs": 20}}""";


    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired SearchLifecycle lifecycle;
    @Autowired dev.hypersearch.store.TrialQueue queue;

    long createFinishedSearch() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/searches"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).POST(HttpRequest.BodyPublishers.ofString(SPEC)).build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
        Assertions.assertThat(m.find()).isTrue();
        long id = Long.parseLong(m.group(1));
        // Its trials are planned: claims create them (RUNNING), then they are finished here by SQL.
        while (queue.claim("sql", java.time.Duration.ofHours(1)).isPresent()) {
            // every planned trial of the search, created
        }
        // Losses: a fixed shuffle of the trial numbers; every 100th trial (offset 7) diverged.
        jdbc.update("UPDATE trial SET status = 'COMPLETED', val_loss = 0.05 + MOD(number * 7919 + 4321, 10007) / 5000.0,"
                + " best_val_loss = 0.05 + MOD(number * 7919 + 4321, 10007) / 5000.0, best_epoch = 20,"
                + " val_accuracy = 0.99 - MOD(number * 7919 + 4321, 10007) / 25000.0, train_loss = (0.05 + MOD(number * 7919 + 4321, 10007) / 5000.0) * 0.8,"
                + " epochs_run = 20, attempt = 1, worker_id = 'bench-' || CAST(MOD(number, 4) AS VARCHAR(2)),"
                + " duration_ms = 800 + MOD(number * 31, 900), started_at = CURRENT_TIMESTAMP, finished_at = CURRENT_TIMESTAMP,"
                + " lease_expires_at = NULL WHERE search_id = ?", id);
        jdbc.update("UPDATE trial SET status = 'DIVERGED', val_loss = NULL, best_val_loss = NULL, val_accuracy = NULL,"
                + " epochs_run = 3, error = 'training loss became NaN at epoch 3 (learning rate too high?)'"
                + " WHERE search_id = ? AND MOD(number, 100) = 7", id);
        jdbc.update("INSERT INTO trial_epoch (trial_id, epoch, train_loss, val_loss, val_accuracy, elapsed_ms)"
                + " SELECT t.id, CAST(e.x AS INTEGER), t.train_loss * (1 + 4.0 / e.x), t.val_loss * (1 + 2.0 / e.x), 0.9, e.x * 40"
                + " FROM trial t, SYSTEM_RANGE(1, 20) e WHERE t.search_id = ? AND t.status = 'COMPLETED'", id);
        dev.hypersearch.store.Recount.trialCounters(jdbc, id);
        lifecycle.completeFinishedSearches();
        return id;
    }

    @Test
    void tenThousandFinishedTrialsFirstPaintFromOnePageAndTheAggregates() throws Exception {
        long id = createFinishedSearch();
        String url = "http://127.0.0.1:" + port + "/#/searches/" + id;

        // Warm the server (JIT, caches) with a few visits; then measure a first visit in a fresh browser context.
        for (int i = 0; i < 3; i++) {
            try (BrowserContext warm = browser.newContext(signedIn())) {
                Page p = warm.newPage();
                p.navigate(url);
                assertThat(p.locator("#chart-parallel")).hasAttribute("data-rendered", "true");
            }
        }
        String serverTimes = serverTimes(id);

        try (BrowserContext context = browser.newContext(signedIn()
                .setViewportSize(1280, 800))) {
            Page page = context.newPage();
            page.navigate(url);
            Locator rows = page.locator("table.leaderboard tbody tr[data-trial-id]");
            assertThat(rows).hasCount(25);
            assertThat(page.locator(".pager .page-of")).hasText("Page 1 of 400 · 10,000 trials");
            assertThat(page.locator("#chart-parallel")).hasAttribute("data-rendered", "true");
            for (String p : new String[] {"learningRate", "hiddenLayers", "hiddenUnits", "activation", "batchNorm", "l2"}) {
                assertThat(page.locator("#chart-scatter-" + p)).hasAttribute("data-rendered", "true");
            }
            assertThat(page.locator(".chart-note")).containsText("Showing a sample of");
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) page.evaluate("""
                    () => {
                      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
                      const nav = performance.getEntriesByType('navigation')[0];
                      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'))
                          .map((e) => e.name.replace(/^.*\\/api\\//, '/api/').replace(/\\?.*$/, '') + ' ' + Math.round(e.duration) + ' ms'
                            + ' ' + Math.round((e.transferSize || e.encodedBodySize) / 1024) + ' KiB');
                      return { firstPaint: at('first-paint'), firstContentfulPaint: at('first-contentful-paint'),
                               domContentLoaded: nav.domContentLoadedEventEnd, leaderboard: at('hs:board'),
                               charts: at('hs:charts'), requests: api.join('; ') };
                    }""");
            String report = String.format(java.util.Locale.ROOT,
                    "10,000-trial search, Chromium headless 1280x800, first visit (warm server):%n"
                            + "  first paint %s ms, first contentful paint %s ms, DOMContentLoaded %s ms,%n"
                            + "  leaderboard (25 rows) rendered %s ms, all charts rendered %s ms%n  requests: %s%n"
                            + "  server alone (median of 5 sequential requests): %s%n",
                    ms(t.get("firstPaint")), ms(t.get("firstContentfulPaint")), ms(t.get("domContentLoaded")),
                    ms(t.get("leaderboard")), ms(t.get("charts")), t.get("requests"), serverTimes);
            System.out.print(report);
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.writeString(Browser.SCREENSHOTS.resolve("first-paint-10k.txt"), report);
            Browser.screenshot(page, "search-10k");

            // Diverged trials are listed and explained, not dropped.
            page.locator("#flt-DIVERGED").check();
            assertThat(page).hasURL(Pattern.compile("status=DIVERGED"));
            assertThat(page.locator(".pager .page-of")).hasText("Page 1 of 4 · 100 trials");
            assertThat(rows.first().locator(".badge")).hasText("DIVERGED");
            assertThat(page.locator("tr.error-row").first()).containsText("diverged: training loss became NaN at epoch 3");
            Browser.screenshot(page, "search-10k-diverged");

            // Paging is the server's: the last page of all trials.
            page.navigate(url + "?page=399");
            assertThat(page.locator(".pager .page-of")).hasText("Page 400 of 400 · 10,000 trials");
            assertThat(rows).hasCount(25);
        }
    }

    /** Each endpoint the page calls, timed alone from Java (median of 5), with its body size. */
    String serverTimes(long id) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        StringBuilder out = new StringBuilder();
        for (String path : new String[] {"/api/searches/" + id, "/api/searches/" + id + "/trials?sort=valLoss&dir=asc&page=0&size=25",
                "/api/searches/" + id + "/charts?topK=10"}) {
            long[] nanos = new long[5];
            int bytes = 0;
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                nanos[i] = System.nanoTime() - t0;
                bytes = r.body().length;
            }
            java.util.Arrays.sort(nanos);
            out.append(String.format(java.util.Locale.ROOT, "%s%s %d ms %d KiB", out.length() == 0 ? "" : "; ",
                    path.replaceAll("\\?.*", "").replace("/" + id, "/{id}"), nanos[2] / 1_000_000, bytes / 1024));
        }
        return out.toString();
    }

    static String ms(Object v) {
        return v == null ? "n/a" : String.valueOf(Math.round(((Number) v).doubleValue()));
    }
}
