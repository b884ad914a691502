package dev.hypersearch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static final double EPS = 1e-12;

    // Column 0 varies, column 1 is constant, column 2 has a large offset.
    private static final double[][] TRAIN = {
        {1, 5, 1000.0}, {2, 5, 1001.0}, {3, 5, 1002.0}, {6, 5, 1005.0}};
    private static final double[][] VALIDATION = {{10, 7, 990}, {20, 5, 995}};

    private static double mean(double[][] rows, int j) {
        double sum = 0;
        for (double[] row : rows) {
            sum += row[j];
        }
        return sum / rows.length;
    }

    private static double std(double[][] rows, int j) {
        double m = mean(rows, j);
        double sum = 0;
        for (double[] row : rows) {
            sum += (row[j] - m) * (row[j] - m);
        }
        return Math.sqrt(sum / rows.length);
    }

    @Test
    void trainColumnsGetZeroMeanAndUnitVariance() {
        double[][] out = Standardizer.fit(TRAIN).transform(TRAIN);
        for (int j : new int[] {0, 2}) {
            assertThat(mean(out, j)).isCloseTo(0, offset(EPS));
            assertThat(std(out, j)).isCloseTo(1, offset(EPS));
        }
    }

    @Test
    void validationUsesTheTrainingStatistics() {
        Standardizer s = Standardizer.fit(TRAIN);
        double[][] out = s.transform(VALIDATION);
        for (int i = 0; i < VALIDATION.length; i++) {
            for (int j : new int[] {0, 2}) {
                double expected = (VALIDATION[i][j] - mean(TRAIN, j)) / std(TRAIN, j);
                assertThat(out[i][j]).isCloseTo(expected, offset(EPS));
            }
        }
        // Fitted on its own rows the validation set would be centred; with train statistics it is not.
        assertThat(mean(out, 0)).isGreaterThan(1);
        assertThat(s.means()[0]).isEqualTo(mean(TRAIN, 0));
    }

    @Test
    void constantColumnKeepsScaleOneAndNoNaN() {
        Standardizer s = Standardizer.fit(TRAIN);
        assertThat(s.scales()[1]).isEqualTo(1);
        for (double[] row : s.transform(TRAIN)) {
            assertThat(row[1]).isZero();
        }
        assertThat(s.transform(VALIDATION)[0][1]).isEqualTo(2); // 7 - 5, unscaled
    }

    @Test
    void centerModeOnlySubtractsTheMean() {
        Standardizer s = Standardizer.fit(TRAIN, Standardizer.Mode.CENTER);
        double[][] out = s.transform(TRAIN);
        assertThat(s.scales()).containsOnly(1.0);
        for (int j = 0; j < 3; j++) {
            assertThat(mean(out, j)).isCloseTo(0, offset(EPS));
            assertThat(std(out, j)).isCloseTo(std(TRAIN, j), offset(EPS));
        }
    }

    @Test
    void returnsNewArraysAndLeavesInputAlone() {
        double[][] copy = {TRAIN[0].clone(), TRAIN[1].clone(), TRAIN[2].clone(), TRAIN[3].clone()};
        double[][] out = Standardizer.fit(copy).transform(copy);
        assertThat(out).isNotSameAs(copy);
        assertThat(copy).isDeepEqualTo(TRAIN);
    }

    @Test
    void fittedOnTheTrainingSubsetOfADataset() {
        Dataset digits = BuiltinDatasets.load("digits"); // has constant (always 0) pixel columns
        Split split = Splits.holdout(digits, 0.2, 5);
        Dataset train = digits.subset(split.train());
        Dataset validation = digits.subset(split.validation());
        Standardizer s = Standardizer.fit(train, Standardizer.Mode.STANDARDIZE);

        Dataset scaledTrain = s.transform(train);
        Dataset scaledValidation = s.transform(validation);
        assertThat(scaledValidation.labels()).isEqualTo(validation.labels());
        double[][] x = scaledTrain.features();
        for (int j = 0; j < digits.numFeatures(); j++) {
            assertThat(mean(x, j)).isCloseTo(0, offset(1e-9));
            double sd = std(x, j);
            assertThat(sd == 0 || Math.abs(sd - 1) < 1e-9).as("column %d std %s", j, sd).isTrue();
        }
        for (double[] row : scaledValidation.features()) {
            for (double v : row) {
                assertThat(v).isFinite();
            }
        }
    }

    @Test
    void rejectsWrongWidth() {
        Standardizer s = Standardizer.fit(TRAIN);
        assertThatThrownBy(() -> s.transform(new double[][] {{1, 2}})).isInstanceOf(IllegalArgumentException.class);
    }
}
