package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A spec whose largest configuration would not fit in a worker's memory budget is refused before anything is
 * stored, naming the parameters to lower and the estimate against the budget; preview reports the estimate.
 */
class MemoryLimitIT extends ApiIT {

    @Test
    void theLargestNetworkTheLimitsAllowIsRefusedNamingItsSizeParameters() {
        String body = BadRequestIT.spec("\"sanityCheck\": true", "\"hiddenLayers\": 16, \"hiddenUnits\": 4096");
        assertRejectedNamingField("16 x 4096", body, "space.hiddenLayers");

        Http.Response r = http.postJson("/api/searches", body);
        assertThat(fields(r)).containsExactly("space.hiddenLayers", "space.hiddenUnits", "space.batchSize");
        String detail = r.json().get("errors").get(0).get("message").asString();
        assertThat(detail).containsPattern("needs an estimated [0-9,]+ bytes \\([0-9.]+ GiB\\) of memory, over a"
                + " worker's budget of [0-9,]+ bytes").contains("hiddenLayers 16, hiddenUnits 4096, batchSize 64");
    }

    @Test
    void aSpaceIsSizedByItsLargestValuesNotItsFirst() {
        String body = BadRequestIT.spec("", "\"hiddenLayers\": {\"intRange\": {\"min\": 1, \"max\": 16}},"
                + " \"hiddenUnits\": {\"choice\": [8, 4096]}");
        assertRejectedNamingField("a range up to 16 x 4096", body, "space.hiddenLayers");
    }

    @Test
    void previewReportsTheEstimateOfTheLargestConfiguration() {
        long small = estimate(Map.of("hiddenUnits", 16, "epochs", 2));
        long wide = estimate(Map.of("hiddenUnits", Map.of("choice", List.of(16, 512)), "epochs", 2));
        long deep = estimate(Map.of("hiddenUnits", Map.of("choice", List.of(16, 512)), "hiddenLayers", 3, "epochs", 2));

        // 4 features, 3 classes: a 512-unit layer alone has 4 x 512 + 512 x 3 weights
        assertThat(small).isPositive().isLessThan(wide);
        assertThat(wide).isLessThan(deep);
        // the second and third 512 x 512 layers: weights, gradients and Adam's two moments, 8 bytes each
        assertThat(deep - wide).isGreaterThan(2L * 512 * 512 * 4 * 8);
    }

    private long estimate(Map<String, Object> space) {
        Http.Response r = http.postJson("/api/searches/preview", randomSpec("estimate", 3, 1, space));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("memoryEstimateBytes").asLong();
    }
}
