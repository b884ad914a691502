package dev.hypersearch.nn;

/** Patience counter on validation loss: stop after {@code patience} epochs without a new best. */
final class EarlyStopping {

    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int sinceBest;

    /** @param patience 0 disables stopping */
    EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Records one epoch's validation loss; true when training should stop. */
    boolean shouldStop(double validationLoss) {
        if (validationLoss < best) {
            best = validationLoss;
            sinceBest = 0;
            return false;
        }
        sinceBest++;
        return patience > 0 && sinceBest >= patience;
    }
}
