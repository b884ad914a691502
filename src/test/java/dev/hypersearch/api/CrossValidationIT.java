package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A k-fold search through HTTP: each trial trains k models and reports their mean and spread. */
class CrossValidationIT extends WorkersIT {

    @Test
    void aThreeFoldIrisSearchCompletesAndEachTrialsMeanIsTheMeanOfItsFolds() throws Exception {
        JsonNode search = run(Map.of("name", "iris-3-fold", "dataset", "iris", "strategy", "random", "maxTrials", 3,
                "seed", 21, "validation", Map.of("folds", 3),
                "space", Map.of("learningRate", Map.of("floatRange", Map.of("min", 0.003, "max", 0.03, "log", true)),
                        "hiddenUnits", 16, "optimizer", "adam", "epochs", 12, "batchSize", 16)), "COMPLETED");
        assertThat(search.get("spec").get("validation").get("folds").asInt()).isEqualTo(3);
        assertThat(search.get("spec").has("validationFraction")).isFalse();

        List<JsonNode> rows = trials(search.get("id").asLong());
        assertThat(rows).hasSize(3).allMatch(t -> t.get("status").asString().equals("COMPLETED"));
        for (JsonNode row : rows) {
            JsonNode cv = row.get("crossValidation");
            assertThat(cv.get("folds").asInt()).isEqualTo(3);
            JsonNode detail = trial(row.get("id").asLong());
            assertThat(detail.get("crossValidation")).isEqualTo(cv);
            assertThat(detail.get("curve")).as("the mean curve").hasSize(12);
            JsonNode folds = detail.get("foldCurves");
            assertThat(folds).hasSize(3);
            double[] losses = new double[3];
            double[] accuracies = new double[3];
            for (int f = 0; f < 3; f++) {
                JsonNode fold = folds.get(f);
                assertThat(fold.get("fold").asInt()).isEqualTo(f);
                assertThat(fold.get("curve")).hasSize(12);
                JsonNode last = fold.get("curve").get(11);
                losses[f] = last.get("valLoss").asDouble();
                accuracies[f] = last.get("valAccuracy").asDouble();
            }
            double meanLoss = (losses[0] + losses[1] + losses[2]) / 3;
            double meanAccuracy = (accuracies[0] + accuracies[1] + accuracies[2]) / 3;
            assertThat(cv.get("meanValLoss").asDouble()).isCloseTo(meanLoss, within(1e-12));
            assertThat(cv.get("meanValAccuracy").asDouble()).isCloseTo(meanAccuracy, within(1e-12));
            assertThat(cv.get("stdValLoss").asDouble()).isCloseTo(populationStd(losses, meanLoss), within(1e-12));
            assertThat(cv.get("stdValAccuracy").asDouble())
                    .isCloseTo(populationStd(accuracies, meanAccuracy), within(1e-12));
            assertThat(row.get("valLoss").asDouble()).isEqualTo(cv.get("meanValLoss").asDouble());
            assertThat(row.get("valAccuracy").asDouble()).isEqualTo(cv.get("meanValAccuracy").asDouble());
            assertThat(detail.get("curve").get(11).get("valLoss").asDouble()).isCloseTo(meanLoss, within(1e-12));
        }
        assertThat(search.get("best").get("valAccuracy").asDouble()).isGreaterThan(0.8);
    }

    static double populationStd(double[] xs, double mean) {
        double sum = 0;
        for (double x : xs) {
            sum += (x - mean) * (x - mean);
        }
        return Math.sqrt(sum / xs.length);
    }
}
