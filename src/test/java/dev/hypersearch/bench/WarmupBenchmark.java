package dev.hypersearch.bench;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.KernelWarmup;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.Precision;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.Validation;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import dev.hypersearch.trial.TrialRunner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first trial of a fresh JVM against the steady state, with and without the start-up kernel warm-up
 * ({@link KernelWarmup} on {@link Gemms#byPrecision()}, what the worker processes run before their first claim).
 * Each run is a new JVM with this JVM's flags and class path; it optionally warms up, then trains, in one of two
 * cases, at one precision:
 * <ul>
 * <li>{@code reference}: the reference net on digits (64-128-64-10 relu, adam 1e-3, batch 64, 20 epochs)
 * {@value #REFERENCE_TRIALS} times; steady is the median of trials 2 to {@value #REFERENCE_TRIALS};</li>
 * <li>{@code search}: the first {@code trials} trials of the 40-trial random search on digits (SearchBenchmark's
 * space: units 32-256, 1-3 layers, relu/tanh/sigmoid, batch 64 with a last partial batch, 20 epochs) through the
 * workers' {@link TrialRunner}, twice in a row: each trial's steady time is its second run. The first trial is
 * where a worker's first claim lands; the others meet shapes the first did not (the sum shows what the first
 * search loses).</li>
 * </ul>
 * Reported per run: the warm-up's rounds, wall and CPU time and the JIT's compilation time during it; the first
 * trial, its steady time and their ratio; for the search case also the largest per-trial ratio and the summed one.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.WarmupBenchmark
 * -Dbench.args="runs=3 precision=both case=both trials=10 budget=5"} (these are the defaults; a lone number is
 * {@code runs}). Kinds alternate (off, on; per precision and case) within each run, so a change in the machine's
 * load touches them alike.
 */
public final class WarmupBenchmark {

    static final int REFERENCE_TRIALS = 8;

    private WarmupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("probe")) {
            probe(args[1].equals("on"), Precision.valueOf(args[2]), args[3], Integer.parseInt(args[4]),
                    Double.parseDouble(args[5]));
            return;
        }
        Map<String, String> opt = new LinkedHashMap<>(Map.of("runs", "3", "precision", "both", "case", "both",
                "trials", "10", "budget", "5"));
        for (String a : args) {
            if (a.matches("\\d+")) {
                opt.put("runs", a);
            } else if (a.contains("=")) {
                opt.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + a + "; expected key=value of " + opt.keySet());
            }
        }
        int runs = Integer.parseInt(opt.get("runs"));
        List<Precision> precisions = opt.get("precision").equals("both") ? List.of(Precision.FLOAT32,
                Precision.FLOAT64) : List.of(Precision.valueOf(opt.get("precision").toUpperCase(Locale.ROOT)));
        List<String> cases = opt.get("case").equals("both") ? List.of("reference", "search") : List.of(opt.get("case"));
        int trials = Integer.parseInt(opt.get("trials"));
        double budget = Double.parseDouble(opt.get("budget"));
        System.out.printf(Locale.ROOT, "first trial of a fresh JVM vs its steady state, %s; warm-up budget %.1f s "
                + "CPU; %d cores; load average %.2f%n", opt, budget, Runtime.getRuntime().availableProcessors(),
                load());
        System.out.println("reference: 64-128-64-10 relu on digits, batch 64, 20 epochs, steady = median of trials 2-"
                + REFERENCE_TRIALS + "; search: the first " + trials + " trials of the 40-trial random search, each "
                + "trial's steady = its second run; ratio = first / steady");
        System.out.printf(Locale.ROOT, "%-9s %-8s %-4s %6s %9s %8s %8s %9s %9s %7s %9s %9s %6s%n", "case",
                "precision", "warm", "rounds", "warmup ms", "cpu ms", "jit ms", "first ms", "steady ms", "ratio",
                "max ratio", "sum ratio", "load");
        for (int r = 0; r < runs; r++) {
            for (String c : cases) {
                for (Precision p : precisions) {
                    for (boolean warm : new boolean[] {false, true}) {
                        Figures f = runFresh(warm, p, c, trials, budget);
                        System.out.printf(Locale.ROOT, "%-9s %-8s %-4s %6d %9.0f %8.0f %8.0f %9.1f %9.1f %6.2fx %8s "
                                + "%9s %6.2f%n", c, p.name().toLowerCase(Locale.ROOT), warm ? "on" : "off", f.rounds,
                                f.warmupMillis, f.warmupCpuMillis, f.warmupJitMillis, f.first(), f.steady(),
                                f.first() / f.steady(), f.maxRatio(), f.sumRatio(), load());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "load average after: %.2f%n", load());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** What a probe JVM printed: the warm-up's figures and each trial's times (ms) by run (pass). */
    private static final class Figures {
        int rounds;
        double warmupMillis;
        double warmupCpuMillis;
        double warmupJitMillis;
        final Map<Integer, List<Double>> passes = new HashMap<>();
        boolean reference;

        List<Double> pass(int i) {
            return passes.getOrDefault(i, List.of());
        }

        double first() {
            return pass(0).get(0);
        }

        double steady() {
            if (reference) {
                double[] rest = pass(0).subList(1, pass(0).size()).stream().mapToDouble(Double::doubleValue).toArray();
                Arrays.sort(rest);
                return rest[rest.length / 2];
            }
            return pass(1).get(0);
        }

        String maxRatio() {
            if (reference) {
                return "-";
            }
            double max = 0;
            for (int i = 0; i < pass(0).size(); i++) {
                max = Math.max(max, pass(0).get(i) / pass(1).get(i));
            }
            return String.format(Locale.ROOT, "%.2fx", max);
        }

        String sumRatio() {
            if (reference) {
                return "-";
            }
            return String.format(Locale.ROOT, "%.2fx", sum(pass(0)) / sum(pass(1)));
        }

        private static double sum(List<Double> xs) {
            return xs.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private static Figures runFresh(boolean warm, Precision precision, String kind, int trials, double budget)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WarmupBenchmark.class.getName(), "probe",
                warm ? "on" : "off", precision.name(), kind, Integer.toString(trials), Double.toString(budget)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Figures f = new Figures();
        f.reference = kind.equals("reference");
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] w = line.split(" ");
                if (w[0].equals("warmup")) {
                    f.rounds = Integer.parseInt(w[1]);
                    f.warmupMillis = Double.parseDouble(w[2]);
                    f.warmupCpuMillis = Double.parseDouble(w[3]);
                    f.warmupJitMillis = Double.parseDouble(w[4]);
                } else if (w[0].equals("trial")) {
                    f.passes.computeIfAbsent(Integer.parseInt(w[1]), k -> new ArrayList<>())
                            .add(Double.parseDouble(w[3]));
                }
            }
        }
        if (p.waitFor() != 0 || f.pass(0).isEmpty()) {
            throw new IllegalStateException("probe failed: exit " + p.exitValue());
        }
        return f;
    }

    /** In the fresh JVM: the data set is loaded first (as a worker's data cache does), then warm-up, then trials. */
    private static void probe(boolean warm, Precision precision, String kind, int trials, double budgetSeconds) {
        SearchSpec spec = SearchSpec.parse(searchSpec(precision));
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("digits"),
                ((Validation.Holdout) spec.validation()).fraction(), spec.seed());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitStart = jit.getTotalCompilationTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long w = System.nanoTime();
        int rounds = 0;
        if (warm) {
            KernelWarmup.Report report = new KernelWarmup(Gemms.byPrecision()).run((long) (budgetSeconds * 1e9),
                    () -> false);
            rounds = report.rounds();
            System.err.println("  warm-up " + report);
        }
        System.out.printf(Locale.ROOT, "warmup %d %.1f %.1f %d%n", rounds, (System.nanoTime() - w) / 1e6,
                (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6, jit.getTotalCompilationTime() - jitStart);
        if (kind.equals("reference")) {
            NetworkConfig net = new NetworkConfig(data.numFeatures(), List.of(128, 64), data.numClasses(),
                    Activation.RELU, NetworkConfig.DEFAULT_LEAKY_SLOPE, NetworkConfig.DEFAULT_ELU_ALPHA,
                    Initializer.HE, false, Loss.SOFTMAX_CROSS_ENTROPY);
            for (int i = 0; i < REFERENCE_TRIALS; i++) {
                TrainingConfig training = new TrainingConfig(20, 64, OptimizerConfig.adam(1e-3), 0.0, i, 0, precision);
                long start = System.nanoTime();
                new Trainer(Gemms.byPrecision()).train(net, training, data.train(), data.validation(), m -> true,
                        () -> false);
                System.out.printf(Locale.ROOT, "trial 0 %d %.2f%n", i, (System.nanoTime() - start) / 1e6);
            }
        } else if (kind.equals("search")) {
            Strategy strategy = Strategies.create(spec);
            TrialRunner runner = new TrialRunner(Gemms.byPrecision());
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < trials; i++) {
                    TrialParams params = strategy.paramsFor(i);
                    long start = System.nanoTime();
                    runner.run(params, data, spec.seed(), i, m -> true, () -> false);
                    System.out.printf(Locale.ROOT, "trial %d %d %.2f%n", pass, i, (System.nanoTime() - start) / 1e6);
                }
            }
        } else {
            throw new IllegalArgumentException("unknown case " + kind + "; expected reference, search or both");
        }
    }

    /** SearchBenchmark's 40-trial random search, its matrix products at {@code precision}. */
    private static Map<String, Object> searchSpec(Precision precision) {
        Map<String, Object> spec = new HashMap<>(SearchBenchmark.spec("warm-up benchmark", 40, 20));
        @SuppressWarnings("unchecked")
        Map<String, Object> space = new HashMap<>((Map<String, Object>) spec.get("space"));
        space.put("precision", precision.name().toLowerCase(Locale.ROOT));
        spec.put("space", space);
        return spec;
    }
}
