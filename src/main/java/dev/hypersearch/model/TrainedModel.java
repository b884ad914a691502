package dev.hypersearch.model;

import dev.hypersearch.nn.InferenceNetwork;
import dev.hypersearch.nn.Loss;
import java.util.List;

/**
 * A refitted model: its preprocessing and its network, and for classification the class names in the order of
 * its probabilities (class index order; the sigmoid network's one output is the second class's probability).
 * Immutable and thread-safe.
 */
public final class TrainedModel {

    private final ModelInputs inputs;
    private final InferenceNetwork network;
    private final List<String> classes;

    public TrainedModel(ModelInputs inputs, InferenceNetwork network, List<String> classes) {
        if (inputs.width() != network.inputs()) {
            throw new IllegalArgumentException("the preprocessing gives " + inputs.width() + " inputs, the network"
                    + " takes " + network.inputs());
        }
        boolean classification = network.loss().isClassification();
        if (classification && (classes == null || classes.size() < 2)) {
            throw new IllegalArgumentException("a classifier needs its class names");
        }
        this.inputs = inputs;
        this.network = network;
        this.classes = classification ? List.copyOf(classes) : List.of();
    }

    public ModelInputs inputs() {
        return inputs;
    }

    public InferenceNetwork network() {
        return network;
    }

    public boolean classification() {
        return network.loss().isClassification();
    }

    /** Class names in probability order; empty for regression. */
    public List<String> classes() {
        return classes;
    }

    /**
     * Predicts every row: n x classes probabilities, or n x 1 values.
     *
     * @throws BadInputException at the first value the preprocessing refuses
     */
    public double[][] predict(List<RawRow> rows) {
        int n = rows.size();
        double[] x = inputs.encode(rows);
        double[] out = network.predict(x, n);
        int k = network.outputs();
        double[][] result = new double[n][];
        for (int i = 0; i < n; i++) {
            if (network.loss() == Loss.SIGMOID_BINARY_CROSS_ENTROPY) {
                double p = out[i];
                result[i] = new double[] {1.0 - p, p};
            } else {
                result[i] = java.util.Arrays.copyOfRange(out, i * k, (i + 1) * k);
            }
        }
        return result;
    }

    /** The first most probable class (as ONNX's ArgMax picks). */
    public static int argmax(double[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }
}
