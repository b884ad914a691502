package dev.hypersearch.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains a fresh network with mini-batch gradient descent. Stateless apart from the Gemm, so one
 * Trainer can serve several threads if its Gemm can.
 *
 * <p>Reproducibility: a {@link SplittableRandom} seeded with the config seed is split into one
 * stream for initialization and one for the per-epoch shuffles, so the same config and seed
 * give a bit-identical curve (timing aside).
 */
public final class Trainer {

    private final Gemm gemm;

    public Trainer(Gemm gemm) {
        this.gemm = Objects.requireNonNull(gemm, "gemm");
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
        Objects.requireNonNull(networkConfig, "networkConfig");
        Objects.requireNonNull(training, "training");
        checkData("train", train, networkConfig);
        checkData("validation", validation, networkConfig);
        EpochListener onEpoch = listener == null ? EpochListener.NONE : listener;
        BooleanSupplier isCancelled = cancelled == null ? () -> false : cancelled;

        long start = System.nanoTime();
        SplittableRandom root = new SplittableRandom(training.seed());
        SplittableRandom initRng = root.split();
        SplittableRandom shuffleRng = root.split();
        Network net = Network.create(networkConfig, gemm, initRng);
        Optimizer optimizer = Optimizer.create(training.optimizer(), net.parameters());
        double l2 = training.l2();

        int n = train.size();
        int d = networkConfig.inputSize();
        int k = networkConfig.outputSize();
        int batch = Math.min(training.batchSize(), n);
        int batches = (n + batch - 1) / batch;
        int lastRows = n - (batches - 1) * batch;
        // both workspaces fetched once: the batch loop below allocates nothing
        Workspace full = net.workspace(batch);
        Workspace partial = lastRows == batch ? full : net.workspace(lastRows);
        double[] xs = train.features().data;
        double[] ts = train.targets().data;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }

        List<EpochMetrics> curve = new ArrayList<>();
        EarlyStopping stopping = new EarlyStopping(training.earlyStoppingPatience());
        for (int epoch = 1; epoch <= training.epochs(); epoch++) {
            shuffle(order, shuffleRng);
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                if (isCancelled.getAsBoolean()) {
                    return result(TrainingResult.Outcome.CANCELLED, curve,
                            "cancelled at epoch " + epoch + ", batch " + (b + 1), net);
                }
                Workspace ws = b == batches - 1 ? partial : full;
                int rows = ws.rows;
                gather(order, b * batch, rows, xs, d, ws.input.data);
                gather(order, b * batch, rows, ts, k, ws.targets.data);
                double loss = net.forward(ws, ws.input, ws.targets, true);
                if (!Double.isFinite(loss)) {
                    return result(TrainingResult.Outcome.DIVERGED, curve,
                            "diverged: training loss " + loss + " at epoch " + epoch + ", batch " + (b + 1)
                                    + " of " + batches, net);
                }
                lossSum += loss * rows;
                net.backward(ws.targets, l2, false);
                optimizer.step();
            }
            double trainLoss = lossSum / n;
            Evaluation val = net.evaluate(validation);
            if (!Double.isFinite(trainLoss) || !Double.isFinite(val.loss())) {
                return result(TrainingResult.Outcome.DIVERGED, curve, "diverged: after epoch " + epoch
                        + " train loss " + trainLoss + ", validation loss " + val.loss(), net);
            }
            EpochMetrics m = new EpochMetrics(epoch, trainLoss, val.loss(), val.accuracy(),
                    System.nanoTime() - start);
            curve.add(m);
            if (!onEpoch.onEpoch(m)) {
                return result(TrainingResult.Outcome.STOPPED, curve, "stopped by listener after epoch " + epoch, net);
            }
            if (stopping.shouldStop(val.loss())) {
                return result(TrainingResult.Outcome.EARLY_STOPPED, curve, "early stopping: no validation loss "
                        + "improvement for " + training.earlyStoppingPatience() + " epochs", net);
            }
        }
        return result(TrainingResult.Outcome.COMPLETED, curve, "completed " + training.epochs() + " epochs", net);
    }

    /** Fisher-Yates, drawing only from the given stream. */
    private static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Copies rows order[from .. from+rows) of src (width cols) into dst, contiguous. */
    private static void gather(int[] order, int from, int rows, double[] src, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, order[from + r] * cols, dst, r * cols, cols);
        }
    }

    private static TrainingResult result(TrainingResult.Outcome outcome, List<EpochMetrics> curve, String message,
            Network net) {
        int best = 0;
        double bestLoss = Double.NaN;
        for (EpochMetrics m : curve) {
            if (best == 0 || m.validationLoss() < bestLoss) {
                best = m.epoch();
                bestLoss = m.validationLoss();
            }
        }
        return new TrainingResult(outcome, curve, best, bestLoss, message, net);
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
