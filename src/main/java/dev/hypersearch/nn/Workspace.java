package dev.hypersearch.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Every buffer one forward/backward pass over a batch of {@code rows} examples needs, allocated
 * once: the hot loop only fills these. Index l is layer l; {@code z} holds the activation's input
 * (after bias or batch norm), {@code a} its output, {@code d} first dL/dA then dL/dZ in place.
 */
final class Workspace {

    final int rows;
    /** Gather target for a batch's features and targets. */
    final DMatrixRMaj input;
    final DMatrixRMaj targets;
    final DMatrixRMaj[] z;
    final DMatrixRMaj[] a;
    final DMatrixRMaj[] d;
    /** Normalized pre-activations of batch-norm layers (null elsewhere). */
    final DMatrixRMaj[] xhat;
    /** dL/dX, only allocated when asked for (training never needs it). */
    DMatrixRMaj inputGradient;

    Workspace(int rows, DenseLayer[] layers) {
        this.rows = rows;
        int l = layers.length;
        this.input = new DMatrixRMaj(rows, layers[0].fanIn);
        this.targets = new DMatrixRMaj(rows, layers[l - 1].fanOut);
        this.z = new DMatrixRMaj[l];
        this.a = new DMatrixRMaj[l];
        this.d = new DMatrixRMaj[l];
        this.xhat = new DMatrixRMaj[l];
        for (int i = 0; i < l; i++) {
            int out = layers[i].fanOut;
            z[i] = new DMatrixRMaj(rows, out);
            a[i] = new DMatrixRMaj(rows, out);
            d[i] = new DMatrixRMaj(rows, out);
            xhat[i] = layers[i].batchNorm != null ? new DMatrixRMaj(rows, out) : null;
        }
    }

    DMatrixRMaj inputGradient() {
        if (inputGradient == null) {
            inputGradient = new DMatrixRMaj(rows, input.numCols);
        }
        return inputGradient;
    }
}
