package dev.hypersearch.nn;

/**
 * One dense layer as inference sees it: z = a W + b, then the activation (none on the output layer, whose
 * function belongs to the loss). Batch norm's inference transform (running statistics, gamma, beta) is folded
 * into W and b, so a network exports and predicts without it.
 *
 * @param weights    fanIn x fanOut, row-major
 * @param slopes     PReLU's learned slopes per unit, else null
 */
public record FoldedLayer(int fanIn, int fanOut, double[] weights, double[] bias, Activation activation,
                          double leakySlope, double eluAlpha, double[] slopes) {

    public FoldedLayer {
        if (weights.length != fanIn * fanOut || bias.length != fanOut) {
            throw new IllegalArgumentException("weights must be " + fanIn + "x" + fanOut + " and bias " + fanOut);
        }
        if ((activation == Activation.PRELU) != (slopes != null) || (slopes != null && slopes.length != fanOut)) {
            throw new IllegalArgumentException("PReLU needs one slope per unit, and only PReLU has slopes");
        }
    }
}
