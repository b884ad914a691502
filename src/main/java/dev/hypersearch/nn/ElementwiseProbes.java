package dev.hypersearch.nn;

/**
 * Calls every activation's kernels as training and inference run them (fused with the bias, with batch norm's
 * transform, and with the sums of dZ; {@link HiddenActivation}) and every loss's forward, gradient and count of
 * correct rows directly, on a small batch, for {@link KernelWarmup}: a warm-up net calls one activation's kernels about 40 times
 * a round, and C2 wants hundreds of calls (thousands while its queue is long, on a busy machine) before it compiles
 * them; a pass here costs a few microseconds once they are compiled. The width is odd, so that the vector loops'
 * tails run too, and the values are reset before every backward, so that repeated passes never shrink them into
 * subnormal numbers.
 */
final class ElementwiseProbes {

    static final int ROWS = 16;
    static final int COLS = 21;
    static final int CLASSES = 10;

    private final Transcendentals t;
    private final double[] z = new double[ROWS * COLS];
    private final double[] a = new double[ROWS * COLS];
    private final double[] d = new double[ROWS * COLS];
    private final double[] d0 = new double[ROWS * COLS];
    private final double[] slopes = new double[COLS];
    private final double[] slopeGrad = new double[COLS];
    private final double[] xhat = new double[ROWS * COLS];
    private final double[] zeros = new double[COLS];
    private final double[] ones = new double[COLS];
    private final double[] sums = new double[COLS];
    private final double[] dots = new double[COLS];
    private final double[] logits = new double[ROWS * CLASSES];
    private final double[] out = new double[ROWS * CLASSES];
    private final double[] dz = new double[ROWS * CLASSES];
    private final double[] oneHot = new double[ROWS * CLASSES];
    private final double[] binary = new double[ROWS];

    ElementwiseProbes(Transcendentals t) {
        this.t = t;
        for (int i = 0; i < z.length; i++) {
            z[i] = ((i * 37) % 41 - 20) / 5.0;
            d0[i] = ((i * 13) % 17 - 8) / 8.0;
        }
        java.util.Arrays.fill(slopes, NetworkConfig.DEFAULT_LEAKY_SLOPE);
        java.util.Arrays.fill(ones, 1.0);
        for (int r = 0; r < ROWS; r++) {
            oneHot[r * CLASSES + r % CLASSES] = 1;
            binary[r] = r % 2;
            for (int c = 0; c < CLASSES; c++) {
                logits[r * CLASSES + c] = ((r * 7 + c * 3) % 11 - 5) / 2.0;
            }
        }
    }

    /** One call of each kernel. */
    void run() {
        double below = NetworkConfig.DEFAULT_LEAKY_SLOPE;
        double alpha = NetworkConfig.DEFAULT_ELU_ALPHA;
        for (Activation f : Activation.values()) {
            // the passes a trial makes: inference's activation, a hidden layer's bias + activation, batch norm's
            // transform + activation (zero bias, identity transform: z keeps its values), and the derivative with
            // the bias sums, then with batch norm's sums and dots
            ActivationKernels.forward(f, t, z, a, ROWS, COLS, below, alpha, slopes);
            HiddenActivation.forwardWithBias(t, f, z, a, ROWS, COLS, zeros, below, alpha, slopes);
            t.normalizeActivation(f, z, xhat, a, ROWS, COLS, zeros, ones, ones, zeros, below, alpha, slopes);
            for (double[] x : new double[][] {null, xhat}) {
                System.arraycopy(d0, 0, d, 0, d.length);
                HiddenActivation.backwardSums(t.rows(), f, z, a, d, x, ROWS, COLS, below, alpha, slopes, slopeGrad,
                        sums, dots);
            }
        }
        for (Loss loss : Loss.values()) {
            int cols = loss == Loss.SOFTMAX_CROSS_ENTROPY ? CLASSES : 1;
            double[] target = loss == Loss.SOFTMAX_CROSS_ENTROPY ? oneHot : binary;
            LossKernels.forward(loss, t, logits, out, target, ROWS, cols);
            LossKernels.gradient(loss, out, target, dz, ROWS, cols);
            if (loss != Loss.MSE) {
                LossKernels.correct(loss, out, target, ROWS, cols);
            }
        }
    }
}
