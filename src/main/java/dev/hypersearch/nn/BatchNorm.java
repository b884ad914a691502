package dev.hypersearch.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Batch normalization of a layer's pre-activations, per unit (column): in training
 * y = gamma * (z - batch mean) / sqrt(batch var + eps) + beta, and the running averages move
 * toward the batch statistics; in inference the running averages replace the batch's, so an
 * example's output does not depend on the rest of its batch.
 */
final class BatchNorm {

    static final double EPS = 1e-5;
    static final double MOMENTUM = 0.9;

    final int units;
    final Parameter gamma;
    final Parameter beta;
    final double[] runningMean;
    final double[] runningVar;
    // per-column scratch (independent of batch size): the last training batch's statistics
    private final double[] mean;
    private final double[] invStd;
    // inference scratch, kept apart so an evaluation between forward and backward is harmless
    private final double[] scale;
    private final double[] shift;
    // backward scratch: gamma * invStd per unit
    private final double[] gradScale;

    BatchNorm(String prefix, int units) {
        this.units = units;
        DMatrixRMaj g = new DMatrixRMaj(1, units);
        g.fill(1.0);
        this.gamma = new Parameter(prefix + ".gamma", g, false);
        this.beta = new Parameter(prefix + ".beta", new DMatrixRMaj(1, units), false);
        this.runningMean = new double[units];
        this.runningVar = new double[units];
        java.util.Arrays.fill(runningVar, 1.0);
        this.mean = new double[units];
        this.invStd = new double[units];
        this.scale = new double[units];
        this.shift = new double[units];
        this.gradScale = new double[units];
    }

    /**
     * Training: z (rows x units) is replaced by gamma*xhat + beta (xhat is kept for backward), then a = f(z), with
     * the transform and the activation in one pass (below, alpha, slopes: the activation's, see
     * {@link Transcendentals#normalizeActivation}).
     */
    void forwardTraining(Transcendentals t, Activation f, double[] z, double[] xhat, double[] a, int rows,
            double below, double alpha, double[] slopes) {
        batchStatistics(t.rows(), z, rows);
        t.normalizeActivation(f, z, xhat, a, rows, units, mean, invStd, gamma.value().data, beta.value().data, below,
                alpha, slopes);
    }

    /** The batch's mean and 1 / standard deviation per unit, and the running averages' step. */
    private void batchStatistics(RowKernels k, double[] z, int rows) {
        int c = units;
        k.columnSums(z, rows, c, mean);
        double invN = 1.0 / rows;
        for (int j = 0; j < c; j++) {
            mean[j] *= invN;
        }
        double[] var = invStd; // the sums of squares, converted in place below
        k.squaredDeviations(z, rows, c, mean, var);
        // running variance uses the unbiased estimate (as PyTorch does); a batch of 1 has none
        double unbias = rows > 1 ? (double) rows / (rows - 1) : 1.0;
        for (int j = 0; j < c; j++) {
            double v = var[j] * invN;
            runningMean[j] = MOMENTUM * runningMean[j] + (1 - MOMENTUM) * mean[j];
            runningVar[j] = MOMENTUM * runningVar[j] + (1 - MOMENTUM) * v * unbias;
            invStd[j] = 1.0 / Math.sqrt(v + EPS);
        }
    }

    /** The inference transform z*scale + shift, written into the two arrays (one entry per unit). */
    void inferenceTransform(double[] scaleOut, double[] shiftOut) {
        double[] g = gamma.value().data;
        double[] b = beta.value().data;
        for (int j = 0; j < units; j++) {
            scaleOut[j] = g[j] / Math.sqrt(runningVar[j] + EPS);
            shiftOut[j] = b[j] - runningMean[j] * scaleOut[j];
        }
    }

    /** Inference: z = z*scale + shift with scale/shift folded from running stats, gamma, beta. */
    void forwardInference(RowKernels k, double[] z, int rows) {
        inferenceTransform(scale, shift);
        k.scaleShift(z, rows, units, scale, shift);
    }

    /**
     * d holds dL/dy on entry and dL/dz on exit, once beta's and gamma's gradients hold the sums of dy and dy * xhat (a
     * fused kernel formed them in the pass that also applied the activation's derivative). Uses the standard closed
     * form dz = gamma*invStd/n * (n*dy - sum(dy) - xhat*sum(dy*xhat)), as
     * (dy - (sum(dy)/n + xhat*sum(dy*xhat)/n)) * gamma*invStd.
     */
    void backwardFromSums(RowKernels k, double[] d, double[] xhat, int rows) {
        int c = units;
        double[] dGamma = gamma.gradient().data;
        double[] dBeta = beta.gradient().data;
        double[] g = gamma.value().data;
        double invN = 1.0 / rows;
        // scale and shift are inference scratch, free during a backward pass
        for (int j = 0; j < c; j++) {
            scale[j] = invN * dBeta[j];
            shift[j] = invN * dGamma[j];
            gradScale[j] = g[j] * invStd[j];
        }
        k.centerScale(d, xhat, rows, c, scale, shift, gradScale);
    }
}
