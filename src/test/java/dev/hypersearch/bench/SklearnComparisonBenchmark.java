package dev.hypersearch.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.Gemm;
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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine against scikit-learn's MLPClassifier, configuration by configuration, one thread each, in one run:
 * every activation, with and without batch norm, 1 and 3 hidden layers of 128 and 256 units on digits (adam 1e-3,
 * batch 64, 20 epochs). scikit-learn has no batch norm, PReLU, leaky ReLU or ELU: those rows compare against its
 * relu with the same layers; linear against its identity. Both sides time training only (the engine's time also
 * includes its per-epoch validation pass, which scikit-learn's fit does not do).
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.SklearnComparisonBenchmark}
 * (needs Debian's python3-sklearn: {@code apt-get install python3-sklearn}). Arguments keep only the rows whose
 * label contains one of them: {@code -Dbench.args="tanh elu"}; {@code float32} or {@code float64} among them sets
 * the engine's training precision (default: the catalogue's, float64): {@code -Dbench.args="float32 relu"}.
 *
 * <p>Each row also states the physical bound ({@link TrialFlops}): the trial's GEMM flops, each side's effective
 * GFLOPS (in CPU time), the engine's share of this core's FMA peak in its precision ({@link FmaPeak}, measured in
 * the same run, the best of before and after the trials), and the best ratio to scikit-learn possible if the
 * engine's flops ran at 100 % and at 70 % of that peak (scikit-learn's CPU time over the flops' time at the peak,
 * both in CPU time as the peak is; elementwise work left out, so an upper bound).
 */
public final class SklearnComparisonBenchmark {

    static final int EPOCHS = 20;
    static final int BATCH = 64;
    static final double LEARNING_RATE = 1e-3;
    static final String PYTHON = "/usr/bin/python3";
    /** The bench profile passes the project directory (exec runs in frontend/, where the npm steps run). */
    static final Path SCRIPT = Path.of(System.getProperty("bench.basedir", "."), "src/test/python/sklearn_mlp_times.py");

    record Config(Activation activation, boolean batchNorm, int layers, int units) {
        String label() {
            return String.format(Locale.ROOT, "%-10s %-3s %dx%d", activation.name().toLowerCase(Locale.ROOT),
                    batchNorm ? "bn" : "", layers, units);
        }

        /** scikit-learn's nearest activation. */
        String sklearnActivation() {
            return switch (activation) {
                case SIGMOID -> "logistic";
                case TANH -> "tanh";
                case LINEAR -> "identity";
                default -> "relu";
            };
        }
    }

    /** @param cpuSeconds the trial's CPU time (the engine's thread, scikit-learn's process) */
    record Timing(double seconds, double cpuSeconds, double valAccuracy, double valLoss) {
    }

    /** scikit-learn's fit, and the rows it trained on (its own split of digits). */
    record SklearnTiming(double seconds, double cpuSeconds, int trainRows, double valAccuracy, double valLoss) {
    }

    private SklearnComparisonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Precision precision = Precision.FLOAT64;
        List<String> filters = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("float")) {
                precision = Precision.valueOf(arg.toUpperCase(Locale.ROOT));
            } else {
                filters.add(arg);
            }
        }
        List<Config> configs = new ArrayList<>();
        for (Activation a : Activation.values()) {
            for (boolean bn : new boolean[] {false, true}) {
                for (int layers : new int[] {1, 3}) {
                    for (int units : new int[] {128, 256}) {
                        Config c = new Config(a, bn, layers, units);
                        if (filters.isEmpty() || filters.stream().anyMatch(c.label()::contains)) {
                            configs.add(c);
                        }
                    }
                }
            }
        }
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("digits"), 0.2, 0);
        Gemm gemm = Gemms.fastest(precision);
        // JIT warm-up, not counted: every activation's kernels with and without batch norm, so that no row pays
        // for compiling them (the first trial of a fresh process is issue 12's warm-up question, not this table's)
        for (Activation a : Activation.values()) {
            for (boolean bn : new boolean[] {false, true}) {
                train(gemm, precision, data, new Config(a, bn, 1, 128));
            }
        }
        double[] peakBefore = {FmaPeak.f64Gflops(), FmaPeak.f32Gflops()};
        checkCompiled(gemm, precision, data, precision == Precision.FLOAT32 ? peakBefore[1] : peakBefore[0]);
        double loadBefore = load();
        List<Timing> engine = new ArrayList<>();
        for (Config c : configs) {
            engine.add(train(gemm, precision, data, c));
        }
        List<SklearnTiming> sklearn = sklearn(configs);
        double[] peakAfter = {FmaPeak.f64Gflops(), FmaPeak.f32Gflops()};

        System.out.printf(Locale.ROOT, "engine (%s GEMM, precision %s, %s activations) vs scikit-learn MLPClassifier,"
                + " one thread, digits, adam %.0e, batch %d, %d epochs; load average %.2f before, %.2f after%n",
                gemm.name(), precision.name().toLowerCase(Locale.ROOT), gemm.transcendentals().name(), LEARNING_RATE,
                BATCH, EPOCHS, loadBefore, load());
        // the core's peak: the better of two measurements (a busy machine only lowers it), in the engine's precision
        double peak64 = Math.max(peakBefore[0], peakAfter[0]);
        double peak32 = Math.max(peakBefore[1], peakAfter[1]);
        double peak = precision == Precision.FLOAT32 ? peak32 : peak64;
        System.out.printf(Locale.ROOT, "FMA peak of one core (%s; before / after the trials): f64 %.1f / %.1f GFLOPS,"
                        + " f32 %.1f / %.1f; bounds use %.1f (%s)%n", ThreadCpuClock.describe(), peakBefore[0],
                peakAfter[0], peakBefore[1], peakAfter[1], peak, precision.name().toLowerCase(Locale.ROOT));
        System.out.printf(Locale.ROOT, "%-22s %8s %9s %7s %7s %6s %6s %6s %5s %6s %6s %8s %8s %7s %7s%n",
                "configuration", "engine s", "sklearn s", "ratio", "cpu rat", "GFLOP", "elem M", "sk GF", "eng GF",
                "%peak", "bnd100", "bnd70", "acc", "sk acc", "");
        List<Double> ratios = new ArrayList<>();
        int reachable = 0;
        int reached = 0;
        int reachedCpu = 0;
        int reachedWhereReachable = 0;
        List<String> below = new ArrayList<>();
        int trainRows = data.train().size();
        int valRows = data.validation().size();
        for (int i = 0; i < configs.size(); i++) {
            Config c = configs.get(i);
            Timing e = engine.get(i);
            SklearnTiming s = sklearn.get(i);
            double ratio = s.seconds() / e.seconds();
            ratios.add(ratio);
            List<Integer> widths = TrialFlops.widths(data.numFeatures(), Collections.nCopies(c.layers(), c.units()),
                    data.numClasses());
            double flops = TrialFlops.engineTrial(widths, trainRows, valRows, EPOCHS);
            double skFlops = TrialFlops.sklearnFit(widths, s.trainRows(), EPOCHS);
            double engineGflops = TrialFlops.gflops(flops, e.cpuSeconds());
            // in CPU time, as the peak is: on a shared machine wall times also measure the neighbours
            double bound100 = TrialFlops.bound(s.cpuSeconds(), flops, peak, 1.0);
            double bound70 = TrialFlops.bound(s.cpuSeconds(), flops, peak, 0.7);
            double cpuRatio = s.cpuSeconds() / e.cpuSeconds();
            reachable += bound70 >= 4 ? 1 : 0;
            reached += ratio >= 4 ? 1 : 0;
            reachedCpu += cpuRatio >= 4 ? 1 : 0;
            reachedWhereReachable += cpuRatio >= 4 && bound70 >= 4 ? 1 : 0;
            if (bound70 < 4) {
                below.add(c.label().replaceAll(" +", " ").trim());
            }
            System.out.printf(Locale.ROOT, "%-22s %8.3f %9.3f %6.2fx %6.2fx %6.2f %6.1f %6.1f %6.1f %5.1f%% %5.1fx"
                            + " %5.1fx %8.4f %8.4f%n", c.label(), e.seconds(), s.seconds(), ratio,
                    cpuRatio, flops / 1e9,
                    TrialFlops.elementwise(widths, trainRows, valRows, EPOCHS, BATCH) / 1e6,
                    TrialFlops.gflops(skFlops, s.cpuSeconds()), engineGflops, 100 * engineGflops / peak, bound100,
                    bound70, e.valAccuracy(), s.valAccuracy());
        }
        Collections.sort(ratios);
        System.out.printf(Locale.ROOT, "speed-up over scikit-learn: median %.2fx, min %.2fx, max %.2fx over %d%n",
                ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1), ratios.size());
        System.out.printf(Locale.ROOT, "physical bound (%s, %.1f GFLOPS peak): %d of %d configurations can reach 4x at"
                        + " 70%% of the peak, %d reach 4x in CPU time (%d of them among those that can; %d in wall time); below 4x"
                        + " even at 70%%: %s%n",
                precision.name().toLowerCase(Locale.ROOT), peak, reachable, configs.size(), reachedCpu,
                reachedWhereReachable, reached, below.isEmpty() ? "none" : String.join(", ", below));
        System.out.println("(ratio: wall times; cpu rat: CPU times; GFLOP: the engine's GEMM work, training and the "
                + "validation pass each epoch; elem M: elements of the elementwise passes, not in GFLOP; sk GF / eng GF:"
                + " effective GFLOPS in CPU time, scikit-learn's without validation; bnd100 / bnd70: scikit-learn's "
                + "CPU time over the GFLOP's time at 100 % / 70 % of the peak: the best cpu rat possible)");
    }

    /**
     * Stops a JVM whose GEMM kernel C2 compiled without the Vector API's intrinsics (README, "Open": about one float32
     * process in three, every vector boxed, 5-10x slower): a 1 x 256 relu trial, once warm, runs above 20 % of the
     * peak in CPU time; such a JVM stays under 5 %, and its table would measure that, not the engine.
     */
    private static void checkCompiled(Gemm gemm, Precision precision, PreparedData data, double peak) {
        Config probe = new Config(Activation.RELU, false, 1, 256);
        double flops = TrialFlops.engineTrial(TrialFlops.widths(data.numFeatures(), List.of(256), data.numClasses()),
                data.train().size(), data.validation().size(), EPOCHS);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, train(gemm, precision, data, probe).cpuSeconds());
        }
        double share = TrialFlops.gflops(flops, best) / peak;
        if (share < 0.1) {
            throw new IllegalStateException(String.format(Locale.ROOT, "a warm 1 x 256 relu trial ran at %.1f%% of"
                    + " the FMA peak: this JVM's GEMM kernels are not intrinsified (README: Open); run again",
                    100 * share));
        }
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static Timing train(Gemm gemm, Precision precision, PreparedData data, Config c) {
        NetworkConfig net = new NetworkConfig(data.numFeatures(), Collections.nCopies(c.layers(), c.units()),
                data.numClasses(), c.activation(), NetworkConfig.DEFAULT_LEAKY_SLOPE, NetworkConfig.DEFAULT_ELU_ALPHA,
                c.activation() == Activation.RELU || c.activation() == Activation.LEAKY_RELU
                        || c.activation() == Activation.PRELU ? Initializer.HE : Initializer.XAVIER,
                c.batchNorm(), Loss.SOFTMAX_CROSS_ENTROPY);
        TrainingConfig training = new TrainingConfig(EPOCHS, BATCH, OptimizerConfig.adam(LEARNING_RATE), 0.0, 0L, 0,
                precision);
        long start = System.nanoTime();
        long cpuStart = ThreadCpuClock.nanos();
        TrainingResult r = new Trainer(gemm).train(net, training, data.train(), data.validation(), m -> true,
                () -> false);
        double cpu = (ThreadCpuClock.nanos() - cpuStart) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        var last = r.curve().get(r.curve().size() - 1);
        return new Timing(seconds, cpu, last.validationAccuracy(), last.validationLoss());
    }

    /** Runs the Python peer once over all configurations, with one BLAS thread. */
    static List<SklearnTiming> sklearn(List<Config> configs) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PYTHON, SCRIPT.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            pb.environment().put(v, "1");
        }
        Process p = pb.start();
        JsonMapper json = JsonMapper.builder().build();
        try (Writer in = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            for (Config c : configs) {
                in.write(json.writeValueAsString(Map.of("hidden", Collections.nCopies(c.layers(), c.units()),
                        "activation", c.sklearnActivation(), "learningRate", LEARNING_RATE, "batchSize", BATCH,
                        "epochs", EPOCHS, "l2", 0.0, "seed", 0)) + "\n");
            }
        }
        List<SklearnTiming> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                out.add(new SklearnTiming(n.get("seconds").asDouble(), n.get("cpuSeconds").asDouble(),
                        n.get("trainRows").asInt(), n.get("valAccuracy").asDouble(), n.get("valLoss").asDouble()));
            }
        }
        if (p.waitFor() != 0 || out.size() != configs.size()) {
            throw new IllegalStateException("the scikit-learn script failed (exit " + p.exitValue()
                    + "); is python3-sklearn installed?");
        }
        return out;
    }
}
