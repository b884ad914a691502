package dev.hypersearch.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Network;
import dev.hypersearch.nn.Parameter;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.TestParams;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.Validation;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The estimate against what the engine really allocates: the parameter count exactly (the engine's own
 * {@link Network#parameters()}), and the whole estimate against the bytes the thread allocated to prepare the data
 * and train one epoch (ThreadMXBean), within a factor stated below. Training runs on EJML's GEMM: the Vector API
 * path allocates the same arrays, plus boxed vectors until C2 has compiled its kernels, which is transient garbage
 * whose amount depends on the JIT's timing (a loaded CI machine saw 8 MB more in the first case).
 */
class MemoryEstimateTest {

    /** The estimate may exceed what is allocated (it is a bound) but by at most this factor, and never fall below. */
    static final double FACTOR = 1.5;

    /** Networks of a few megabytes and more; a tiny one's estimate is mostly the fixed per-run allowance. */
    static List<TrialParams> configurations() {
        return List.of(
                TestParams.defaultsWith("hiddenLayers", 2, "hiddenUnits", 512, "batchSize", 256, "epochs", 1),
                TestParams.defaultsWith("hiddenLayers", 4, "hiddenUnits", 256, "batchSize", 64, "epochs", 1,
                        "batchNorm", true, "optimizer", "momentum"),
                TestParams.defaultsWith("hiddenLayers", 1, "hiddenUnits", 1024, "batchSize", 1000, "epochs", 1,
                        "activation", "prelu", "optimizer", "sgd"));
    }

    static List<TrialParams> everyShape() {
        List<TrialParams> all = new java.util.ArrayList<>(configurations());
        all.add(TestParams.defaultsWith("hiddenLayers", 0, "batchSize", 32, "epochs", 1));
        all.add(TestParams.defaultsWith("hiddenLayers", 3, "hiddenUnits", 7, "batchNorm", true, "activation", "prelu"));
        return all;
    }

    @ParameterizedTest
    @MethodSource("everyShape")
    void theParameterCountIsTheEngines(TrialParams p) {
        Dataset digits = BuiltinDatasets.load("digits");
        PreparedData data = DataPreparation.holdout(digits, 0.2, 1);
        Network net = Network.create(TrialConfigs.network(p, data), Gemms.reference(), new SplittableRandom(1));
        long engine = net.parameters().stream().map(Parameter::value).mapToLong(m -> m.getNumElements()).sum();

        MemoryEstimate e = MemoryEstimate.of(p, DatasetShape.of(digits), new Validation.Holdout(0.2));

        assertThat(e.parameters()).isEqualTo(engine);
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void aHoldoutTrialAllocatesWhatWasEstimated(TrialParams p) {
        Dataset digits = BuiltinDatasets.load("digits");
        TrialRunner runner = new TrialRunner(Gemms.reference());
        runner.run(p, DataPreparation.holdout(digits, 0.2, 1), 1, 0, null, null); // warm-up: classes, JIT, scratch

        long before = allocated();
        PreparedData data = DataPreparation.holdout(digits, 0.2, 1);
        long prepared = allocated();
        runner.run(p, data, 1, 0, null, null);
        long trained = allocated();

        MemoryEstimate e = MemoryEstimate.of(p, DatasetShape.of(digits), new Validation.Holdout(0.2));
        assertWithinFactor(e.trainingBytes(), trained - prepared);
        // the estimate also counts the parsed set, which was loaded before
        assertWithinFactor(e.dataBytes() - digitsBytes(digits), prepared - before);
    }

    static long digitsBytes(Dataset d) {
        return (long) Double.BYTES * d.size() * (d.numFeatures() + d.numClasses());
    }

    static void assertWithinFactor(long estimate, long measured) {
        System.out.printf("estimate %,d allocated %,d ratio %.2f%n", estimate, measured, (double) estimate / measured);
        assertThat(estimate).as("estimate vs %d allocated", measured)
                .isGreaterThanOrEqualTo(measured).isLessThanOrEqualTo((long) (FACTOR * measured));
    }

    @Test
    void kFoldTrainsItsNetworksSideBySide() {
        TrialParams p = TestParams.defaultsWith("hiddenLayers", 2, "hiddenUnits", 512, "batchSize", 128, "epochs", 1);
        Dataset digits = BuiltinDatasets.load("digits");
        CrossValidatedRunner runner = new CrossValidatedRunner(Gemms.reference());
        runner.run(p, DataPreparation.kFold(digits, 3, 1), 1, 0, null, null);

        List<PreparedData> folds = DataPreparation.kFold(digits, 3, 1);
        long before = allocated();
        runner.run(p, folds, 1, 0, null, null);
        long measured = allocated() - before;

        MemoryEstimate e = MemoryEstimate.of(p, DatasetShape.of(digits), new Validation.KFold(3));
        assertWithinFactor(e.trainingBytes(), measured);
        assertThat(e.bytes()).isGreaterThan(MemoryEstimate.of(p, DatasetShape.of(digits),
                new Validation.Holdout(0.2)).bytes() * 2);
    }

    @Test
    void theLargestConfigurationTakesEveryMaximumAndNamesWhatDrivesIt() {
        Space space = Space.parse(Map.of("hiddenLayers", Map.of("intRange", Map.of("min", 1, "max", 16)),
                "hiddenUnits", Map.of("choice", List.of(4096, 64)), "batchSize", 64,
                "optimizer", Map.of("choice", List.of("sgd", "adam")), "batchNorm", Map.of("choice", List.of(false, true)),
                "epochs", 10_000));
        DatasetShape shape = new DatasetShape(1797, 64, 10);

        LargestConfiguration largest = LargestConfiguration.of(space, shape, new Validation.Holdout(0.2));

        assertThat(largest.params()).isEqualTo(TestParams.defaultsWith("hiddenLayers", 16, "hiddenUnits", 4096,
                "batchSize", 64, "optimizer", "adam", "batchNorm", true, "epochs", 10_000));
        assertThat(largest.drivers()).containsExactly("hiddenLayers", "hiddenUnits", "batchSize");
        // 15 hidden-to-hidden 4096 x 4096 weight matrices, each with gradient and Adam's two moments
        assertThat(largest.estimate().bytes()).isGreaterThan(15L * 4096 * 4096 * 4 * Double.BYTES);
    }

    @Test
    void aLayersOwnWidthIsSizedAtItsLargestAndNamed() {
        Space space = Space.parse(Map.of("hiddenLayers", 2, "hiddenUnits", 8,
                "units2", Map.of("choice", List.of(16, 2048))));
        DatasetShape shape = new DatasetShape(1797, 64, 10);

        LargestConfiguration largest = LargestConfiguration.of(space, shape, new Validation.Holdout(0.2));

        assertThat(largest.params().hiddenWidths()).containsExactly(8, 2048);
        assertThat(largest.drivers()).contains("units2");
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
