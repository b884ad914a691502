package dev.hypersearch.bench;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.Gemm;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.KernelWarmup;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The first trial of a fresh JVM against the steady state, with and without the start-up kernel warm-up
 * ({@link KernelWarmup}, what the worker processes run before their first claim). Each run is a new JVM with
 * this JVM's flags and class path; it optionally warms up, then trains the reference net on digits
 * (64-128-64-10 relu, adam 1e-3, batch 64, 20 epochs) {@value #TRIALS} times and prints each trial's time.
 * Reported per run: the warm-up's rounds and time, the first trial, the median of the others and their ratio.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.WarmupBenchmark}
 * ({@code -Dbench.args=N} for N runs of each kind, default 3).
 */
public final class WarmupBenchmark {

    static final int TRIALS = 8;
    static final long WARMUP_BUDGET_MILLIS = 5_000;

    private WarmupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("probe")) {
            probe(Boolean.parseBoolean(args[1]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf(Locale.ROOT, "first trial of a fresh JVM vs the median of the next %d, reference net on "
                + "digits (64-128-64-10 relu, batch 64, 20 epochs); load average %.2f%n", TRIALS - 1, load());
        System.out.printf(Locale.ROOT, "%-8s %6s %9s %9s %9s %7s%n", "warm-up", "rounds", "warmup ms", "first ms",
                "steady ms", "ratio");
        for (int r = 0; r < runs; r++) {
            // alternate, so that a change in the machine's load touches both kinds alike
            for (boolean warm : new boolean[] {false, true}) {
                double[] t = runFresh(warm);
                double[] steady = Arrays.copyOfRange(t, 3, t.length);
                Arrays.sort(steady);
                double median = steady[steady.length / 2];
                System.out.printf(Locale.ROOT, "%-8s %6.0f %9.0f %9.1f %9.1f %6.2fx%n", warm ? "on" : "off", t[0],
                        t[1], t[2], median, t[2] / median);
            }
        }
        System.out.printf(Locale.ROOT, "load average after: %.2f%n", load());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Warm-up rounds, warm-up ms, then each trial's ms, as printed by a fresh probe JVM. */
    private static double[] runFresh(boolean warm) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WarmupBenchmark.class.getName(), "probe",
                Boolean.toString(warm)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Double> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("ms ")) {
                    out.add(Double.parseDouble(line.substring(3)));
                } else if (line.startsWith("rounds ")) {
                    out.add(0, Double.parseDouble(line.substring(7)));
                }
            }
        }
        if (p.waitFor() != 0 || out.size() != TRIALS + 2) {
            throw new IllegalStateException("probe failed: exit " + p.exitValue() + ", " + out.size() + " figures");
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** In the fresh JVM: the data set is loaded first (as a worker's data cache does), then warm-up, then trials. */
    private static void probe(boolean warm) {
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("digits"), 0.2, 0);
        Gemm gemm = Gemms.fastest();
        long w = System.nanoTime();
        int rounds = 0;
        if (warm) {
            rounds = new KernelWarmup(gemm).run(WARMUP_BUDGET_MILLIS * 1_000_000, () -> false).rounds();
        }
        System.out.println("rounds " + rounds);
        System.out.println("ms " + (System.nanoTime() - w) / 1e6);
        NetworkConfig net = new NetworkConfig(data.numFeatures(), List.of(128, 64), data.numClasses(),
                Activation.RELU, NetworkConfig.DEFAULT_LEAKY_SLOPE, NetworkConfig.DEFAULT_ELU_ALPHA, Initializer.HE,
                false, Loss.SOFTMAX_CROSS_ENTROPY);
        for (int i = 0; i < TRIALS; i++) {
            TrainingConfig training = new TrainingConfig(20, 64, OptimizerConfig.adam(1e-3), 0.0, i, 0);
            long start = System.nanoTime();
            new Trainer(gemm).train(net, training, data.train(), data.validation(), m -> true, () -> false);
            System.out.println("ms " + (System.nanoTime() - start) / 1e6);
        }
    }
}
