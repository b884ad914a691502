package dev.hypersearch.nn;

/**
 * How to train: epochs, mini-batch size, optimizer, L2 strength, seed and the matrix products' precision.
 *
 * @param l2                    weight decay: the optimized objective adds 0.5*l2*sum(W^2) over
 *                              weight matrices only (not biases, BN gamma/beta, PReLU slopes)
 * @param seed                  drives initialization and every epoch's shuffle: same config and
 *                              seed give a bit-identical curve
 * @param earlyStoppingPatience stop after this many epochs without a new best validation loss;
 *                              0 disables early stopping
 * @param precision             the arithmetic of the matrix products (see {@link Precision}); gradient checks and
 *                              everything element-wise are float64 either way
 */
public record TrainingConfig(int epochs, int batchSize, OptimizerConfig optimizer, double l2, long seed,
        int earlyStoppingPatience, Precision precision) {

    /** Float64 throughout. */
    public TrainingConfig(int epochs, int batchSize, OptimizerConfig optimizer, double l2, long seed,
            int earlyStoppingPatience) {
        this(epochs, batchSize, optimizer, l2, seed, earlyStoppingPatience, Precision.FLOAT64);
    }

    public TrainingConfig {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be > 0, was " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, was " + batchSize);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        if (!Double.isFinite(l2) || l2 < 0) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, was " + l2);
        }
        if (earlyStoppingPatience < 0) {
            throw new IllegalArgumentException("earlyStoppingPatience must be >= 0 (0 = off), was "
                    + earlyStoppingPatience);
        }
        if (precision == null) {
            throw new IllegalArgumentException("precision must not be null");
        }
    }
}
