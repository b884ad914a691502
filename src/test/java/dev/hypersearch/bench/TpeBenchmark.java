package dev.hypersearch.bench;

import dev.hypersearch.search.RandomStrategy;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.TpeSettings;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.search.tpe.ObservedTrial;
import dev.hypersearch.search.tpe.TpeSampler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long one TPE suggestion takes (the sampler alone, after the database read) at 1,000 and 10,000 observed
 * trials over 8 searched parameters: two log floats, a float, three integer ranges, two choices; then over 8 with
 * adam's beta1 and beta2 (a conditional group, drawn jointly) in place of leakySlope, epochs and batchSize. The observed
 * trials are random draws scored by a synthetic objective; 5 % of them pruned at a random epoch, 2 % diverged,
 * and 2 running (the constant liar). Each size is warmed up, then timed over many suggestions (different trial
 * numbers, so different candidates); median and 90th percentile of wall time and of the thread's CPU time are printed. Targets: under 5 ms at 1,000,
 * under 50 ms at 10,000.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.TpeBenchmark}
 */
public final class TpeBenchmark {

    static final Space SPACE = Space.parse(Map.of(
            "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)),
            "l2", Map.of("floatRange", Map.of("min", 1e-6, "max", 1e-2, "log", true)),
            "leakySlope", Map.of("floatRange", Map.of("min", 0.0, "max", 0.5)),
            "hiddenUnits", Map.of("intRange", Map.of("min", 16, "max", 512, "step", 16)),
            "hiddenLayers", Map.of("intRange", Map.of("min", 1, "max", 4)),
            "epochs", Map.of("intRange", Map.of("min", 5, "max", 50)),
            "activation", Map.of("choice", List.of("relu", "tanh", "sigmoid", "leaky_relu")),
            "batchSize", Map.of("choice", List.of(16, 32, 64, 128))));

    /** The same with adam's beta1 and beta2 searched: a conditional group of two, drawn jointly. */
    static final Space JOINT_SPACE = Space.parse(Map.of(
            "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)),
            "l2", Map.of("floatRange", Map.of("min", 1e-6, "max", 1e-2, "log", true)),
            "hiddenUnits", Map.of("intRange", Map.of("min", 16, "max", 512, "step", 16)),
            "hiddenLayers", Map.of("intRange", Map.of("min", 1, "max", 4)),
            "activation", Map.of("choice", List.of("relu", "tanh", "sigmoid", "leaky_relu")),
            "optimizer", Map.of("choice", List.of("momentum", "adam")),
            "beta1", Map.of("floatRange", Map.of("min", 0.8, "max", 0.99)),
            "beta2", Map.of("floatRange", Map.of("min", 0.9, "max", 0.9999))));

    private static long sink;

    private TpeBenchmark() {
    }

    public static void main(String[] args) {
        for (Space space : List.of(SPACE, JOINT_SPACE)) {
            System.out.println("searched parameters: " + space.searchedNames());
            for (int n : new int[] {1_000, 10_000}) {
                run(space, n, n == 1_000 ? 400 : 60);
            }
        }
        System.out.println("(sink " + sink + ")");
    }

    private static void run(Space space, int n, int timed) {
        List<ObservedTrial> observed = observed(space, n);
        TpeSampler sampler = new TpeSampler(space, TpeSettings.DEFAULTS, 42);
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        for (int k = n; System.nanoTime() < warmupEnd; k++) {
            sink += sampler.suggest(k, observed).params().hiddenUnits();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] ms = new double[timed];
        double[] cpu = new double[timed];
        for (int i = 0; i < timed; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            sink += sampler.suggest(n + 100_000 + i, observed).params().hiddenUnits();
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        // On a shared machine wall time includes waiting for a core; the thread's CPU time does not.
        System.out.printf(Locale.ROOT, "%,d observed trials: wall median %.2f ms, p90 %.2f ms, min %.2f ms;"
                        + " CPU median %.2f ms, p90 %.2f ms (%d suggestions)%n", n, ms[timed / 2],
                ms[(int) (timed * 0.9)], ms[0], cpu[timed / 2], cpu[(int) (timed * 0.9)], timed);
    }

    /** Random trials scored by a bowl around lr 1e-2, l2 1e-4, 256 units, 2 layers, relu. */
    private static List<ObservedTrial> observed(Space space, int n) {
        RandomStrategy random = new RandomStrategy(space, n + 2, 7);
        List<ObservedTrial> trials = new ArrayList<>(n + 2);
        for (int k = 0; k < n + 2; k++) {
            TrialParams p = random.paramsFor(k);
            double loss = Math.pow(Math.log10(p.learningRate()) + 2, 2) + Math.pow(Math.log10(p.l2()) + 4, 2) / 4
                    + Math.pow((p.hiddenUnits() - 256) / 128.0, 2) + Math.abs(p.hiddenLayers() - 2) * 0.3
                    + (p.beta1() == null ? 0 : Math.abs(p.beta1() - 0.9) + 10 * Math.abs(p.beta2() - 0.99))
                    + (p.activation() == TrialParams.Activation.relu ? 0 : 0.2);
            TrialStatus status = k >= n ? TrialStatus.RUNNING : k % 20 == 3 ? TrialStatus.PRUNED
                    : k % 50 == 7 ? TrialStatus.DIVERGED : TrialStatus.COMPLETED;
            double value = status == TrialStatus.DIVERGED || status == TrialStatus.RUNNING ? Double.NaN : loss;
            int epochs = status == TrialStatus.PRUNED ? 1 + k % p.epochs() : p.epochs();
            trials.add(new ObservedTrial(k + 1, k, p, status, value, epochs));
        }
        return trials;
    }
}
