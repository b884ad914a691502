package dev.hypersearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.EjmlGemm;
import dev.hypersearch.nn.Gemm;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.Precision;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.nn.TrainingData;
import dev.hypersearch.nn.TrainingResult;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TrialFlopsTest {

    /** 3 inputs, hidden 4 and 2, 5 outputs. */
    private static final List<Integer> WIDTHS = TrialFlops.widths(3, List.of(4, 2), 5);

    @Test
    void countsByHand() {
        // W = 3*4 + 4*2 + 2*5 = 30. A training row: forward 2*30 = 60, weight gradients 60, input gradients of
        // layers 2 and 3 only: 2*(8 + 10) = 36; 156 in all. An inference row: 60.
        assertThat(TrialFlops.weights(WIDTHS)).isEqualTo(30);
        assertThat(TrialFlops.perTrainingRow(WIDTHS)).isEqualTo(156);
        assertThat(TrialFlops.perInferenceRow(WIDTHS)).isEqualTo(60);
        // 2 epochs of 10 training rows and 3 validation rows: 2 * (10*156 + 3*60)
        assertThat(TrialFlops.engineTrial(WIDTHS, 10, 3, 2)).isEqualTo(3480.0);
        assertThat(TrialFlops.sklearnFit(WIDTHS, 10, 2)).isEqualTo(3120.0);
        // units 4+2+5 = 11 over 2 epochs of 2*10 + 3 row passes; Adam: 41 parameters x 2 epochs x 3 batches of 4
        assertThat(TrialFlops.elementwise(WIDTHS, 10, 3, 2, 4)).isEqualTo(2 * 11 * 23 + 6 * 41);
    }

    @Test
    void boundIsTheReferenceTimeOverTheTimeAtThePeak() {
        // 10 GFLOP at 40 GFLOPS take 0.25 s; a 1 s reference: 4x at 100%, 2.8x at 70%
        assertThat(TrialFlops.bound(1.0, 10e9, 40, 1.0)).isEqualTo(4.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(TrialFlops.bound(1.0, 10e9, 40, 0.7)).isEqualTo(2.8, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(TrialFlops.gflops(10e9, 0.5)).isEqualTo(20.0);
    }

    @Test
    void matchesTheProductsTheTrainerMultiplies() {
        long[] flops = {0};
        EjmlGemm ejml = new EjmlGemm();
        Gemm counting = new Gemm() {
            @Override
            public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
                flops[0] += 2L * c.numRows * c.numCols * a.numCols;
                ejml.mult(a, b, c);
            }

            @Override
            public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
                flops[0] += 2L * c.numRows * c.numCols * a.numRows;
                ejml.multTransA(a, b, c);
            }

            @Override
            public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
                flops[0] += 2L * c.numRows * c.numCols * a.numCols;
                ejml.multTransB(a, b, c);
            }

            @Override
            public String name() {
                return "counting";
            }
        };
        for (boolean batchNorm : new boolean[] {false, true}) {
            flops[0] = 0;
            NetworkConfig net = new NetworkConfig(3, List.of(4, 2), 5, Activation.TANH,
                    NetworkConfig.DEFAULT_LEAKY_SLOPE, NetworkConfig.DEFAULT_ELU_ALPHA, Initializer.XAVIER, batchNorm,
                    Loss.SOFTMAX_CROSS_ENTROPY);
            // 10 rows in batches of 4: the last batch is smaller, which must not change the count
            TrainingConfig training = new TrainingConfig(2, 4, OptimizerConfig.adam(1e-3), 0.0, 1L, 0,
                    Precision.FLOAT64);
            TrainingResult r = new Trainer(counting).train(net, training, data(10, 1), data(3, 2), null, null);
            assertThat(r.curve()).hasSize(2);
            assertThat((double) flops[0]).as("batch norm " + batchNorm).isEqualTo(3480.0);
        }
    }

    private static TrainingData data(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj x = new DMatrixRMaj(rows, 3);
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 3; j++) {
                x.set(i, j, rng.nextGaussian());
            }
            labels[i] = i % 5;
        }
        return TrainingData.classification(x, labels, 5);
    }
}
