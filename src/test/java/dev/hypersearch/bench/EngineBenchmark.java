package dev.hypersearch.bench;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.EjmlGemm;
import dev.hypersearch.nn.Gemm;
import dev.hypersearch.nn.GemmSource;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.Precision;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.nn.TrainingResult;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Trains the reference net (digits, 64-128-64-10, relu, he, adam 1e-3, batch 64, 30 epochs, stratified 20%
 * validation, seed 0) on one thread with plain EJML and with the fast GEMM at each training precision (float64, and
 * float32: mixed precision), and prints each with its speed-up over EJML and float32's over float64.
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec}. Arguments, in any order: another hidden activation
 * ({@code tanh}: the fast path also computes tanh, sigmoid and ELU with the Vector API), one precision only
 * ({@code float32} or {@code float64}), other hidden layers ({@code 3x256}): {@code -Dbench.args="3x256 float32"}.
 */
public final class EngineBenchmark {

    static final List<Integer> HIDDEN = List.of(128, 64);
    static final int EPOCHS = 30;
    static final int BATCH = 64;
    static final int REPEATS = 3;

    public static void main(String[] args) {
        Activation activation = Activation.RELU;
        List<Precision> precisions = List.of(Precision.FLOAT64, Precision.FLOAT32);
        List<Integer> hidden = HIDDEN;
        for (String arg : args) {
            if (arg.matches("\\d+x\\d+")) {
                String[] lw = arg.split("x");
                hidden = Collections.nCopies(Integer.parseInt(lw[0]), Integer.parseInt(lw[1]));
            } else if (arg.startsWith("float")) {
                precisions = List.of(Precision.valueOf(arg.toUpperCase(Locale.ROOT)));
            } else {
                activation = Activation.parse(arg);
            }
        }
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("digits"), 0.2, 0);
        Gemm plain = new EjmlGemm();
        System.out.printf("Net on digits: %d train / %d validation rows, %s %s, batch %d, %d epochs, best of %d;"
                + " load average %.2f%n", data.train().size(), data.validation().size(), shape(data, hidden),
                activation, BATCH, EPOCHS, REPEATS,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Result baseline = best(plain, Precision.FLOAT64, data, hidden, activation);
        print("baseline " + plain.name() + " float64", baseline);
        List<Result> fast = new ArrayList<>();
        for (Precision p : precisions) {
            Result r = best(Gemms.byPrecision(), p, data, hidden, activation);
            fast.add(r);
            print("fast     " + Gemms.fastest(p).name() + " " + p.name().toLowerCase(Locale.ROOT), r);
            System.out.printf("speed-up fast %s/baseline: %.2fx (samples/s)%n", p.name().toLowerCase(Locale.ROOT),
                    r.samplesPerSecond / baseline.samplesPerSecond);
        }
        if (fast.size() == 2) {
            System.out.printf("speed-up float32/float64: %.2fx (samples/s); validation loss %+.2e, accuracy %+.4f%n",
                    fast.get(1).samplesPerSecond / fast.get(0).samplesPerSecond,
                    fast.get(1).valLoss - fast.get(0).valLoss, fast.get(1).valAccuracy - fast.get(0).valAccuracy);
        }
    }

    static String shape(PreparedData data, List<Integer> hidden) {
        StringBuilder s = new StringBuilder().append(data.numFeatures());
        hidden.forEach(h -> s.append('-').append(h));
        return s.append('-').append(data.numClasses()).toString();
    }

    record Result(double seconds, double samplesPerSecond, double msPerEpoch, double gflops, double valAccuracy,
                  double valLoss) {
    }

    static Result best(GemmSource gemms, Precision precision, PreparedData data, List<Integer> hidden,
                       Activation activation) {
        Result best = null;
        for (int i = 0; i < REPEATS + 1; i++) { // the first run warms the JIT up and is not counted
            Result r = run(gemms, precision, data, hidden, activation);
            if (i > 0 && (best == null || r.seconds < best.seconds)) {
                best = r;
            }
        }
        return best;
    }

    static Result run(GemmSource gemms, Precision precision, PreparedData data, List<Integer> hidden,
                      Activation activation) {
        NetworkConfig net = new NetworkConfig(data.numFeatures(), hidden, data.numClasses(), activation,
                NetworkConfig.DEFAULT_LEAKY_SLOPE, NetworkConfig.DEFAULT_ELU_ALPHA, Initializer.HE, false,
                Loss.SOFTMAX_CROSS_ENTROPY);
        TrainingConfig training = new TrainingConfig(EPOCHS, BATCH, OptimizerConfig.adam(1e-3), 0.0, 0L, 0,
                precision);
        long start = System.nanoTime();
        TrainingResult r = new Trainer(gemms).train(net, training, data.train(), data.validation(), m -> true, () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long samples = (long) data.train().size() * EPOCHS;
        var last = r.curve().get(r.curve().size() - 1);
        return new Result(seconds, samples / seconds, seconds * 1000 / EPOCHS,
                flopsPerSample(data, hidden) * samples / seconds / 1e9, last.validationAccuracy(), last.validationLoss());
    }

    /** Multiply-adds of the three GEMMs per example: forward, dW, and dA for every layer but the first; x2 flops. */
    static double flopsPerSample(PreparedData data, List<Integer> hidden) {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = data.numFeatures();
        for (int l = 0; l < hidden.size(); l++) {
            sizes[l + 1] = hidden.get(l);
        }
        sizes[sizes.length - 1] = data.numClasses();
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
