package dev.hypersearch.nn;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains a fresh network with mini-batch gradient descent, its products on the GEMM of the training config's
 * {@link Precision}. Stateless apart from the GEMMs, so one Trainer can serve several threads if they can.
 *
 * <p>Reproducibility: a {@link SplittableRandom} seeded with the config seed is split into one
 * stream for initialization and one for the per-epoch shuffles, so the same config and seed
 * give a bit-identical curve (timing aside).
 */
public final class Trainer {

    private final GemmSource gemms;

    /** @param gemms the GEMM for each precision ({@link Gemms#byPrecision()}, or one {@link Gemm} for all) */
    public Trainer(GemmSource gemms) {
        this.gemms = Objects.requireNonNull(gemms, "gemms");
    }

    /**
     * Runs up to {@code training.epochs()} epochs. Each epoch shuffles the rows, runs every
     * mini-batch (the last one may be smaller), evaluates the validation set in inference mode
     * and reports to the listener.
     *
     * @param listener  may be null; returning false stops training (STOPPED); its exceptions
     *                  propagate
     * @param cancelled may be null; polled before every batch (CANCELLED)
     */
    public TrainingResult train(NetworkConfig networkConfig, TrainingConfig training, TrainingData train,
            TrainingData validation, EpochListener listener, BooleanSupplier cancelled) {
        EpochListener onEpoch = listener == null ? EpochListener.NONE : listener;
        TrainingRun run = start(networkConfig, training, train, validation, cancelled);
        while (!run.isFinished()) {
            EpochMetrics m = run.runEpoch();
            if (m != null && !onEpoch.onEpoch(m)) {
                run.stop("stopped by listener after epoch " + m.epoch());
            }
        }
        return run.result();
    }

    /**
     * A fresh network ready to train epoch by epoch (see {@link TrainingRun}); same checks, seeds and
     * curve as {@link #train}, which is this run driven to the end.
     *
     * @param cancelled may be null; polled before every batch (CANCELLED)
     */
    public TrainingRun start(NetworkConfig networkConfig, TrainingConfig training, TrainingData train,
            TrainingData validation, BooleanSupplier cancelled) {
        Objects.requireNonNull(networkConfig, "networkConfig");
        Objects.requireNonNull(training, "training");
        checkData("train", train, networkConfig);
        checkData("validation", validation, networkConfig);
        return new TrainingRun(networkConfig, training, train, validation, gemms, cancelled);
    }

    /** Fisher-Yates, drawing only from the given stream. */
    static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Copies rows order[from .. from+rows) of src (width cols) into dst, contiguous. */
    static void gather(int[] order, int from, int rows, double[] src, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, order[from + r] * cols, dst, r * cols, cols);
        }
    }

    private static void checkData(String name, TrainingData data, NetworkConfig config) {
        if (data == null) {
            throw new IllegalArgumentException(name + " data must not be null");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException(name + " data must not be empty");
        }
        DMatrixRMaj x = data.features();
        DMatrixRMaj t = data.targets();
        if (x.numCols != config.inputSize()) {
            throw new IllegalArgumentException(name + " features must have inputSize=" + config.inputSize()
                    + " columns, had " + x.numCols);
        }
        if (t.numCols != config.outputSize()) {
            throw new IllegalArgumentException(name + " targets must have outputSize=" + config.outputSize()
                    + " columns, had " + t.numCols);
        }
    }
}
