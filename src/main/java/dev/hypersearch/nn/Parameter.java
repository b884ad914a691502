package dev.hypersearch.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A trainable tensor and its gradient (same shape). {@code decayed} marks weight matrices, the
 * only parameters L2 applies to. Optimizers keep their own per-parameter state.
 */
public final class Parameter {

    private final String name;
    private final DMatrixRMaj value;
    private final DMatrixRMaj gradient;
    private final boolean decayed;

    Parameter(String name, DMatrixRMaj value, boolean decayed) {
        this.name = name;
        this.value = value;
        this.gradient = new DMatrixRMaj(value.numRows, value.numCols);
        this.decayed = decayed;
    }

    /** E.g. {@code layer0.W}, {@code layer1.gamma}. */
    public String name() {
        return name;
    }

    /** The live values (mutating them changes the network). */
    public DMatrixRMaj value() {
        return value;
    }

    /** Gradient of the last backward pass (data loss plus L2 term for decayed parameters). */
    public DMatrixRMaj gradient() {
        return gradient;
    }

    public boolean decayed() {
        return decayed;
    }

    @Override
    public String toString() {
        return name + "[" + value.numRows + "x" + value.numCols + "]";
    }
}
