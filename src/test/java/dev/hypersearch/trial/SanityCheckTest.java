package dev.hypersearch.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.DatasetTables;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.nn.Gemms;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SanityCheckTest {

    private static final SanityCheck CHECK = new SanityCheck(Gemms.reference());

    private static SanityReport check(String dataset, Map<String, Object> overrides) {
        return CHECK.check(TrialConfigsTest.params(overrides), BuiltinDatasets.load(dataset), 42);
    }

    @Test
    void passesASoundConfiguration() {
        SanityReport r = check("digits", Map.of("activation", "relu", "optimizer", "adam", "learningRate", 1e-2));
        assertThat(r.passed()).as(r.message()).isTrue();
        assertThat(r.failedCheck()).isNull();
        assertThat(r.expectedInitialLoss()).isEqualTo(Math.log(10));
        assertThat(r.initialLoss()).isCloseTo(Math.log(10), within(0.01));
        assertThat(r.finalTrainLoss()).isLessThan(SanityCheck.MAX_FINAL_LOSS);
        assertThat(r.message()).contains("passed", "ln(10) = 2.3026", "20 examples", "200 epochs");
    }

    @Test
    void failsALearningRateThatDiverges() {
        SanityReport r = check("digits", Map.of("optimizer", "sgd", "learningRate", 10.0));
        assertThat(r.passed()).isFalse();
        assertThat(r.failedCheck()).isEqualTo(SanityCheck.OVERFIT_SUBSET);
        assertThat(r.finalTrainLoss()).isNaN();
        assertThat(r.initialLoss()).isCloseTo(Math.log(10), within(0.01)); // the initial-loss check itself passed
        assertThat(r.message()).contains("overfitSubset", "diverged", "learning rate 10.0 is too high for sgd");
    }

    @Test
    void failsAConfigurationThatCannotFitTwentyExamples() {
        // Zero init: every hidden unit stays identical and ReLU passes no gradient; the loss stays at ln(10).
        SanityReport r = check("digits", Map.of("init", "zeros"));
        assertThat(r.passed()).isFalse();
        assertThat(r.failedCheck()).isEqualTo(SanityCheck.OVERFIT_SUBSET);
        assertThat(r.finalTrainLoss()).isCloseTo(Math.log(10), within(0.01));
        assertThat(r.message()).contains("after 200 epochs is 2.303", "needed below 0.05", "cannot fit");
    }

    @Test
    void binaryExpectsLnTwoAndRegressionSkipsTheInitialLoss() {
        SanityReport binary = check("breast_cancer", Map.of());
        assertThat(binary.passed()).as(binary.message()).isTrue();
        assertThat(binary.expectedInitialLoss()).isEqualTo(Math.log(2));
        assertThat(binary.initialLoss()).isCloseTo(Math.log(2), within(0.01));

        SanityReport regression = check("regression", Map.of());
        assertThat(regression.passed()).as(regression.message()).isTrue();
        assertThat(regression.expectedInitialLoss()).isNaN();
        assertThat(regression.message()).doesNotContain("expected ln");
        SanityReport exploding = check("regression", Map.of("optimizer", "sgd", "learningRate", 10.0));
        assertThat(exploding.failedCheck()).isEqualTo(SanityCheck.OVERFIT_SUBSET);
    }

    @Test
    void theInitialLossRuleAllowsTenPercentAroundChance() {
        double ln10 = Math.log(10);
        assertThat(SanityCheck.initialLossAcceptable(ln10 * 1.09, ln10)).isTrue();
        assertThat(SanityCheck.initialLossAcceptable(ln10 * 0.91, ln10)).isTrue();
        assertThat(SanityCheck.initialLossAcceptable(ln10 * 1.11, ln10)).isFalse();
        assertThat(SanityCheck.initialLossAcceptable(20 * ln10, ln10)).isFalse(); // e.g. a summed, not mean, loss
    }

    @Test
    void theSubsetIsTwentyStratifiedRowsStandardizedOnThemselves() {
        Dataset digits = BuiltinDatasets.load("digits");
        PreparedData subset = SanityCheck.subset(DatasetTables.of(digits), 42);
        assertThat(subset.train().size()).isEqualTo(SanityCheck.SUBSET_SIZE);
        assertThat(subset.validation().features().data).isEqualTo(subset.train().features().data);
        double[] perClass = new double[10];
        for (int i = 0; i < 20; i++) {
            for (int c = 0; c < 10; c++) {
                perClass[c] += subset.train().targets().get(i, c);
            }
        }
        assertThat(perClass).containsOnly(2.0); // ten balanced classes: two rows each
        for (double m : TrialConfigsTest.columnMeans(subset.train().features())) {
            assertThat(m).isCloseTo(0.0, within(1e-9));
        }
        assertThat(SanityCheck.subset(DatasetTables.of(digits), 42).train().features().data)
                .isEqualTo(subset.train().features().data); // seeded
        assertThat(Arrays.equals(SanityCheck.subset(DatasetTables.of(digits), 43).train().features().data,
                subset.train().features().data)).isFalse();
    }

    @Test
    void theCheckIsBoundedInEpochsAndTime() {
        // 10,000 epochs asked: the overfitting run trains 200 whatever the configuration says
        SanityReport bounded = check("digits", Map.of("activation", "relu", "optimizer", "adam", "learningRate", 1e-2,
                "epochs", 10_000));
        assertThat(bounded.message()).contains("after 200 epochs");

        SanityReport late = CHECK.check(TrialConfigsTest.params(Map.of("epochs", 10_000)), DatasetTables.of(BuiltinDatasets.load("digits")),
                42, () -> false, java.time.Duration.ZERO).orElseThrow();
        assertThat(late.passed()).isFalse();
        assertThat(late.failedCheck()).isEqualTo(SanityCheck.TIME_LIMIT_CHECK);
        assertThat(late.message()).startsWith("sanity check failed: timeLimit; training on 20 examples did not finish"
                + " 200 epochs within 0 s");

        assertThat(CHECK.check(TrialConfigsTest.params(Map.of()), DatasetTables.of(BuiltinDatasets.load("digits")), 42, () -> true,
                SanityCheck.TIME_LIMIT)).as("stopped: no verdict").isEmpty();
    }
}
