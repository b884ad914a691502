package dev.hypersearch.nn;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * One fully connected layer: z = a_prev W (+ b | batch norm), a = f(z). W is fan_in x fan_out so
 * a batch (one row per example) goes through with a single GEMM. The output layer has no
 * activation here: its output function belongs to the loss.
 */
final class DenseLayer {

    static final double PRELU_INIT = 0.25;

    final int fanIn;
    final int fanOut;
    final boolean output;
    final Parameter weights;
    /** Null when batch norm is on: beta already shifts every unit. */
    final Parameter bias;
    final BatchNorm batchNorm;
    /** Null unless the activation is PRELU. */
    final Parameter slopes;
    final Activation activation;
    final double leakySlope;
    final double eluAlpha;

    DenseLayer(int index, int fanIn, int fanOut, boolean output, NetworkConfig config, RandomGenerator rng) {
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.output = output;
        String prefix = "layer" + index;
        DMatrixRMaj w = new DMatrixRMaj(fanIn, fanOut);
        config.initializer().fill(w, rng);
        this.weights = new Parameter(prefix + ".W", w, true);
        boolean bn = config.batchNorm() && !output;
        this.batchNorm = bn ? new BatchNorm(prefix, fanOut) : null;
        this.bias = bn ? null : new Parameter(prefix + ".b", new DMatrixRMaj(1, fanOut), false);
        this.activation = output ? Activation.LINEAR : config.activation();
        if (activation == Activation.PRELU) {
            DMatrixRMaj s = new DMatrixRMaj(1, fanOut);
            s.fill(PRELU_INIT);
            this.slopes = new Parameter(prefix + ".slope", s, false);
        } else {
            this.slopes = null;
        }
        this.leakySlope = config.leakySlope();
        this.eluAlpha = config.eluAlpha();
    }

    void addParametersTo(List<Parameter> out) {
        out.add(weights);
        if (bias != null) {
            out.add(bias);
        }
        if (batchNorm != null) {
            out.add(batchNorm.gamma);
            out.add(batchNorm.beta);
        }
        if (slopes != null) {
            out.add(slopes);
        }
    }

    /** {@code t}: the elementwise kernels that go with {@code gemm} (its {@link Gemm#transcendentals()}). */
    void forward(Gemm gemm, Transcendentals t, DMatrixRMaj in, Workspace ws, int l, boolean training) {
        DMatrixRMaj z = ws.z[l];
        int rows = ws.rows;
        gemm.mult(in, weights.value(), z);
        if (bias != null && !output) {
            // bias and activation in one pass over z (the same values as addRow, then the activation)
            HiddenActivation.forwardWithBias(t, activation, z.data, ws.a[l].data, rows, fanOut, bias.value().data,
                    leakySlope, eluAlpha, slopes == null ? null : slopes.value().data);
            return;
        }
        if (bias != null) {
            t.rows().addRow(z.data, rows, fanOut, bias.value().data);
        } else if (training) {
            // batch norm's transform and the activation in one pass over z
            batchNorm.forwardTraining(t, activation, z.data, ws.xhat[l].data, ws.a[l].data, rows, leakySlope,
                    eluAlpha, slopes == null ? null : slopes.value().data);
            return;
        } else {
            batchNorm.forwardInference(t.rows(), z.data, rows);
        }
        if (!output) {
            ActivationKernels.forward(activation, t, z.data, ws.a[l].data, rows, fanOut, leakySlope, eluAlpha,
                    slopes == null ? null : slopes.value().data);
        }
    }

    /**
     * On entry ws.d[l] holds dL/dA (hidden) or dL/dZ (output). Fills this layer's gradients and,
     * if {@code dIn} is not null, dL/d(in) = dZ W^T (skipped for the first layer in training).
     */
    void backward(Gemm gemm, RowKernels k, DMatrixRMaj in, Workspace ws, int l, DMatrixRMaj dIn, double l2) {
        DMatrixRMaj d = ws.d[l];
        int rows = ws.rows;
        // a hidden layer's activation derivative joins the pass that sums dZ (bias or batch norm): a pass fewer
        if (batchNorm != null) {
            fusedBackward(k, ws.z[l].data, ws.a[l].data, d.data, ws.xhat[l].data, rows,
                    batchNorm.beta.gradient().data, batchNorm.gamma.gradient().data);
            batchNorm.backwardFromSums(k, d.data, ws.xhat[l].data, rows);
        } else if (!output) {
            fusedBackward(k, ws.z[l].data, ws.a[l].data, d.data, null, rows, bias.gradient().data, null);
        }
        DMatrixRMaj dW = weights.gradient();
        gemm.multTransA(in, d, dW);
        if (l2 > 0) {
            RowOps.addScaled(dW.data, l2, weights.value().data, dW.getNumElements());
        }
        if (output) {
            k.columnSums(d.data, rows, fanOut, bias.gradient().data);
        }
        if (dIn != null) {
            gemm.multTransB(d, weights.value(), dIn);
        }
    }

    /** The activation's derivative in the pass that sums dZ ({@link HiddenActivation#backwardSums}). */
    private void fusedBackward(RowKernels k, double[] z, double[] a, double[] d, double[] x, int rows, double[] sums,
            double[] dots) {
        HiddenActivation.backwardSums(k, activation, z, a, d, x, rows, fanOut, leakySlope, eluAlpha,
                slopes == null ? null : slopes.value().data, slopes == null ? null : slopes.gradient().data, sums,
                dots);
    }

    /** This layer for inference: batch norm's z*scale + shift folded into W's columns and the bias. */
    FoldedLayer folded() {
        double[] w = weights.value().data.clone();
        double[] b;
        if (batchNorm == null) {
            b = bias.value().data.clone();
        } else {
            double[] scale = new double[fanOut];
            b = new double[fanOut];
            batchNorm.inferenceTransform(scale, b);
            for (int i = 0; i < fanIn; i++) {
                for (int j = 0; j < fanOut; j++) {
                    w[i * fanOut + j] *= scale[j];
                }
            }
        }
        return new FoldedLayer(fanIn, fanOut, w, b, activation, leakySlope, eluAlpha,
                slopes == null ? null : slopes.value().data.clone());
    }
}
