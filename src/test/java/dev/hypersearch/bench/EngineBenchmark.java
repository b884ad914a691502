package dev.hypersearch.bench;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.EjmlGemm;
import dev.hypersearch.nn.Gemm;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.nn.TrainingResult;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import java.util.List;

/**
 * Trains the reference net (digits, 64-128-64-10, relu, he, adam 1e-3, batch 64, 30 epochs, stratified 20%
 * validation, seed 0) on one thread with the fast GEMM and with plain EJML, and prints both and their ratio.
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec}; another hidden activation:
 * {@code -Dbench.args=tanh} (the fast path also computes tanh, sigmoid and ELU with the Vector API).
 */
public final class EngineBenchmark {

    static final List<Integer> HIDDEN = List.of(128, 64);
    static final int EPOCHS = 30;
    static final int BATCH = 64;
    static final int REPEATS = 3;

    public static void main(String[] args) {
        Activation activation = args.length > 0 ? Activation.parse(args[0]) : Activation.RELU;
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("digits"), 0.2, 0);
        Gemm fast = Gemms.fastest();
        Gemm plain = new EjmlGemm();
        System.out.printf("Reference net on digits: %d train / %d validation rows, %s %s, batch %d, %d epochs, best of %d%n",
                data.train().size(), data.validation().size(), shape(data), activation, BATCH, EPOCHS, REPEATS);
        Result baseline = best(plain, data, activation);
        Result result = best(fast, data, activation);
        print("baseline " + plain.name(), baseline);
        print("fast     " + fast.name(), result);
        System.out.printf("speed-up fast/baseline: %.2fx (samples/s)%n", result.samplesPerSecond / baseline.samplesPerSecond);
    }

    static String shape(PreparedData data) {
        return data.numFeatures() + "-" + HIDDEN.get(0) + "-" + HIDDEN.get(1) + "-" + data.numClasses();
    }

    record Result(double seconds, double samplesPerSecond, double msPerEpoch, double gflops, double valAccuracy,
                  double valLoss) {
    }

    static Result best(Gemm gemm, PreparedData data, Activation activation) {
        Result best = null;
        for (int i = 0; i < REPEATS + 1; i++) { // the first run warms the JIT up and is not counted
            Result r = run(gemm, data, activation);
            if (i > 0 && (best == null || r.seconds < best.seconds)) {
                best = r;
            }
        }
        return best;
    }

    static Result run(Gemm gemm, PreparedData data, Activation activation) {
        NetworkConfig net = new NetworkConfig(data.numFeatures(), HIDDEN, data.numClasses(), activation,
                NetworkConfig.DEFAULT_LEAKY_SLOPE, NetworkConfig.DEFAULT_ELU_ALPHA, Initializer.HE, false,
                Loss.SOFTMAX_CROSS_ENTROPY);
        TrainingConfig training = new TrainingConfig(EPOCHS, BATCH, OptimizerConfig.adam(1e-3), 0.0, 0L, 0);
        long start = System.nanoTime();
        TrainingResult r = new Trainer(gemm).train(net, training, data.train(), data.validation(), m -> true, () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long samples = (long) data.train().size() * EPOCHS;
        var last = r.curve().get(r.curve().size() - 1);
        return new Result(seconds, samples / seconds, seconds * 1000 / EPOCHS,
                flopsPerSample(data) * samples / seconds / 1e9, last.validationAccuracy(), last.validationLoss());
    }

    /** Multiply-adds of the three GEMMs per example: forward, dW, and dA for every layer but the first; x2 flops. */
    static double flopsPerSample(PreparedData data) {
        int[] sizes = {data.numFeatures(), HIDDEN.get(0), HIDDEN.get(1), data.numClasses()};
        double macs = 0;
        for (int l = 0; l < sizes.length - 1; l++) {
            double layer = (double) sizes[l] * sizes[l + 1];
            macs += layer * (l == 0 ? 2 : 3);
        }
        return 2 * macs;
    }

    static void print(String label, Result r) {
        System.out.printf("%s: %,10.0f samples/s  %7.2f ms/epoch  %6.2f GFLOPS  val acc %.4f  val loss %.4f%n",
                label, r.samplesPerSecond, r.msPerEpoch, r.gflops, r.valAccuracy, r.valLoss);
    }
}
