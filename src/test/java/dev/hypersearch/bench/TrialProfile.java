package dev.hypersearch.bench;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.Gemm;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Precision;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import java.util.Locale;

/**
 * One configuration of {@link SklearnComparisonBenchmark} trained again and again on one thread, for a profiler:
 * warms up for a few trials, then trains for the given seconds of thread CPU and prints each trial's time and its
 * share of the FMA peak. Arguments: layers x units, activation, {@code bn}, precision, {@code seconds=N}:
 * {@code -Dbench.args="1x128 tanh float32 seconds=20"}; with JFR:
 * {@code "-Dengine.jvm.flags=--add-modules jdk.incubator.vector -XX:StartFlightRecording=filename=t.jfr,settings=profile"}.
 */
public final class TrialProfile {

    private TrialProfile() {
    }

    public static void main(String[] args) {
        int layers = 1;
        int units = 128;
        Activation activation = Activation.RELU;
        boolean batchNorm = false;
        Precision precision = Precision.FLOAT32;
        double seconds = 20;
        for (String arg : args) {
            if (arg.matches("\\d+x\\d+")) {
                layers = Integer.parseInt(arg.split("x")[0]);
                units = Integer.parseInt(arg.split("x")[1]);
            } else if (arg.startsWith("float")) {
                precision = Precision.valueOf(arg.toUpperCase(Locale.ROOT));
            } else if (arg.equals("bn")) {
                batchNorm = true;
            } else if (arg.startsWith("seconds=")) {
                seconds = Double.parseDouble(arg.substring("seconds=".length()));
            } else {
                activation = Activation.parse(arg);
            }
        }
        SklearnComparisonBenchmark.Config c = new SklearnComparisonBenchmark.Config(activation, batchNorm, layers,
                units);
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("digits"), 0.2, 0);
        Gemm gemm = Gemms.fastest(precision);
        for (int i = 0; i < 5; i++) {
            SklearnComparisonBenchmark.train(gemm, precision, data, c);
        }
        double peak = precision == Precision.FLOAT32 ? FmaPeak.f32Gflops() : FmaPeak.f64Gflops();
        double flops = TrialFlops.engineTrial(TrialFlops.widths(data.numFeatures(),
                java.util.Collections.nCopies(layers, units), data.numClasses()), data.train().size(),
                data.validation().size(), SklearnComparisonBenchmark.EPOCHS);
        long start = ThreadCpuClock.nanos();
        int trials = 0;
        double best = Double.MAX_VALUE;
        while (ThreadCpuClock.nanos() - start < seconds * 1e9) {
            best = Math.min(best, SklearnComparisonBenchmark.train(gemm, precision, data, c).cpuSeconds());
            trials++;
        }
        double mean = (ThreadCpuClock.nanos() - start) / 1e9 / trials;
        System.out.printf(Locale.ROOT, "%s %s: %d trials, CPU per trial mean %.4f s, best %.4f s; %.2f GFLOP a trial,"
                        + " %.1f GFLOPS at the best (%.0f%% of the %.1f GFLOPS peak); load average %.2f%n", c.label(),
                precision, trials, mean, best, flops / 1e9, flops / best / 1e9, 100 * flops / best / 1e9 / peak, peak,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
