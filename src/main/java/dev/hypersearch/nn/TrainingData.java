package dev.hypersearch.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Examples as rows: features n x d, targets n x k (k = the network's output size).
 * The matrices are used as given (not copied); do not mutate them while training.
 */
public record TrainingData(DMatrixRMaj features, DMatrixRMaj targets) {

    public TrainingData {
        if (features == null) {
            throw new IllegalArgumentException("features must not be null");
        }
        if (targets == null) {
            throw new IllegalArgumentException("targets must not be null");
        }
        if (features.numRows != targets.numRows) {
            throw new IllegalArgumentException("features and targets must have the same number of rows, were "
                    + features.numRows + " and " + targets.numRows);
        }
    }

    /**
     * Class labels in [0, numClasses) encoded for {@link Loss#forClasses(int)}: for 2 classes an
     * n x 1 column of 0/1 (label 1 = positive) for {@link Loss#SIGMOID_BINARY_CROSS_ENTROPY};
     * for more classes one-hot n x numClasses for {@link Loss#SOFTMAX_CROSS_ENTROPY}.
     */
    public static TrainingData classification(DMatrixRMaj x, int[] labels, int numClasses) {
        return classification(x, labels, numClasses, Loss.forClasses(numClasses));
    }

    /** As above with the loss explicit, e.g. softmax over 2 classes (one-hot n x 2). */
    public static TrainingData classification(DMatrixRMaj x, int[] labels, int numClasses, Loss loss) {
        if (x == null || labels == null) {
            throw new IllegalArgumentException("features and labels must not be null");
        }
        if (labels.length != x.numRows) {
            throw new IllegalArgumentException("labels must have one entry per row, were " + labels.length
                    + " for " + x.numRows + " rows");
        }
        int k = loss.outputSizeFor(numClasses);
        DMatrixRMaj t = new DMatrixRMaj(x.numRows, k);
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y < 0 || y >= numClasses) {
                throw new IllegalArgumentException("labels must be in [0, " + numClasses + "), was " + y
                        + " at row " + i);
            }
            if (k == 1) {
                t.data[i] = y;
            } else {
                t.data[i * k + y] = 1.0;
            }
        }
        return new TrainingData(x, t);
    }

    /** Real-valued targets n x k for {@link Loss#MSE}. */
    public static TrainingData regression(DMatrixRMaj x, DMatrixRMaj y) {
        return new TrainingData(x, y);
    }

    public int size() {
        return features.numRows;
    }
}
