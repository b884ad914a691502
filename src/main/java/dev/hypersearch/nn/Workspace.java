package dev.hypersearch.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Every buffer one forward/backward pass over a batch of {@code rows} examples needs, allocated
 * once: the hot loop only fills these. Index l is layer l; {@code z} holds the activation's input
 * (after bias or batch norm), {@code a} its output, {@code d} first dL/dA then dL/dZ in place.
 *
 * <p>An inference workspace ({@link #forInference}) has no gradients, and its hidden layers' activations overwrite
 * their pre-activations ({@code a[l] == z[l]}): a third of the memory, which a trial's network allocates (and the
 * JVM zeroes) once per trial, and which was a tenth of a small net's trial. It is sized for its first chunk and
 * serves smaller ones through {@link #useRows}, so evaluating 256 rows and then the last 104 allocates once.
 */
final class Workspace {

    /** Rows of the batch in use: every matrix has this many rows (at most its capacity). */
    int rows;
    private final int capacity;
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
        this(rows, layers, true);
    }

    private Workspace(int rows, DenseLayer[] layers, boolean training) {
        this.rows = rows;
        this.capacity = rows;
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
            if (training) {
                a[i] = new DMatrixRMaj(rows, out);
                d[i] = new DMatrixRMaj(rows, out);
                xhat[i] = layers[i].batchNorm != null ? new DMatrixRMaj(rows, out) : null;
            } else {
                // the output layer's probabilities are computed from its logits, which the loss reads again
                a[i] = layers[i].output ? new DMatrixRMaj(rows, out) : z[i];
            }
        }
    }

    /** Buffers for forward passes in inference mode over at most {@code rows} examples. */
    static Workspace forInference(int rows, DenseLayer[] layers) {
        return new Workspace(rows, layers, false);
    }

    /** Whether batches of {@code rows} fit. */
    boolean fits(int rows) {
        return rows <= capacity;
    }

    /** Makes every matrix {@code rows} high (at most the capacity: the arrays stay), for a smaller last chunk. */
    Workspace useRows(int rows) {
        if (rows > capacity) {
            throw new IllegalArgumentException(rows + " rows do not fit in " + capacity);
        }
        if (rows != this.rows) { // no array literals to loop over: evaluate calls this every epoch
            this.rows = rows;
            reshape(input, rows);
            reshape(targets, rows);
            reshape(inputGradient, rows);
            for (int l = 0; l < z.length; l++) {
                reshape(z[l], rows);
                reshape(a[l], rows);
                reshape(d[l], rows);
                reshape(xhat[l], rows);
            }
        }
        return this;
    }

    private static void reshape(DMatrixRMaj m, int rows) {
        if (m != null) {
            m.reshape(rows, m.numCols, false);
        }
    }

    DMatrixRMaj inputGradient() {
        if (inputGradient == null) {
            inputGradient = new DMatrixRMaj(rows, input.numCols);
        }
        return inputGradient;
    }
}
