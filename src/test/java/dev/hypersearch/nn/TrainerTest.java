package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private final Trainer trainer = new Trainer(new EjmlGemm());

    private static TrainingData random3Class(int rows, long seed) {
        return TrainingData.classification(Fixtures.gaussian(rows, 5, 1.0, seed), Fixtures.labels(rows, 3, seed + 1),
                3);
    }

    private static NetworkConfig small3Class(Activation f, Initializer init, boolean bn) {
        return Fixtures.net(5, List.of(16), 3, f, init, bn, Loss.SOFTMAX_CROSS_ENTROPY);
    }

    private static TrainingConfig adam(int epochs, int batch, long seed) {
        return new TrainingConfig(epochs, batch, OptimizerConfig.adam(0.01), 0.0, seed, 0);
    }

    @Test
    void overfitsTwentyRandomExamples() {
        TrainingData data = random3Class(20, 11);
        NetworkConfig config = Fixtures.net(5, List.of(32, 32), 3, Activation.TANH, Initializer.XAVIER, false,
                Loss.SOFTMAX_CROSS_ENTROPY);
        TrainingResult r = trainer.train(config, adam(400, 10, 1), data, data, null, null);
        assertThat(r.outcome()).isEqualTo(TrainingResult.Outcome.COMPLETED);
        assertThat(r.curve()).hasSize(400);
        assertThat(r.curve().get(399).trainLoss()).isLessThan(0.01);
        assertThat(r.network().evaluate(data).loss()).isLessThan(0.01);
        assertThat(r.network().evaluate(data).accuracy()).isEqualTo(1.0);
    }

    /** The run multiplies on its config's precision's GEMM, and on nothing else. */
    @Test
    void trainsOnTheGemmOfTheConfiguredPrecision() {
        TrainingData data = random3Class(40, 13);
        java.util.Map<Precision, int[]> calls = new java.util.EnumMap<>(Precision.class);
        GemmSource counting = precision -> {
            int[] n = calls.computeIfAbsent(precision, p -> new int[1]);
            EjmlGemm ejml = new EjmlGemm();
            return new Gemm() {
                @Override
                public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
                    n[0]++;
                    ejml.mult(a, b, c);
                }

                @Override
                public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
                    n[0]++;
                    ejml.multTransA(a, b, c);
                }

                @Override
                public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
                    n[0]++;
                    ejml.multTransB(a, b, c);
                }

                @Override
                public String name() {
                    return "counting";
                }
            };
        };
        TrainingConfig f32 = new TrainingConfig(2, 8, OptimizerConfig.adam(0.01), 0.0, 1, 0, Precision.FLOAT32);
        new Trainer(counting).train(small3Class(Activation.RELU, Initializer.HE, false), f32, data, data, null, null);
        assertThat(calls.keySet()).containsExactly(Precision.FLOAT32);
        assertThat(calls.get(Precision.FLOAT32)[0]).isPositive();
        assertThat(adam(1, 8, 1).precision()).as("the default").isEqualTo(Precision.FLOAT64);
    }

    @Test
    void zeroInitKeepsHiddenUnitsIdentical() {
        TrainingData data = random3Class(30, 12);
        TrainingResult r = trainer.train(small3Class(Activation.SIGMOID, Initializer.ZEROS, false),
                new TrainingConfig(20, 8, OptimizerConfig.sgd(0.5), 0.0, 3, 0), data, data, null, null);
        DMatrixRMaj w0 = r.network().parameters().get(0).value();
        double spread = 0;
        double magnitude = 0;
        for (int i = 0; i < w0.numRows; i++) {
            for (int j = 1; j < w0.numCols; j++) {
                spread = Math.max(spread, Math.abs(w0.get(i, j) - w0.get(i, 0)));
            }
            magnitude = Math.max(magnitude, Math.abs(w0.get(i, 0)));
        }
        assertThat(magnitude).as("hidden weights did train").isGreaterThan(1e-6);
        assertThat(spread).as("largest difference between columns of W").isLessThan(1e-12);
    }

    @Test
    void learnsXorOnlyWithAHiddenLayer() {
        TrainingData xor = Fixtures.xor();
        TrainingConfig training = new TrainingConfig(500, 4, OptimizerConfig.adam(0.05), 0.0, 7, 0);
        NetworkConfig hidden = Fixtures.net(2, List.of(8), 1, Activation.TANH, Initializer.XAVIER, false,
                Loss.SIGMOID_BINARY_CROSS_ENTROPY);
        TrainingResult withHidden = trainer.train(hidden, training, xor, xor, null, null);
        assertThat(withHidden.network().evaluate(xor).accuracy()).isEqualTo(1.0);

        NetworkConfig linear = Fixtures.net(2, List.of(), 1, Activation.TANH, Initializer.XAVIER, false,
                Loss.SIGMOID_BINARY_CROSS_ENTROPY);
        TrainingResult withoutHidden = trainer.train(linear, training, xor, xor, null, null);
        assertThat(withoutHidden.curve()).allSatisfy(m -> assertThat(m.validationAccuracy()).isLessThanOrEqualTo(0.75));
    }

    @Test
    void sameSeedGivesBitIdenticalCurveAndOtherSeedDiffers() {
        TrainingData train = random3Class(50, 13);
        TrainingData val = random3Class(20, 14);
        NetworkConfig config = small3Class(Activation.RELU, Initializer.HE, true);
        TrainingResult a = trainer.train(config, adam(5, 8, 42), train, val, null, null);
        TrainingResult b = trainer.train(config, adam(5, 8, 42), train, val, null, null);
        TrainingResult c = trainer.train(config, adam(5, 8, 43), train, val, null, null);
        assertThat(losses(a)).isEqualTo(losses(b));
        assertThat(losses(a)).isNotEqualTo(losses(c));
    }

    private static List<List<Long>> losses(TrainingResult r) {
        return r.curve().stream().map(m -> List.of((long) m.epoch(), Double.doubleToRawLongBits(m.trainLoss()),
                Double.doubleToRawLongBits(m.validationLoss()),
                Double.doubleToRawLongBits(m.validationAccuracy()))).toList();
    }

    @Test
    void hugeLearningRateDivergesWithFiniteCurveAndMessage() {
        DMatrixRMaj x = Fixtures.gaussian(64, 4, 1000.0, 15);
        DMatrixRMaj y = Fixtures.gaussian(64, 1, 1e4, 16);
        TrainingData data = TrainingData.regression(x, y);
        NetworkConfig config = Fixtures.net(4, List.of(16), 1, Activation.RELU, Initializer.HE, false, Loss.MSE);
        TrainingResult r = trainer.train(config, new TrainingConfig(50, 16, OptimizerConfig.sgd(1e6), 0.0, 1, 0),
                data, data, null, null);
        assertThat(r.outcome()).isEqualTo(TrainingResult.Outcome.DIVERGED);
        assertThat(r.message()).contains("diverged").contains("epoch");
        assertThat(r.curve()).hasSizeLessThan(50).allSatisfy(m -> {
            assertThat(m.trainLoss()).isFinite();
            assertThat(m.validationLoss()).isFinite();
        });
    }

    @Test
    void cancellationBetweenBatches() {
        TrainingData data = random3Class(40, 17); // batch 4 => 10 batches per epoch
        int[] calls = {0};
        BooleanSupplier afterTwentyFiveBatches = () -> ++calls[0] > 25;
        TrainingResult r = trainer.train(small3Class(Activation.RELU, Initializer.HE, false), adam(10, 4, 1), data,
                data, null, afterTwentyFiveBatches);
        assertThat(r.outcome()).isEqualTo(TrainingResult.Outcome.CANCELLED);
        assertThat(calls[0]).isEqualTo(26);
        assertThat(r.curve()).hasSize(2);
        assertThat(r.message()).contains("epoch 3");
    }

    @Test
    void earlyStoppingWhenValidationLossStopsImproving() {
        // validation labels are the training labels flipped: fitting train worsens validation
        DMatrixRMaj x = Fixtures.gaussian(60, 2, 1.0, 18);
        int[] labels = new int[60];
        int[] flipped = new int[60];
        for (int i = 0; i < 60; i++) {
            labels[i] = x.get(i, 0) > 0 ? 1 : 0;
            flipped[i] = 1 - labels[i];
        }
        TrainingData train = TrainingData.classification(x, labels, 2);
        TrainingData val = TrainingData.classification(x, flipped, 2);
        NetworkConfig config = Fixtures.net(2, List.of(8), 1, Activation.TANH, Initializer.XAVIER, false,
                Loss.SIGMOID_BINARY_CROSS_ENTROPY);
        TrainingResult r = trainer.train(config, new TrainingConfig(200, 16, OptimizerConfig.adam(0.01), 0.0, 1, 3),
                train, val, null, null);
        assertThat(r.outcome()).isEqualTo(TrainingResult.Outcome.EARLY_STOPPED);
        assertThat(r.curve().size()).isLessThan(200).isEqualTo(r.bestEpoch() + 3);
        double min = r.curve().stream().mapToDouble(EpochMetrics::validationLoss).min().orElseThrow();
        assertThat(r.bestValidationLoss()).isEqualTo(min);
        assertThat(r.curve().get(r.bestEpoch() - 1).validationLoss()).isEqualTo(min);
    }

    @Test
    void listenerSeesEveryEpochAndCanStopTraining() {
        TrainingData data = random3Class(30, 19);
        int[] seen = {0};
        TrainingResult r = trainer.train(small3Class(Activation.ELU, Initializer.HE, false), adam(10, 8, 1), data,
                data, m -> {
                    assertThat(m.epoch()).isEqualTo(++seen[0]);
                    assertThat(m.elapsedNanos()).isPositive();
                    return m.epoch() < 3;
                }, null);
        assertThat(r.outcome()).isEqualTo(TrainingResult.Outcome.STOPPED);
        assertThat(r.curve()).hasSize(3);
    }

    @Test
    void listenerExceptionPropagates() {
        TrainingData data = random3Class(30, 19);
        assertThatThrownBy(() -> trainer.train(small3Class(Activation.RELU, Initializer.HE, false), adam(10, 8, 1),
                data, data, m -> {
                    throw new IllegalStateException("boom");
                }, null)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void regressionReportsNaNAccuracyAndLearns() {
        DMatrixRMaj x = Fixtures.gaussian(100, 3, 1.0, 20);
        DMatrixRMaj y = new DMatrixRMaj(100, 1);
        for (int i = 0; i < 100; i++) {
            y.data[i] = 2 * x.get(i, 0) - x.get(i, 1) + 0.5;
        }
        TrainingData data = TrainingData.regression(x, y);
        NetworkConfig config = Fixtures.net(3, List.of(16), 1, Activation.LEAKY_RELU, Initializer.HE, false,
                Loss.MSE);
        TrainingResult r = trainer.train(config, new TrainingConfig(100, 16, OptimizerConfig.momentum(0.01), 1e-4, 1,
                0), data, data, null, null);
        assertThat(r.outcome()).isEqualTo(TrainingResult.Outcome.COMPLETED);
        assertThat(r.curve()).allSatisfy(m -> assertThat(m.validationAccuracy()).isNaN());
        assertThat(r.bestValidationLoss()).isLessThan(0.05 * r.curve().get(0).validationLoss());
    }

    @Test
    void batchNormInferenceUsesRunningStatistics() {
        TrainingData data = random3Class(64, 21);
        TrainingResult r = trainer.train(small3Class(Activation.RELU, Initializer.HE, true), adam(5, 8, 1), data,
                data, null, null);
        Network net = r.network();
        assertThat(net.layers[0].batchNorm.runningMean).as("running mean moved").isNotEqualTo(new double[16]);
        DMatrixRMaj x = data.features();
        DMatrixRMaj all = net.predict(x);
        for (int i = 0; i < 5; i++) {
            DMatrixRMaj row = new DMatrixRMaj(1, x.numCols);
            System.arraycopy(x.data, i * x.numCols, row.data, 0, x.numCols);
            DMatrixRMaj alone = net.predict(row);
            for (int j = 0; j < 3; j++) {
                assertThat(alone.get(0, j)).isCloseTo(all.get(i, j), org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        // whereas training mode normalizes by the batch: the same row gives another output
        double inBatch = net.forward(x, null, true);
        assertThat(inBatch).isNaN();
        double trainingModeRow0 = net.lastOutput().get(0, 0);
        assertThat(Math.abs(trainingModeRow0 - all.get(0, 0))).isGreaterThan(1e-9);
    }

    @Test
    void rejectsDataOfTheWrongShape() {
        TrainingData data = random3Class(10, 22);
        NetworkConfig wrongInput = Fixtures.net(4, List.of(8), 3, Activation.RELU, Initializer.HE, false,
                Loss.SOFTMAX_CROSS_ENTROPY);
        assertThatThrownBy(() -> trainer.train(wrongInput, adam(1, 4, 1), data, data, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputSize");
    }

    @Test
    void lastPartialBatchAndSingleBatchLargerThanData() {
        TrainingData data = random3Class(10, 23);
        TrainingResult r = trainer.train(small3Class(Activation.PRELU, Initializer.HE, true), adam(3, 64, 1), data,
                data, null, null);
        assertThat(r.outcome()).isEqualTo(TrainingResult.Outcome.COMPLETED);
        TrainingResult partial = trainer.train(small3Class(Activation.PRELU, Initializer.HE, true), adam(3, 3, 1),
                data, data, null, null);
        assertThat(partial.curve()).hasSize(3).allSatisfy(m -> assertThat(m.trainLoss()).isFinite());
    }

    @Test
    void networkCreatedWithSameRngIsIdentical() {
        NetworkConfig config = small3Class(Activation.RELU, Initializer.HE, false);
        Network a = Network.create(config, new EjmlGemm(), new SplittableRandom(3));
        Network b = Network.create(config, new EjmlGemm(), new SplittableRandom(3));
        assertThat(a.parameters().get(0).value().data).isEqualTo(b.parameters().get(0).value().data);
    }
}
