package dev.hypersearch.bench;

import dev.hypersearch.nn.TrainingData;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.trial.PreparedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A search's trials trained again by scikit-learn's MLPClassifier under joblib (script
 * {@code src/test/python/sklearn_search_joblib.py}), on the engine's own split and standardized matrices, with
 * one BLAS thread per process. Needs Debian's python3-sklearn ({@code apt-get install python3-sklearn}).
 */
final class JoblibSearch {

    static final Path SCRIPT = Path.of(System.getProperty("bench.basedir", "."),
            "src/test/python/sklearn_search_joblib.py");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One configuration's fit: seconds, its validation log loss as the engine measures it (mean cross-entropy from
     * the logits, no L2 term), the same as scikit-learn's log_loss reports it (probabilities clipped to
     * [1e-15, 1 - 1e-15], so at most 34.5 a row: lower on confidently wrong networks, equal on good ones), and its
     * validation accuracy.
     */
    record Fit(double seconds, double valLoss, double clippedValLoss, double valAccuracy) {
    }

    /** All configurations on {@code jobs} processes: the batch's wall time and each fit. */
    record Result(int jobs, double seconds, List<Fit> fits) {
        double bestValLoss() {
            return fits.stream().mapToDouble(Fit::valLoss).filter(Double::isFinite).min().orElse(Double.NaN);
        }

        double bestClippedValLoss() {
            return fits.stream().mapToDouble(Fit::clippedValLoss).filter(Double::isFinite).min().orElse(Double.NaN);
        }

        double summedSeconds() {
            return fits.stream().mapToDouble(Fit::seconds).sum();
        }
    }

    private JoblibSearch() {
    }

    /**
     * Trains every trial's configuration once per process count in {@code jobs}, on exactly the rows and values
     * the engine trained on.
     */
    static List<Result> run(PreparedData data, List<TrialParams> trials, int... jobs) throws Exception {
        return run(data, trials, 0, "glorot", jobs);
    }

    /**
     * The same with configuration i's random_state {@code seedBase + i} and scikit-learn's initialization replaced
     * when {@code init} is not "glorot" (its own: uniform weights and biases, bound sqrt(6/(fan_in+fan_out)), 2
     * instead of 6 for logistic): "he" is the engine's he (weights N(0, 2/fan_in), biases zero), "xavier" the
     * engine's xavier (N(0, 1/fan_in), biases zero), "glorot0" scikit-learn's weights with biases zero.
     */
    static List<Result> run(PreparedData data, List<TrialParams> trials, long seedBase, String init, int... jobs)
            throws Exception {
        Path file = Files.createTempFile("search-data", ".json");
        try {
            JSON.writeValue(file.toFile(), Map.of(
                    "trainX", rows(data.train().features()), "trainY", labels(data.train()),
                    "validationX", rows(data.validation().features()), "validationY", labels(data.validation())));
            List<String> cmd = new ArrayList<>(List.of(SklearnComparisonBenchmark.PYTHON, SCRIPT.toString(),
                    file.toString()));
            for (int j : jobs) {
                cmd.add(Integer.toString(j));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
            for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
                pb.environment().put(v, "1"); // inherited by joblib's worker processes
            }
            Process p = pb.start();
            try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                for (int i = 0; i < trials.size(); i++) {
                    Map<String, Object> c = config(trials.get(i), seedBase + i);
                    c.put("init", init);
                    in.write(JSON.writeValueAsString(c) + "\n");
                }
            }
            List<Result> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(result(JSON.readTree(line)));
                }
            }
            if (p.waitFor() != 0 || out.size() != jobs.length) {
                throw new IllegalStateException("the scikit-learn script failed (exit " + p.exitValue()
                        + "); is python3-sklearn installed? apt-get install python3-sklearn");
            }
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The trial as MLPClassifier's arguments. alpha is l2 times the batch size: scikit-learn adds alpha * W to the
     * batch's summed gradient before dividing by the batch size, the engine adds l2 * W to the mean gradient.
     */
    static Map<String, Object> config(TrialParams p, long seed) {
        if (p.optimizer() != TrialParams.Optimizer.adam || p.batchNorm()) {
            throw new IllegalArgumentException("only adam without batch norm has a scikit-learn peer: " + p);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("hidden", p.hiddenWidths());
        c.put("activation", switch (p.activation()) {
            case sigmoid -> "logistic";
            case tanh -> "tanh";
            case relu -> "relu";
            case linear -> "identity";
            default -> throw new IllegalArgumentException("no scikit-learn activation for " + p.activation());
        });
        c.put("learningRate", p.learningRate());
        c.put("l2", p.l2() * p.batchSize());
        c.put("batchSize", p.batchSize());
        c.put("epochs", p.epochs());
        c.put("seed", seed);
        return c;
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        }
        return out;
    }

    /** Class indices back from the one-hot targets. */
    private static int[] labels(TrainingData d) {
        DMatrixRMaj t = d.targets();
        if (t.numCols < 2) {
            throw new IllegalArgumentException("expects a multi-class set (one-hot targets)");
        }
        int[] y = new int[t.numRows];
        for (int i = 0; i < t.numRows; i++) {
            int best = 0;
            for (int k = 1; k < t.numCols; k++) {
                if (t.data[i * t.numCols + k] > t.data[i * t.numCols + best]) {
                    best = k;
                }
            }
            y[i] = best;
        }
        return y;
    }

    private static Result result(JsonNode n) {
        List<Fit> fits = new ArrayList<>();
        for (JsonNode t : n.get("trials")) {
            fits.add(new Fit(t.get("seconds").asDouble(), t.get("valLossUnclipped").asDouble(),
                    t.get("valLoss").asDouble(), t.get("valAccuracy").asDouble()));
        }
        return new Result(n.get("jobs").asInt(), n.get("seconds").asDouble(), fits);
    }
}
