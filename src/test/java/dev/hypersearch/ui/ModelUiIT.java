package dev.hypersearch.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Models in real Chromium against the whole service (API and a worker on an in-memory H2): a search run from the
 * form, "Create model" on its best trial, the model page once the worker's refit is READY, predictions for pasted
 * CSV rows, a refused row named by its column, the ONNX download link, and the models list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:model-ui-it;DB_CLOSE_DELAY=-1",
        "hypersearch.role=all", "hypersearch.workers=1", "hypersearch.poll-millis=50",
        "hypersearch.heartbeat-seconds=1"})
class ModelUiIT extends SignedInPage {

    @Test
    void theBestTrialBecomesAModelThatPredictsPastedRows() {
        page.navigate(url("#/new"));
        page.locator("#f-name").fill("ui-model");
        page.locator("#f-dataset").selectOption("iris");
        page.locator("#f-strategy").selectOption("random");
        page.locator("#f-maxTrials").fill("2");
        page.locator("#f-seed").fill("5");
        page.locator("#p-epochs-mode").selectOption("fixed");
        page.locator("#p-epochs-fixed").fill("30");
        page.locator("#submit-search").click();
        assertThat(page).hasURL(Pattern.compile("#/searches/\\d+$"));
        assertThat(page.locator(".search-head .badge")).hasText("COMPLETED");

        page.locator("#best-model button.create-model").click();
        assertThat(page).hasURL(Pattern.compile("#/models/\\d+$"));
        assertThat(page.locator(".model .badge")).hasText("READY");
        assertThat(page.locator(".schema-table tbody tr")).hasCount(4);
        assertThat(page.locator(".model-metrics")).containsText("150");
        assertThat(page.locator("#download-onnx")).hasAttribute("href", Pattern.compile("/api/models/\\d+/model\\.onnx"));
        Browser.screenshot(page, "model");

        // The box starts with the header line; two iris rows pasted below it (a setosa, a virginica).
        String header = page.locator("#predict-input").inputValue().strip();
        Assertions.assertThat(header.split(",")).hasSize(4);
        page.locator("#predict-input").fill(header + "\n5.1,3.5,1.4,0.2\n7.7,3.0,6.1,2.3\n");
        page.locator("#predict-run").click();
        Locator predictions = page.locator(".predictions-table tbody tr");
        assertThat(predictions).hasCount(2);
        assertThat(predictions.nth(0).locator("td.label")).hasText("setosa");
        assertThat(predictions.nth(1).locator("td.label")).hasText("virginica");
        Browser.screenshot(page, "model-predict");

        // An empty cell is a missing value, imputed; a word in a numeric column is refused, naming row and column.
        page.locator("#predict-input").fill(header + "\n5.1,,1.4,0.2\n");
        page.locator("#predict-run").click();
        assertThat(page.locator(".predictions-table tbody tr")).hasCount(1);
        page.locator("#predict-input").fill(header + "\n5.1,wide,1.4,0.2\n");
        page.locator("#predict-run").click();
        assertThat(page.locator("#predict-output [role=alert]")).containsText("row 0");
        assertThat(page.locator("#predict-output [role=alert]")).containsText(header.split(",")[1]);

        page.locator("nav a[data-nav=models]").click();
        assertThat(page.locator(".models-table tbody tr")).hasCount(1);
        assertThat(page.locator(".models-table .badge")).hasText("READY");
        Browser.screenshot(page, "models");
    }
}
