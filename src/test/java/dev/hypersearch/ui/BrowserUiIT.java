package dev.hypersearch.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.hypersearch.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The UI in real Chromium against the whole service (API and two workers on an in-memory H2): what a
 * person does, with Playwright's auto-waiting assertions and no fixed sleeps. Screenshots of every page go
 * to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ui-it;DB_CLOSE_DELAY=-1",
        "hypersearch.role=all", "hypersearch.workers=2", "hypersearch.poll-millis=50",
        "hypersearch.heartbeat-seconds=1"})
class BrowserUiIT extends SignedInPage {

    /** Fills the new-search form: name, budget, and the starter space with the given epochs. */
    void fillForm(String name, String dataset, int maxTrials, int epochs) {
        page.navigate(url("#/new"));
        page.locator("#f-name").fill(name);
        page.locator("#f-dataset").selectOption(dataset);
        page.locator("#f-strategy").selectOption("random");
        page.locator("#f-maxTrials").fill(String.valueOf(maxTrials));
        page.locator("#f-seed").fill("5");
        page.locator("#p-epochs-mode").selectOption("fixed");
        page.locator("#p-epochs-fixed").fill(String.valueOf(epochs));
    }

    @Test
    void aSearchCreatedThroughTheFormRunsLiveAndCanBeSortedAndInspected() {
        fillForm("ui-iris", "iris", 8, 40);
        assertThat(page.locator("#preview-trials")).hasText("8");
        assertThat(page.locator("#preview-epochs")).hasText("320");
        Browser.screenshot(page, "new-search");

        page.locator("#submit-search").click();
        assertThat(page).hasURL(Pattern.compile("#/searches/\\d+$"));
        page.evaluate("window.__sameDocument = true");
        Locator rows = page.locator("table.leaderboard tbody tr[data-trial-id]");
        assertThat(rows).hasCount(8);
        assertThat(page.locator("#search-title")).hasText("ui-iris");

        // Trials run and finish while we watch: the page updates through server-sent events, no reload.
        assertThat(page.locator(".search-head .badge")).hasText("COMPLETED");
        assertThat(page.locator("table.leaderboard .badge.st-completed")).hasCount(8);
        assertThat(page.locator(".search-head .progress")).hasAttribute("aria-valuenow", "8");
        Assertions.assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);
        assertThat(page.locator("tr.best")).hasCount(1);
        // Once the search has ended, nothing is left at an earlier refresh: the row marked best is the
        // header's best trial, and the charts count every finished trial.
        String headerBest = page.locator("#best-trial").textContent().strip();
        Assertions.assertThat(headerBest).matches("#\\d+");
        assertThat(page.locator("tr.best a.trial-link")).hasText(headerBest);
        assertThat(page.locator(".chart-note")).hasText("8 finished trials.");
        assertThat(page.locator("#chart-history")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#chart-parallel")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#chart-scatter-learningRate")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#chart-scatter-learningRate")).hasAttribute("aria-label", Pattern.compile("log axis"));
        // Too few trials for importance: the card says why instead of drawing bars.
        assertThat(page.locator("#importance-note")).containsText("at least 10 finished trials");
        assertThat(page.locator("#csv-link")).hasAttribute("href", Pattern.compile("/api/searches/\\d+/trials\\.csv"));
        Browser.screenshot(page, "search");

        // Default order: best validation loss first.
        assertThat(page.locator("th[aria-sort='ascending']")).hasText(Pattern.compile("Val loss"));
        List<Double> ascending = losses(rows);
        Assertions.assertThat(ascending).isSortedAccordingTo(Double::compare);
        String worst = rows.last().locator("td").nth(5).textContent();

        // Clicking the header flips the order, and the state lands in the URL.
        page.locator("th button[data-sort='valLoss']").click();
        assertThat(page.locator("th[aria-sort='descending']")).hasText(Pattern.compile("Val loss"));
        assertThat(page).hasURL(Pattern.compile("dir=desc"));
        assertThat(rows.first().locator("td").nth(5)).hasText(worst);

        // The keyboard works too: focus the trial-number header and press Enter.
        page.locator("th button[data-sort='number']").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("th[aria-sort='ascending']")).hasText(Pattern.compile("Trial"));
        assertThat(page.locator("th button[data-sort='number']")).isFocused();
        assertThat(rows.first().locator("a.trial-link")).hasText("#0");
        assertThat(rows.last().locator("a.trial-link")).hasText("#7");

        // A trial's detail with its learning curve.
        rows.nth(2).locator("a.trial-link").click();
        Locator detail = page.locator("#trial-detail");
        assertThat(detail.locator("h2")).hasText("Trial #2");
        assertThat(detail.locator(".badge")).hasText("COMPLETED");
        assertThat(detail.locator(".trial-metrics")).containsText("Worker");
        assertThat(detail.locator(".params-table")).containsText("learningRate");
        assertThat(detail.locator(".trial-curve")).hasAttribute("aria-label", Pattern.compile("40 epochs"));
        assertThat(page.locator("tr.selected a.trial-link")).hasText("#2");
        Browser.screenshot(page, "trial-detail");

        // A narrow window still shows everything (the table scrolls sideways).
        page.setViewportSize(390, 844);
        assertThat(page.locator("#search-title")).isVisible();
        page.waitForFunction("() => document.documentElement.scrollWidth <= window.innerWidth");
        Browser.screenshot(page, "search-narrow");
        page.setViewportSize(1280, 800);

        // The standalone trial page.
        String trialHref = rows.nth(0).locator("a.trial-link").getAttribute("href");
        long trialId = Long.parseLong(trialHref.replaceAll(".*trial=(\\d+).*", "$1"));
        page.navigate(url("#/trials/" + trialId));
        assertThat(page.locator("h1")).hasText("Trial #0");
        assertThat(page.locator(".trial-curve")).hasAttribute("data-rendered", "true");
        Browser.screenshot(page, "trial-page");

        // The list shows it done with its best loss.
        page.navigate(url("#/"));
        Locator listRow = page.locator("table.searches tbody tr", new Page.LocatorOptions().setHasText("ui-iris"));
        assertThat(listRow.locator(".progress-text")).containsText("8 / 8 done");
        assertThat(listRow.locator(".badge")).hasText("COMPLETED");
        Browser.screenshot(page, "searches");
    }

    /**
     * A browser without a bearer header signs in through the page: the token becomes an HttpOnly session cookie
     * (no script can read it), submitting a search (an unsafe request) carries the CSRF header, and the search page's
     * live events (EventSource, which cannot send headers) come over that cookie.
     */
    @Test
    void aPersonSignsInWithATokenAndTheSessionCookieCarriesTheUi() {
        try (BrowserContext plain = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 800))) {
            Page p = plain.newPage();
            p.setDefaultTimeout(60_000);
            p.navigate(url("#/"));
            assertThat(p.locator("h1")).hasText("Sign in");
            p.locator("#signin-token").fill("hs_wrong");
            p.locator("button[type=submit]").click();
            assertThat(p.locator(".signin [role=alert]")).containsText("unknown, expired or revoked");
            Browser.screenshot(p, "sign-in");

            p.locator("#signin-token").fill(TestTokens.ADMIN);
            p.locator("button[type=submit]").click();
            assertThat(p.locator("h1")).hasText("Searches");
            assertThat(p.locator("#whoami")).hasText("admin (admin)");
            Assertions.assertThat(plain.cookies()).filteredOn(c -> c.name.equals("JSESSIONID"))
                    .singleElement().satisfies(c -> Assertions.assertThat(c.httpOnly).isTrue());
            Assertions.assertThat((Object) p.evaluate("() => document.cookie")).asString().doesNotContain("JSESSIONID")
                    .doesNotContain(TestTokens.ADMIN);

            // Submitting (an unsafe request: the CSRF header) and the live page (EventSource) ride on the cookie.
            page.close();
            page = p;
            fillForm("ui-signed-in", "iris", 2, 2);
            page.locator("#submit-search").click();
            assertThat(page).hasURL(Pattern.compile("#/searches/\\d+$"));
            page.evaluate("window.__sameDocument = true");
            assertThat(page.locator(".search-head .badge")).hasText("COMPLETED");
            Assertions.assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);
            page.navigate(url("#/"));
            assertThat(page.locator("table.searches tbody tr", new Page.LocatorOptions().setHasText("ui-signed-in"))
                    .locator(".sub")).containsText("by admin");
        }
    }

    @Test
    void anAshaSearchShowsWhereItsPrunedTrialsStoppedAndTheRungs() {
        fillForm("ui-asha", "iris", 9, 9);
        page.locator("#f-pruner").selectOption("asha");
        // ASHA's settings have their own inputs (from the server's catalogue): eta 3 as the default would have it.
        page.locator("#f-asha-eta").fill("3");
        assertThat(page.locator("#preview-trials")).hasText("9");
        page.locator("#submit-search").click();
        assertThat(page).hasURL(Pattern.compile("#/searches/\\d+$"));
        assertThat(page.locator(".search-head .badge")).hasText("COMPLETED");
        assertThat(page.locator(".search-head .progress")).hasAttribute("aria-valuenow", "9");

        // Pruned trials stay in the leaderboard, each with where and why it stopped.
        Locator pruned = page.locator("tr.error-row.st-pruned");
        assertThat(pruned.first()).isVisible();
        assertThat(pruned.first().locator(".pruned-at")).hasText(Pattern.compile("pruned at epoch [13] \\(ASHA rung at epoch [13]: .+ > .+\\)"));
        assertThat(page.locator("table.leaderboard .badge.st-pruned")).hasCount(pruned.count());
        // The top-k curves carry the rung lines (rungs at epochs 1 and 3 below 9 epochs, eta 3).
        assertThat(page.locator("#chart-curves")).hasAttribute("data-rungs", "1,3");
        assertThat(page.locator("#chart-curves")).hasAttribute("aria-label", Pattern.compile("ASHA rungs \\(epochs 1, 3\\)"));

        // A pruned trial's detail says the same, and its curve ends at the rung.
        pruned.first().click();
        Locator detail = page.locator("#trial-detail");
        assertThat(detail.locator(".badge")).hasText("PRUNED");
        assertThat(detail.locator(".trial-error.st-pruned .pruned-at")).hasText(Pattern.compile("pruned at epoch [13] \\(ASHA rung"));
        assertThat(detail.locator(".trial-curve")).hasAttribute("data-rungs", "1,3");
        assertThat(detail.locator(".trial-curve")).hasAttribute("data-rendered", "true");
        Browser.screenshot(page, "search-asha");
    }

    @Test
    void theImportanceCardShowsABarPerVaryingParameterOnceEnoughTrialsFinished() {
        fillForm("ui-importance", "iris", 12, 5);
        page.locator("#submit-search").click();
        assertThat(page).hasURL(Pattern.compile("#/searches/\\d+$"));
        assertThat(page.locator(".search-head .badge")).hasText("COMPLETED");

        Locator chart = page.locator("#chart-importance");
        assertThat(chart).hasAttribute("data-rendered", "true");
        assertThat(chart).hasAttribute("aria-label", Pattern.compile("^Share of importance: .*learningRate \\d+\\.\\d%"));
        long varying = page.locator(".scatter-grid .chart").count();
        assertThat(chart).hasAttribute("data-bars", String.valueOf(varying));
        assertThat(page.locator("#importance-note")).containsText("of 12 finished trials");
        Browser.screenshot(page, "search-importance");
    }

    @Test
    void aCoarseToFineSearchShowsItsStagesAndTheirRanges() {
        fillForm("ui-c2f", "iris", 6, 5);
        page.locator("#f-strategy").selectOption("coarse-to-fine");
        page.locator("#f-stages").fill("2");
        page.locator("#f-trialsPerStage").fill("3");
        assertThat(page.locator("#preview-trials")).hasText("6");
        page.locator("#submit-search").click();
        assertThat(page).hasURL(Pattern.compile("#/searches/\\d+$"));
        assertThat(page.locator(".search-head .badge")).hasText("COMPLETED");
        assertThat(page.locator(".search-head .progress")).hasAttribute("aria-valuenow", "6");

        // A Stage column, sortable by the server.
        assertThat(page.locator("th button[data-sort='stage']")).hasText(Pattern.compile("Stage"));
        Locator rows = page.locator("table.leaderboard tbody tr[data-trial-id]");
        assertThat(rows).hasCount(6);
        page.locator("th button[data-sort='stage']").click();
        assertThat(page.locator("th[aria-sort='ascending']")).hasText(Pattern.compile("Stage"));
        assertThat(rows.first().locator("td").nth(2)).hasText("1");
        assertThat(rows.last().locator("td").nth(2)).hasText("2");

        // The Stages panel: each stage's trials and the ranges it sampled from.
        Locator stages = page.locator("#stages .stage-list > li");
        assertThat(stages).hasCount(2);
        assertThat(stages.nth(0).locator("h3")).containsText("trials #0–#2");
        assertThat(stages.nth(1).locator("h3")).containsText("trials #3–#5");
        assertThat(stages.nth(0).locator(".stage-ranges")).containsText("learningRate");
        assertThat(stages.nth(1).locator(".stage-ranges")).containsText("–");
        assertThat(page.locator(".chart-note")).hasText("6 finished trials.");
        Browser.screenshot(page, "search-coarse-to-fine");
    }

    @Test
    void aTpeSearchTakesItsSettingsFromTheFormAndShowsWhatEachSuggestionWasBasedOn() {
        fillForm("ui-tpe", "iris", 6, 5);
        page.locator("#f-strategy").selectOption("tpe");
        assertThat(page.locator("fieldset.settings-tpe")).isVisible();
        assertThat(page.locator("fieldset.settings-tpe legend")).hasText("Tpe settings");
        page.locator("#f-startupTrials").fill("3");
        page.locator("#f-gamma").fill("0.5");
        assertThat(page.locator("#preview-trials")).hasText("6");
        page.locator("#submit-search").click();
        assertThat(page).hasURL(Pattern.compile("#/searches/\\d+$"));
        assertThat(page.locator(".search-head .badge")).hasText("COMPLETED");
        String id = page.url().replaceAll(".*#/searches/(\\d+)$", "$1");
        String search = page.request().get(url("api/searches/" + id)).text();
        org.assertj.core.api.Assertions.assertThat(search).contains("\"strategy\":\"tpe\"")
                .contains("\"startupTrials\":3").contains("\"gamma\":0.5").contains("\"candidates\":24");

        page.locator("a.trial-link", new Page.LocatorOptions().setHasText("#5")).click();
        Locator detail = page.locator("#trial-detail");
        assertThat(detail.locator("h2")).hasText("Trial #5");
        assertThat(detail.locator(".trial-metrics")).containsText(Pattern.compile("Suggested by TPE from\\s*\\d+ finished trial"));
        Browser.screenshot(page, "trial-tpe");
        page.locator("a.trial-link", new Page.LocatorOptions().setHasText("#0")).click();
        assertThat(detail.locator("h2")).hasText("Trial #0");
        assertThat(detail.locator(".trial-metrics")).not().containsText("Suggested by TPE");
    }

    @Test
    void aTpeSearchWithALayersOwnWidthBuiltInTheFormRunsAndShowsWhichParametersMatter() {
        fillForm("ui-tpe-widths", "iris", 12, 5);
        page.locator("#f-strategy").selectOption("tpe");
        page.locator("#f-startupTrials").fill("4");
        page.locator("#p-hiddenLayers-mode").selectOption("choice");
        page.locator("#p-hiddenLayers-choiceText").fill("1, 2");
        page.locator("details.layer-widths summary").click();
        page.locator("#p-units2-mode").selectOption("choice");
        page.locator("#p-units2-choiceText").fill("4, 32");
        // Layer 2's width applies (hiddenLayers may be 2); layer 3's cannot, and says when it would.
        assertThat(page.locator("[data-param='units2']")).not().hasClass(Pattern.compile("\\binactive\\b"));
        assertThat(page.locator("[data-param='units3']")).hasClass(Pattern.compile("\\binactive\\b"));
        assertThat(page.locator("[data-param='units3'] .condition-note")).hasText("not applicable unless hiddenLayers >= 3");
        page.locator("#submit-search").click();
        assertThat(page).hasURL(Pattern.compile("#/searches/\\d+$"));
        assertThat(page.locator(".search-head .badge")).hasText("COMPLETED");
        String id = page.url().replaceAll(".*#/searches/(\\d+)$", "$1");
        String search = page.request().get(url("api/searches/" + id)).text();
        org.assertj.core.api.Assertions.assertThat(search).contains("\"strategy\":\"tpe\"").contains("\"startupTrials\":4")
                .contains("\"units2\":{\"choice\":[4,32]}");

        Locator chart = page.locator("#chart-importance");
        assertThat(chart).hasAttribute("data-rendered", "true");
        assertThat(chart).hasAttribute("aria-label", Pattern.compile("^Share of importance: .*\\bunits2 \\d+\\.\\d%"));
        assertThat(page.locator("#importance-note")).containsText("of 12 finished trials against all");
        page.locator("#importance-within").selectOption("0.5");
        assertThat(page.locator("#importance-note")).containsText("of 12 finished trials against the best 50");
        Browser.screenshot(page, "search-tpe-importance");
    }

    static List<Double> losses(Locator rows) {
        List<Double> out = new ArrayList<>();
        for (String s : rows.locator("td:nth-child(6)").allTextContents()) {
            out.add(Double.parseDouble(s.strip()));
        }
        return out;
    }

    @Test
    void aBadSpecShowsTheServersErrorNextToTheField() {
        fillForm("bad", "iris", 4, 5);
        // The parameter editor is built from the server's catalogue: one row per parameter it lists, in its order.
        Object served = page.evaluate("() => fetch('/api/parameters').then((r) => r.json()).then((c) => c.parameters.map((p) => p.name))");
        Assertions.assertThat((List<Object>) served).contains("learningRate", "epochs", "momentum");
        Assertions.assertThat(page.locator(".params [data-param]").evaluateAll("(rows) => rows.map((r) => r.dataset.param)")).isEqualTo(served);
        // Layer widths fold under hiddenLayers; what cannot apply is greyed out with its condition, until it can.
        assertThat(page.locator("details.layer-widths")).not().hasAttribute("open", "");
        assertThat(page.locator("[data-param=momentum]")).hasClass(Pattern.compile("\\binactive\\b"));
        assertThat(page.locator("[data-param=momentum] .condition-note")).hasText("not applicable unless optimizer is momentum");
        assertThat(page.locator("[data-param=units2]")).hasClass(Pattern.compile("\\binactive\\b"));
        page.locator("#p-optimizer-mode").selectOption("fixed");
        page.locator("#p-optimizer-fixed").selectOption("momentum");
        assertThat(page.locator("[data-param=momentum]")).not().hasClass(Pattern.compile("\\binactive\\b"));
        assertThat(page.locator("[data-param=beta1]")).hasClass(Pattern.compile("\\binactive\\b"));
        page.locator("#p-optimizer-mode").selectOption("default");
        page.locator("#p-learningRate-mode").selectOption("range");
        page.locator("#p-learningRate-min").fill("5");
        page.locator("#p-learningRate-max").fill("0.1");
        // The live preview already asks the server, which names the field.
        Locator lrError = page.locator("[data-slot='space.learningRate'] .field-error");
        assertThat(lrError).containsText("must be <= max");
        assertThat(page.locator("#p-learningRate-min")).hasAttribute("aria-invalid", "true");

        page.locator("#f-name").fill("");
        page.locator("#submit-search").click();
        assertThat(page.locator("#err-f-name")).containsText("required");
        assertThat(lrError).containsText("must be <= max");
        assertThat(page.locator(".actions [role=status]")).containsText("Not submitted: 2 problems");
        assertThat(page).hasURL(Pattern.compile("#/new$"));
        Browser.screenshot(page, "new-search-errors");

        // Fixing it clears the errors.
        page.locator("#p-learningRate-min").fill("0.001");
        assertThat(lrError).isEmpty();

        // Pasted JSON: errors are listed with their field paths.
        page.locator(".tabs button", new Page.LocatorOptions().setHasText("JSON")).click();
        page.locator("#spec-json").fill("{\"name\":\"j\",\"dataset\":\"iris\",\"strategy\":\"random\",\"maxTrials\":2,"
                + "\"seed\":1,\"space\":{\"learningRat\":0.1}}");
        assertThat(page.locator(".json-errors")).containsText("space.learningRat");
        page.locator("#spec-json").fill("{\"name\":");
        assertThat(page.locator(".json-errors")).containsText("not valid JSON");
    }

    @Test
    void anUploadedCsvBecomesADatasetChoice() {
        page.navigate(url("#/new"));
        page.locator(".upload-box summary").click();
        StringBuilder csv = new StringBuilder("a,b,label\n");
        Random rnd = new Random(1);
        for (int i = 0; i < 60; i++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            csv.append(a).append(',').append(b).append(',').append(a + b > 0 ? "yes" : "no").append('\n');
        }
        page.locator("#up-file").setInputFiles(new FilePayload("blobs.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        page.locator("#up-name").fill("blobs");
        page.locator("form.upload button[type=submit]").click();
        assertThat(page.locator("form.upload [role=status]")).containsText("Uploaded blobs: 60 rows, 2 features");
        assertThat(page.locator("#f-dataset")).hasValue("blobs");

        page.locator("#up-file").setInputFiles(new FilePayload("broken.csv", "text/csv", "a,b\n1\n".getBytes(StandardCharsets.UTF_8)));
        page.locator("#up-name").fill("broken");
        page.locator("form.upload button[type=submit]").click();
        assertThat(page.locator("#err-up-file")).not().isEmpty();
        assertThat(page.locator("#up-file")).hasAttribute("aria-invalid", "true");
    }

    @Test
    void aMessyFileIsProfiledThenSavedWithAChangedRole() {
        page.navigate(url("#/new"));
        page.locator(".upload-box summary").click();
        byte[] messy = dev.hypersearch.data.ingest.MessyFiles.withBom(dev.hypersearch.data.ingest.MessyFiles.customers(';'));
        page.locator("#up-file").setInputFiles(new FilePayload("customers.csv", "text/csv", messy));
        page.locator("#up-name").fill("customers-ui");
        page.locator("#up-profile").click();
        Locator profile = page.locator("table.profile");
        assertThat(profile.locator("tbody tr")).hasCount(8);
        assertThat(profile.locator("tr[data-column=customer_id]")).containsText("identifier");
        assertThat(page.locator("select[data-column-type=signup]")).hasValue("date");
        assertThat(page.locator("select[data-column-role=churn]")).hasValue("label");
        assertThat(profile.locator("tr[data-column=age] td.num").first()).hasText("23 %");
        assertThat(page.locator("form.upload [role=status]")).containsText("2 without a label left out");
        Browser.screenshot(page, "upload-profile");

        page.locator("select[data-column-role=city]").selectOption("ignored");
        page.locator("select[data-column-type=age]").selectOption("categorical");
        page.locator("form.upload button[type=submit]").click();
        assertThat(page.locator("form.upload [role=status]")).containsText("Uploaded customers-ui: 30 rows, 3 features");
        Locator listed = page.locator("table.datasets tr[data-dataset=customers-ui]");
        assertThat(listed).containsText("classification");
        assertThat(listed).containsText("churn");
        assertThat(listed.locator("td").nth(2)).hasText("8");
        Assertions.assertThat(page.evaluate("fetch('/api/datasets/customers-ui').then(r => r.json())"
                + ".then(d => d.columns.filter(c => c.name === 'city')[0].ignoredReason + ' ' +"
                + " d.columns.filter(c => c.name === 'age')[0].type)")).isEqualTo("user categorical");
    }

    @Test
    void aRunningSearchCanBeCancelled() {
        // The most epochs the catalogue allows: a trial must still be running when the test looks (3,000 epochs of
        // digits took 3-7 s on an AVX-512 machine; a small net may still end 10,000 before the page is read, which
        // adds the F1 column, so the epochs are found by their column's name).
        fillForm("ui-long", "digits", 6, 10_000);
        assertThat(page.locator("#preview-trials")).hasText("6");
        page.locator("#submit-search").click();
        assertThat(page).hasURL(Pattern.compile("#/searches/\\d+$"));
        assertThat(page.locator("table.leaderboard .badge.st-running").first()).isVisible();
        assertThat(page.locator("table.leaderboard tbody tr.st-running td[data-col=epochsRun]").first())
                .hasText(Pattern.compile("[1-9]\\d*"));
        page.locator("#cancel-search").click();
        assertThat(page.locator(".search-head .badge")).hasText("CANCELLED");
        assertThat(page.locator("#cancel-search")).hasCount(0);
        // Queued trials are cancelled at once, running ones at their next check; the page follows them.
        assertThat(page.locator("table.leaderboard .badge.st-queued")).hasCount(0);
        assertThat(page.locator("table.leaderboard .badge.st-running")).hasCount(0);
        assertThat(page.locator("table.leaderboard .badge.st-cancelled").first()).isVisible();
        assertThat(page.locator("tr.error-row.st-cancelled").first()).containsText("cancelled");
        Browser.screenshot(page, "search-cancelled");
    }
}
