package dev.hypersearch.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A multi-layer perceptron: hidden dense layers, then an output layer whose function and loss
 * come from {@link Loss}. Batches are matrices with one row per example. All three matrix
 * products go through the {@link Gemm} given at creation, so a faster kernel plugs in.
 *
 * <p>Not thread-safe: it owns per-batch-size buffers that every pass writes into.
 */
public final class Network {

    /** Rows per pass in predict/evaluate: bounds buffer memory whatever the data set size. */
    static final int CHUNK = 256;
    /** A trainer needs ~4 batch sizes (full, last partial, evaluation chunks); keep a few more. */
    private static final int MAX_WORKSPACES = 8;

    private final NetworkConfig config;
    private final Gemm gemm;
    /** gemm's elementwise kernels, looked up once (VectorGemm reads a system property each time). */
    private final Transcendentals kernels;
    final DenseLayer[] layers;
    private final List<Parameter> parameters;
    private final Map<Integer, Workspace> workspaces = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Workspace> eldest) {
            return size() > MAX_WORKSPACES;
        }
    };
    /** predict's and evaluate's buffers, one set however many chunks (see {@link Workspace#forInference}). */
    private Workspace inference;
    // the last forward pass, which backward differentiates
    private Workspace last;
    private DMatrixRMaj lastInput;

    private Network(NetworkConfig config, Gemm gemm, RandomGenerator rng) {
        this.config = config;
        this.gemm = gemm;
        this.kernels = gemm.transcendentals();
        List<Integer> hidden = config.hiddenUnits();
        this.layers = new DenseLayer[hidden.size() + 1];
        int fanIn = config.inputSize();
        for (int l = 0; l < layers.length; l++) {
            boolean out = l == hidden.size();
            int fanOut = out ? config.outputSize() : hidden.get(l);
            layers[l] = new DenseLayer(l, fanIn, fanOut, out, config, rng);
            fanIn = fanOut;
        }
        List<Parameter> ps = new ArrayList<>();
        for (DenseLayer layer : layers) {
            layer.addParametersTo(ps);
        }
        this.parameters = Collections.unmodifiableList(ps);
    }

    /** Builds a network with weights drawn from {@code rng} (layer by layer, row-major). */
    public static Network create(NetworkConfig config, Gemm gemm, RandomGenerator rng) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(gemm, "gemm");
        Objects.requireNonNull(rng, "rng");
        return new Network(config, gemm, rng);
    }

    public NetworkConfig config() {
        return config;
    }

    /** Every trainable parameter (live values and gradients), in a stable order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Outputs for each row of x in inference mode: class probabilities (softmax), the positive
     * class probability (sigmoid, n x 1) or the predicted values (MSE). Returns a new matrix.
     */
    public DMatrixRMaj predict(DMatrixRMaj x) {
        checkFeatures(x);
        DMatrixRMaj result = new DMatrixRMaj(x.numRows, config.outputSize());
        int k = config.outputSize();
        for (int start = 0; start < x.numRows; start += CHUNK) {
            int rows = Math.min(CHUNK, x.numRows - start);
            Workspace ws = inferenceWorkspace(rows);
            System.arraycopy(x.data, start * x.numCols, ws.input.data, 0, rows * x.numCols);
            forwardSum(ws, ws.input, null, false);
            System.arraycopy(ws.a[layers.length - 1].data, 0, result.data, start * k, rows * k);
        }
        return result;
    }

    /** The layers for inference, batch norm folded into weights and biases (copies; the network is unchanged). */
    public java.util.List<FoldedLayer> foldedLayers() {
        List<FoldedLayer> out = new ArrayList<>(layers.length);
        for (DenseLayer layer : layers) {
            out.add(layer.folded());
        }
        return List.copyOf(out);
    }

    /** Mean loss (no L2 term) and accuracy (NaN for regression) in inference mode. */
    public Evaluation evaluate(TrainingData data) {
        checkFeatures(data.features());
        checkTargets(data.targets());
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot evaluate on an empty data set");
        }
        DMatrixRMaj x = data.features();
        DMatrixRMaj t = data.targets();
        int k = config.outputSize();
        double lossSum = 0;
        long hits = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            Workspace ws = inferenceWorkspace(rows);
            System.arraycopy(x.data, start * x.numCols, ws.input.data, 0, rows * x.numCols);
            System.arraycopy(t.data, start * k, ws.targets.data, 0, rows * k);
            lossSum += forwardSum(ws, ws.input, ws.targets, false);
            if (config.loss().isClassification()) {
                hits += LossKernels.correct(config.loss(), ws.a[layers.length - 1].data, ws.targets.data, rows, k);
            }
        }
        double accuracy = config.loss().isClassification() ? (double) hits / n : Double.NaN;
        return new Evaluation(lossSum / n, accuracy);
    }

    /** The L2 term 0.5 * l2 * sum of squared weights (weight matrices only). */
    public double l2Penalty(double l2) {
        double s = 0;
        for (DenseLayer layer : layers) {
            DMatrixRMaj w = layer.weights.value();
            s += RowOps.sumSquares(w.data, w.getNumElements());
        }
        return 0.5 * l2 * s;
    }

    // ---- low-level passes (package-private: the Trainer and the gradient-check tests) ----

    /** The buffers for batches of {@code rows} examples, created on first use. */
    Workspace workspace(int rows) {
        Workspace ws = workspaces.get(rows);
        if (ws == null) {
            ws = new Workspace(rows, layers);
            workspaces.put(rows, ws);
        }
        return ws;
    }

    /** The inference buffers for a chunk of {@code rows}: the network's set, replaced only by a larger one. */
    private Workspace inferenceWorkspace(int rows) {
        if (inference == null || !inference.fits(rows)) {
            inference = Workspace.forInference(rows, layers);
        }
        return inference.useRows(rows);
    }

    /** Forward pass on x (any rows); returns the mean data loss, or NaN if t is null. */
    double forward(DMatrixRMaj x, DMatrixRMaj t, boolean training) {
        return forward(workspace(x.numRows), x, t, training);
    }

    /** As {@link #forward} with the workspace already at hand (no lookup in the hot loop). */
    double forward(Workspace ws, DMatrixRMaj x, DMatrixRMaj t, boolean training) {
        double sum = forwardSum(ws, x, t, training);
        return t == null ? Double.NaN : sum / ws.rows;
    }

    /**
     * Gradients of (mean data loss of the last forward + 0.5*l2*sum W^2) w.r.t. every parameter,
     * written into {@link Parameter#gradient()}. The input gradient is only computed on request.
     */
    void backward(DMatrixRMaj t, double l2, boolean inputGradient) {
        Workspace ws = last;
        int out = layers.length - 1;
        LossKernels.gradient(config.loss(), ws.a[out].data, t.data, ws.d[out].data, ws.rows, config.outputSize());
        RowKernels rowKernels = kernels.rows();
        for (int l = out; l >= 0; l--) {
            DMatrixRMaj in = l == 0 ? lastInput : ws.a[l - 1];
            DMatrixRMaj dIn = l > 0 ? ws.d[l - 1] : inputGradient ? ws.inputGradient() : null;
            layers[l].backward(gemm, rowKernels, in, ws, l, dIn, l2);
        }
    }

    /** dL/dX of the last backward pass that asked for it. */
    DMatrixRMaj inputGradient() {
        return last.inputGradient;
    }

    /** Outputs of the last forward pass (rows x outputSize). */
    DMatrixRMaj lastOutput() {
        return last.a[layers.length - 1];
    }

    private double forwardSum(Workspace ws, DMatrixRMaj x, DMatrixRMaj t, boolean training) {
        DMatrixRMaj in = x;
        for (int l = 0; l < layers.length; l++) {
            layers[l].forward(gemm, kernels, in, ws, l, training);
            in = ws.a[l];
        }
        int out = layers.length - 1;
        if (ws != inference) { // an inference pass keeps no gradients' buffers: backward stays on the last other one
            last = ws;
            lastInput = x;
        }
        return LossKernels.forward(config.loss(), kernels, ws.z[out].data, ws.a[out].data, t == null ? null : t.data,
                ws.rows, config.outputSize());
    }

    private void checkFeatures(DMatrixRMaj x) {
        if (x.numCols != config.inputSize()) {
            throw new IllegalArgumentException("features must have " + config.inputSize() + " columns, had "
                    + x.numCols);
        }
    }

    private void checkTargets(DMatrixRMaj t) {
        if (t.numCols != config.outputSize()) {
            throw new IllegalArgumentException("targets must have " + config.outputSize() + " columns, had "
                    + t.numCols);
        }
    }
}
