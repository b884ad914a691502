package dev.hypersearch.nn;

/**
 * Output function + loss, chosen together so the gradient w.r.t. the logits is simply
 * (output - target) scaled, and the loss can be computed stably from the logits.
 * Every loss is a mean over the examples of the batch.
 */
public enum Loss {
    /** Softmax outputs, cross-entropy against one-hot targets (n x C, C >= 2). */
    SOFTMAX_CROSS_ENTROPY,
    /** One sigmoid output, binary cross-entropy against 0/1 targets (n x 1): 2-class problems. */
    SIGMOID_BINARY_CROSS_ENTROPY,
    /** Identity outputs, squared error averaged over examples and outputs (sklearn's MSE). */
    MSE;

    /** Whether accuracy is defined (classification) for this loss. */
    public boolean isClassification() {
        return this != MSE;
    }

    /** The default loss for a classification problem: sigmoid for 2 classes, softmax above. */
    public static Loss forClasses(int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be >= 2, was " + numClasses);
        }
        return numClasses == 2 ? SIGMOID_BINARY_CROSS_ENTROPY : SOFTMAX_CROSS_ENTROPY;
    }

    /** Network output width for a classification problem under this loss. */
    public int outputSizeFor(int numClasses) {
        return switch (this) {
            case SOFTMAX_CROSS_ENTROPY -> numClasses;
            case SIGMOID_BINARY_CROSS_ENTROPY -> {
                if (numClasses != 2) {
                    throw new IllegalArgumentException("sigmoid binary cross-entropy needs exactly 2 classes, was "
                            + numClasses);
                }
                yield 1;
            }
            case MSE -> throw new IllegalArgumentException("MSE is a regression loss");
        };
    }
}
