package dev.hypersearch.nn;

import java.util.List;

/**
 * A trained network reduced to what prediction needs: folded layers and the output function of its loss,
 * computed with the engine's own kernels, so its outputs are the trained network's in inference mode (up to
 * the rounding of the batch-norm fold). Immutable and thread-safe: every call allocates its own buffers.
 */
public final class InferenceNetwork {

    private final List<FoldedLayer> layers;
    private final Loss loss;

    public InferenceNetwork(List<FoldedLayer> layers, Loss loss) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network has at least its output layer");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).fanIn() != layers.get(l - 1).fanOut()) {
                throw new IllegalArgumentException("layer " + l + " takes " + layers.get(l).fanIn() + " inputs, the"
                        + " layer before gives " + layers.get(l - 1).fanOut());
            }
        }
        this.layers = List.copyOf(layers);
        this.loss = loss;
    }

    /** The trained network's layers and loss. */
    public static InferenceNetwork of(Network network) {
        return new InferenceNetwork(network.foldedLayers(), network.config().loss());
    }

    public List<FoldedLayer> layers() {
        return layers;
    }

    public Loss loss() {
        return loss;
    }

    public int inputs() {
        return layers.get(0).fanIn();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).fanOut();
    }

    /**
     * Outputs of {@code rows} examples (x row-major, rows x inputs): probabilities (softmax), the positive
     * class's probability (sigmoid, one column) or values (MSE), rows x outputs.
     */
    public double[] predict(double[] x, int rows) {
        if (x.length != rows * inputs()) {
            throw new IllegalArgumentException("expected " + rows + " x " + inputs() + " inputs, had " + x.length);
        }
        double[] in = x;
        double[] z = null;
        for (FoldedLayer layer : layers) {
            z = new double[rows * layer.fanOut()];
            affine(in, rows, layer, z);
            boolean output = layer == layers.get(layers.size() - 1);
            if (!output) {
                double[] a = new double[z.length];
                ActivationKernels.forward(layer.activation(), ScalarTranscendentals.INSTANCE, z, a, rows, layer.fanOut(),
                        layer.leakySlope(),
                        layer.eluAlpha(), layer.slopes());
                in = a;
            }
        }
        double[] out = new double[z.length];
        LossKernels.forward(loss, ScalarTranscendentals.INSTANCE, z, out, null, rows, outputs());
        return out;
    }

    private static void affine(double[] in, int rows, FoldedLayer layer, double[] z) {
        int k = layer.fanIn();
        int m = layer.fanOut();
        double[] w = layer.weights();
        double[] b = layer.bias();
        for (int r = 0; r < rows; r++) {
            int zo = r * m;
            System.arraycopy(b, 0, z, zo, m);
            int io = r * k;
            for (int i = 0; i < k; i++) {
                double v = in[io + i];
                if (v != 0) {
                    int wo = i * m;
                    for (int j = 0; j < m; j++) {
                        z[zo + j] += v * w[wo + j];
                    }
                }
            }
        }
    }
}
