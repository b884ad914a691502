package dev.hypersearch.bench;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import dev.hypersearch.trial.TrialOutcome;
import dev.hypersearch.trial.TrialRunner;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The 40 trials of {@link SearchBenchmark}'s search trained on the bare engine, one thread, in several rounds: each
 * trial's best thread CPU time (CPU rather than wall time, so other processes on a loaded machine count less), by
 * trial and summed, and each trial's final validation loss (to compare builds: the same bits when only the order of
 * work changed). Fast (no service, no scikit-learn): for A/B runs of engine changes, alternating with the code before.
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.SearchTrialsBenchmark
 * -Dbench.args="rounds=5"}; {@code only=3,17} trains those trials alone (for a profiler).
 */
public final class SearchTrialsBenchmark {

    public static void main(String[] args) {
        int rounds = 5;
        int[] only = null;
        for (String arg : args) {
            if (arg.startsWith("rounds=")) {
                rounds = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("only=")) {
                only = Arrays.stream(arg.substring(5).split(",")).mapToInt(Integer::parseInt).toArray();
            }
        }
        SearchSpec spec = SearchSpec.parse(SearchBenchmark.spec("trials", 40, 20));
        Strategy strategy = Strategies.create(spec);
        List<TrialParams> trials = new ArrayList<>();
        for (int i = 0; i < strategy.trialCount(); i++) {
            trials.add(strategy.paramsFor(i));
        }
        int[] chosen = only != null ? only : java.util.stream.IntStream.range(0, trials.size()).toArray();
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("digits"),
                SearchSpec.DEFAULT_VALIDATION_FRACTION, SearchBenchmark.SEED);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TrialRunner runner = new TrialRunner(Gemms.byPrecision());
        double[] best = new double[trials.size()];
        double[] loss = new double[trials.size()];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        System.out.printf(Locale.ROOT, "load average before: %.2f%n", load());
        for (int round = 0; round < rounds + 1; round++) { // round 0 warms the JIT up
            double sum = 0;
            for (int i : chosen) {
                long cpu = mx.getCurrentThreadCpuTime();
                TrialOutcome o = runner.run(trials.get(i), data, SearchBenchmark.SEED, i, m -> true, () -> false);
                double s = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
                sum += s;
                if (round > 0) {
                    best[i] = Math.min(best[i], s);
                }
                loss[i] = o.valLoss();
            }
            System.out.printf(Locale.ROOT, "round %d: %.3f s CPU summed (load %.2f)%n", round, sum, load());
        }
        System.out.printf(Locale.ROOT, "  %-4s %-28s %9s %12s%n", "#", "configuration", "best CPU s", "val loss");
        double total = 0;
        for (int i : chosen) {
            TrialParams p = trials.get(i);
            total += best[i];
            System.out.printf(Locale.ROOT, "  %-4d %-28s %9.4f %.15f%n", i, String.format(Locale.ROOT, "%s %s lr %.1e",
                    p.activation(), p.hiddenWidths(), p.learningRate()), best[i], loss[i]);
        }
        System.out.printf(Locale.ROOT, "sum of best CPU times: %.3f s; load average after: %.2f%n", total, load());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
