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

    record Timing(double seconds, double valAccuracy, double valLoss) {
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
        List<Timing> engine = new ArrayList<>();
        for (Config c : configs) {
            engine.add(train(gemm, precision, data, c));
        }
        List<Timing> sklearn = sklearn(configs);

        System.out.printf(Locale.ROOT, "engine (%s GEMM, precision %s, %s activations) vs scikit-learn MLPClassifier,"
                + " one thread, digits, adam %.0e, batch %d, %d epochs; load average %s%n", gemm.name(),
                precision.name().toLowerCase(Locale.ROOT),
                gemm.transcendentals().name(), LEARNING_RATE, BATCH, EPOCHS, String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.printf(Locale.ROOT, "%-22s %9s %9s %7s %9s %9s%n", "configuration", "engine s", "sklearn s",
                "ratio", "acc", "sk acc");
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            Timing e = engine.get(i);
            Timing s = sklearn.get(i);
            double ratio = s.seconds() / e.seconds();
            ratios.add(ratio);
            System.out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %6.2fx %9.4f %9.4f%n", configs.get(i).label(),
                    e.seconds(), s.seconds(), ratio, e.valAccuracy(), s.valAccuracy());
        }
        Collections.sort(ratios);
        System.out.printf(Locale.ROOT, "speed-up over scikit-learn: median %.2fx, min %.2fx, max %.2fx over %d%n",
                ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1), ratios.size());
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
        TrainingResult r = new Trainer(gemm).train(net, training, data.train(), data.validation(), m -> true,
                () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        var last = r.curve().get(r.curve().size() - 1);
        return new Timing(seconds, last.validationAccuracy(), last.validationLoss());
    }

    /** Runs the Python peer once over all configurations, with one BLAS thread. */
    static List<Timing> sklearn(List<Config> configs) throws Exception {
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
        List<Timing> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                out.add(new Timing(n.get("seconds").asDouble(), n.get("valAccuracy").asDouble(),
                        n.get("valLoss").asDouble()));
            }
        }
        if (p.waitFor() != 0 || out.size() != configs.size()) {
            throw new IllegalStateException("the scikit-learn script failed (exit " + p.exitValue()
                    + "); is python3-sklearn installed?");
        }
        return out;
    }
}
