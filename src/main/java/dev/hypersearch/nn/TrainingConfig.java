package dev.hypersearch.nn;

/**
 * How to train: epochs, mini-batch size, optimizer, L2 strength and seed.
 *
 * @param l2                    weight decay: the optimized objective adds 0.5*l2*sum(W^2) over
 *                              weight matrices only (not biases, BN gamma/beta, PReLU slopes)
 * @param seed                  drives initialization and every epoch's shuffle: same config and
 *                              seed give a bit-identical curve
 * @param earlyStoppingPatience stop after this many epochs without a new best validation loss;
 *                              0 disables early stopping
 */
public record TrainingConfig(int epochs, int batchSize, OptimizerConfig optimizer, double l2, long seed,
        int earlyStoppingPatience) {

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
    }
}
