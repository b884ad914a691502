package dev.hypersearch.bench;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.DatasetTables;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.Validation;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import dev.hypersearch.trial.TrialRunner;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The search benchmark's best validation loss, engine against scikit-learn, over several seeds (issue 12: "with a
 * best validation loss at least as good"). For each seed: the 40 configurations the search benchmark's random
 * search draws with that seed, on that seed's split, trained by the bare engine (the search's own trial seeds)
 * and by MLPClassifier (random_state 1000 x seed + trial number, 2 processes), each side optionally with another
 * initialization. Prints each seed's best loss per side and variant, the per-activation geometric mean of the
 * loss ratio against scikit-learn's own, and with {@code table} every trial. Losses only; times are the search
 * benchmark's business.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.BestLossComparison
 * -Dbench.args="seeds=0,1,2,3,4 engine=drawn,xavier sklearn=glorot,he table"}. Engine variants: {@code drawn}
 * (the parameters as the search draws them) or an init id applied to every trial; scikit-learn variants: see
 * {@link JoblibSearch#run(PreparedData, List, long, String, int...)}.
 */
public final class BestLossComparison {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        long[] seeds = Arrays.stream(a.getOrDefault("seeds", "42").split(",")).mapToLong(Long::parseLong).toArray();
        List<String> engineVariants = List.of(a.getOrDefault("engine", "drawn").split(","));
        List<String> sklearnVariants = List.of(a.getOrDefault("sklearn", "glorot").split(","));
        boolean table = a.containsKey("table");
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        System.out.printf(Locale.ROOT, "load average before: %.2f%n", load());
        if (a.containsKey("repeat")) {
            repeat(a.get("repeat"), Integer.parseInt(a.getOrDefault("n", "8")), engineVariants, sklearnVariants,
                    threads);
            return;
        }

        Map<String, double[]> best = new LinkedHashMap<>();
        // variant -> activation -> that activation's best loss per seed
        Map<String, Map<String, double[]>> bestByActivation = new LinkedHashMap<>();
        // variant -> activation -> summed log(loss / scikit-learn glorot's loss) and count, over all seeds
        Map<String, Map<String, double[]>> logRatios = new LinkedHashMap<>();
        for (int s = 0; s < seeds.length; s++) {
            long seed = seeds[s];
            SearchSpec spec = SearchSpec.parse(specMap(seed));
            Strategy strategy = Strategies.create(spec);
            List<TrialParams> drawn = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                drawn.add(strategy.paramsFor(i));
            }
            PreparedData data = DataPreparation.holdout(DatasetTables.of(BuiltinDatasets.load("digits")),
                    ((Validation.Holdout) spec.validation()).fraction(), seed);
            Map<String, double[]> losses = new LinkedHashMap<>();
            for (String v : sklearnVariants) {
                losses.put("sklearn " + v, JoblibSearch.run(data, drawn, 1000 * seed, v, 2).get(0).fits().stream()
                        .mapToDouble(JoblibSearch.Fit::valLoss).toArray());
            }
            for (String v : engineVariants) {
                List<TrialParams> trials = v.equals("drawn") ? drawn
                        : drawn.stream().map(p -> p.withInit(TrialParams.Init.valueOf(v))).toList();
                losses.put("engine " + v, engine(trials, data, seed, threads));
            }
            double[] reference = losses.get("sklearn " + sklearnVariants.get(0));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "seed %-4d best:", seed));
            for (var e : losses.entrySet()) {
                double b = Arrays.stream(e.getValue()).filter(Double::isFinite).min().orElse(Double.NaN);
                best.computeIfAbsent(e.getKey(), k -> new double[seeds.length])[s] = b;
                line.append(String.format(Locale.ROOT, "  %s %.4f", e.getKey(), b));
                for (int i = 0; i < drawn.size(); i++) {
                    double[] bs = bestByActivation.computeIfAbsent(e.getKey(), k -> new TreeMap<>())
                            .computeIfAbsent(drawn.get(i).activation().name(), k -> filled(seeds.length));
                    if (e.getValue()[i] < bs[s]) {
                        bs[s] = e.getValue()[i];
                    }
                }
                Map<String, double[]> byActivation = logRatios.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
                for (int i = 0; i < drawn.size(); i++) {
                    double r = Math.log(e.getValue()[i] / reference[i]);
                    if (Double.isFinite(r)) {
                        double[] acc = byActivation.computeIfAbsent(drawn.get(i).activation().name(),
                                k -> new double[2]);
                        acc[0] += r;
                        acc[1]++;
                    }
                }
            }
            System.out.println(line);
            if (table) {
                printTable(drawn, losses);
            }
        }
        System.out.printf(Locale.ROOT, "best validation loss over seeds %s (lower is better):%n",
                Arrays.toString(seeds));
        for (var e : best.entrySet()) {
            double[] b = e.getValue();
            System.out.printf(Locale.ROOT, "  %-16s %s  median %.4f  mean %.4f%n", e.getKey(), fmt(b),
                    TpeQualityBenchmark.median(b), Arrays.stream(b).average().orElse(Double.NaN));
        }
        System.out.println("per activation, its best loss per seed (median over seeds):");
        for (var e : bestByActivation.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-16s", e.getKey()));
            e.getValue().forEach((act, b) -> line.append(String.format(Locale.ROOT, "  %s %s (%.4f)", act, fmt(b),
                    TpeQualityBenchmark.median(b))));
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "per activation, geometric mean of loss / scikit-learn %s's loss, same "
                + "configuration (n trials):%n", sklearnVariants.get(0));
        for (var e : logRatios.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-16s", e.getKey()));
            e.getValue().forEach((act, acc) -> line.append(String.format(Locale.ROOT, "  %s %.3f (%d)", act,
                    Math.exp(acc[0] / acc[1]), (int) acc[1])));
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "load average after: %.2f%n", load());
    }

    /**
     * Single configurations trained n times on each side, each time with other initial weights and shuffles
     * (engine: trial numbers 0..n-1 of the search's seed; scikit-learn: random_state 0..n-1): the spread of one
     * configuration's loss over initializations, and whether the two sides train alike when they initialize alike.
     * {@code which}: seed:trial pairs of the search benchmark's draws, e.g. "42:22,42:35".
     */
    private static void repeat(String which, int n, List<String> engineVariants, List<String> sklearnVariants,
                               int threads) throws Exception {
        for (String pair : which.split(",")) {
            long seed = Long.parseLong(pair.split(":")[0]);
            int trial = Integer.parseInt(pair.split(":")[1]);
            SearchSpec spec = SearchSpec.parse(specMap(seed));
            TrialParams p = Strategies.create(spec).paramsFor(trial);
            PreparedData data = DataPreparation.holdout(DatasetTables.of(BuiltinDatasets.load("digits")),
                    ((Validation.Holdout) spec.validation()).fraction(), seed);
            System.out.printf(Locale.ROOT, "seed %d trial %d: %s %s lr %.1e l2 %.0e, %d initializations a side%n",
                    seed, trial, p.activation(), p.hiddenWidths(), p.learningRate(), p.l2(), n);
            Map<String, double[]> losses = new LinkedHashMap<>();
            for (String v : sklearnVariants) {
                losses.put("sklearn " + v, JoblibSearch.run(data, java.util.Collections.nCopies(n, p), 0, v, 2)
                        .get(0).fits().stream().mapToDouble(JoblibSearch.Fit::valLoss).toArray());
            }
            for (String v : engineVariants) {
                TrialParams q = v.equals("drawn") ? p : p.withInit(TrialParams.Init.valueOf(v));
                losses.put("engine " + v, engine(java.util.Collections.nCopies(n, q), data, seed, threads));
            }
            for (var e : losses.entrySet()) {
                double[] l = e.getValue();
                double mean = Arrays.stream(l).average().orElse(Double.NaN);
                double sd = Math.sqrt(Arrays.stream(l).map(x -> (x - mean) * (x - mean)).sum() / (l.length - 1));
                System.out.printf(Locale.ROOT, "  %-16s median %.4f  mean %.4f  sd %.4f  min %.4f  max %.4f%n",
                        e.getKey(), TpeQualityBenchmark.median(l), mean, sd,
                        Arrays.stream(l).min().orElse(Double.NaN), Arrays.stream(l).max().orElse(Double.NaN));
            }
        }
        System.out.printf(Locale.ROOT, "load average after: %.2f%n", load());
    }

    /** The search benchmark's space and budget with this seed. */
    private static Map<String, Object> specMap(long seed) {
        Map<String, Object> m = new HashMap<>(SearchBenchmark.spec("best-loss-" + seed, 40, 20));
        m.put("seed", seed);
        return m;
    }

    /** Each trial's final validation loss (NaN unless completed), trials taken in number order by the threads. */
    private static double[] engine(List<TrialParams> trials, PreparedData data, long seed, int threads)
            throws InterruptedException {
        TrialRunner runner = new TrialRunner(Gemms.byPrecision());
        double[] out = new double[trials.size()];
        AtomicInteger next = new AtomicInteger();
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < trials.size(); i = next.getAndIncrement()) {
                    out[i] = runner.run(trials.get(i), data, seed, i, m -> true, () -> false).valLoss();
                }
            });
            pool.add(thread);
            thread.start();
        }
        for (Thread t : pool) {
            t.join();
        }
        return out;
    }

    private static void printTable(List<TrialParams> drawn, Map<String, double[]> losses) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-3s %-36s", "#", "configuration"));
        losses.keySet().forEach(k -> head.append(String.format(Locale.ROOT, " %15s", k)));
        System.out.println(head);
        for (int i = 0; i < drawn.size(); i++) {
            TrialParams p = drawn.get(i);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-3d %-36s", i, String.format(
                    Locale.ROOT, "%s %s lr %.1e l2 %.0e", p.activation(), p.hiddenWidths(), p.learningRate(),
                    p.l2())));
            for (double[] l : losses.values()) {
                row.append(String.format(Locale.ROOT, " %15.4f", l[i]));
            }
            System.out.println(row);
        }
    }

    private static double[] filled(int n) {
        double[] xs = new double[n];
        Arrays.fill(xs, Double.POSITIVE_INFINITY);
        return xs;
    }

    private static String fmt(double[] xs) {
        StringBuilder b = new StringBuilder();
        for (double x : xs) {
            b.append(String.format(Locale.ROOT, "%.4f ", x));
        }
        return b.toString().trim();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
