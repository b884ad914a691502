package dev.hypersearch.search.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hypersearch.search.Distribution;
import dev.hypersearch.search.TestParams;
import dev.hypersearch.search.TpeSettings;
import dev.hypersearch.search.TrialStatus;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EstimatorsTest {

    @Test
    void categoricalWeightsAreOptunasWeightedCountsWithThePrior() {
        // 4 observations (weights 1/5 each, the prior 1/5); each kernel: 1 on its category + 1/5 on each of 3,
        // normalised by 1.6; the prior kernel is uniform.
        CategoricalEstimator e = CategoricalEstimator.of(new int[] {0, 0, 0, 1}, 3);
        double everywhere = 4 * 0.2 * 0.2 / 1.6 + 0.2 / 3;
        assertThat(e.probability(0)).isCloseTo(3 * 0.2 / 1.6 + everywhere, within(1e-12));
        assertThat(e.probability(1)).isCloseTo(0.2 / 1.6 + everywhere, within(1e-12));
        assertThat(e.probability(2)).isCloseTo(everywhere, within(1e-12));
        assertThat(CategoricalEstimator.of(new int[0], 4).probability(3)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void olderObservationsRampDownPast25() {
        double[] w = Kernels.weights(30); // ramp of 5 from 1/30 to 1, then 25 at 1, then the prior at 1
        double sum = 1.0 / 30 + (1.0 / 30 + (1 - 1.0 / 30) / 4) + (1.0 / 30 + 2 * (1 - 1.0 / 30) / 4)
                + (1.0 / 30 + 3 * (1 - 1.0 / 30) / 4) + 1 + 25 + 1;
        assertThat(w[0]).isCloseTo((1.0 / 30) / sum, within(1e-12));
        assertThat(w[4]).isCloseTo(1 / sum, within(1e-12));
        assertThat(w[30]).isCloseTo(1 / sum, within(1e-12));
        assertThat(Kernels.weights(3)).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void aLogRangeIsModelledInLogSpace() {
        // Good trials at 1e-3 in [1e-5, 1e-1]: in log space their kernels are symmetric around 1e-3, so about as
        // many draws fall a decade below as a decade above; on a linear scale almost none would fall below.
        ParameterModel.Numeric log = (ParameterModel.Numeric) ParameterModel.of(new Distribution.FloatRange(1e-5, 1e-1, true));
        NumericEstimator l = NumericEstimator.of(new double[] {Math.log(1e-3), Math.log(1e-3), Math.log(1e-3)},
                Math.log(1e-5), Math.log(1e-1), 0);
        SplittableRandom rng = new SplittableRandom(3);
        int below = 0;
        int above = 0;
        for (int i = 0; i < 4000; i++) {
            double x = Math.exp(l.sample(rng));
            below += x >= 1e-4 && x < 1e-3 ? 1 : 0;
            above += x >= 1e-3 && x < 1e-2 ? 1 : 0;
        }
        assertThat((double) below / above).isBetween(0.8, 1.25);
        assertThat(log).isNotNull();
        // and the sampler's own candidates come out in range, on the space's scale
        for (int i = 0; i < 200; i++) {
            Object v = log.choose(List.of(1e-3, 2e-3), List.of(5e-2, 1e-5, 7e-2), 24, rng);
            assertThat((Double) v).isBetween(1e-5, 1e-1);
        }
    }

    @Test
    void integerRangesSampleOnTheirGridAndTheDensityOfAGridValueIsAProbability() {
        NumericEstimator e = NumericEstimator.of(new double[] {4, 6, 6}, 2 - 1, 10 + 1, 2); // {2, 4, ..., 10}
        double total = 0;
        for (int v = 2; v <= 10; v += 2) {
            total += Math.exp(e.logPdf(v));
        }
        assertThat(total).isCloseTo(1.0, within(1e-9));
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            double x = e.sample(rng);
            assertThat(x).isBetween(2.0, 10.0);
            assertThat(x % 2).isZero();
        }
    }

    @Test
    void aContinuousDensityIntegratesToOne() {
        NumericEstimator e = NumericEstimator.of(new double[] {0.1, 0.15, 0.8}, 0, 1, 0);
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(e.logPdf((i + 0.5) / n)) / n;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void prunedTrialsRankAfterCompletedOnesByTheEpochTheyReachedAndFailedOnesAreNeverGood() {
        List<ObservedTrial> trials = List.of(
                trial(1, TrialStatus.COMPLETED, 0.5, 20),
                trial(2, TrialStatus.PRUNED, 0.1, 3),   // best loss, but stopped early
                trial(3, TrialStatus.PRUNED, 0.9, 9),   // reached a later epoch: ranks before trial 2
                trial(4, TrialStatus.COMPLETED, 0.7, 20),
                trial(5, TrialStatus.DIVERGED, Double.NaN, 4),
                trial(6, TrialStatus.FAILED, Double.NaN, 0),
                trial(7, TrialStatus.RUNNING, Double.NaN, 0),
                trial(8, TrialStatus.COMPLETED, 0.6, 20));
        // 5 ranked trials (3 completed, 2 pruned): gamma 0.75 -> ceil(3.75) = 4 good
        Split split = Split.of(trials, new TpeSettings(1, 24, 0.75));
        assertThat(split.good()).extracting(ObservedTrial::number).containsExactly(1, 3, 4, 8);
        assertThat(split.rest()).extracting(ObservedTrial::number).containsExactly(2, 5, 6, 7);
        Split all = Split.of(trials, new TpeSettings(1, 24, 0.99));
        assertThat(all.good()).extracting(ObservedTrial::number).containsExactly(1, 2, 3, 4, 8);
    }

    private static ObservedTrial trial(int number, TrialStatus status, double value, int epochs) {
        return new ObservedTrial(number, number, TestParams.defaultsWith(), status, value, epochs);
    }
}
