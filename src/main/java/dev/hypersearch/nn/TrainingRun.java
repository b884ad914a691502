package dev.hypersearch.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One training run advanced an epoch at a time, so a caller can drive several runs in lockstep (the k
 * models of a cross-validated trial, whose mean curve a pruner reads epoch by epoch) or look at the
 * initial network before the first update. {@link Trainer#train} is this loop plus a listener.
 *
 * <p>Not thread-safe; one run owns its network and buffers.
 */
public final class TrainingRun {

    private final TrainingConfig training;
    private final TrainingData train;
    private final TrainingData validation;
    private final BooleanSupplier cancelled;
    private final Network net;
    private final Optimizer optimizer;
    private final SplittableRandom shuffleRng;
    private final EarlyStopping stopping;
    private final int[] order;
    private final int batch;
    private final int batches;
    private final Workspace full;
    private final Workspace partial;
    private final long start;
    private final List<EpochMetrics> curve = new ArrayList<>();
    private TrainingResult.Outcome outcome;
    private String message;

    TrainingRun(NetworkConfig networkConfig, TrainingConfig training, TrainingData train, TrainingData validation,
            GemmSource gemms, BooleanSupplier cancelled) {
        this.start = System.nanoTime();
        this.training = training;
        this.train = train;
        this.validation = validation;
        this.cancelled = cancelled == null ? () -> false : cancelled;
        // Same split order as ever: initialization stream first, then the shuffle stream.
        SplittableRandom root = new SplittableRandom(training.seed());
        SplittableRandom initRng = root.split();
        this.shuffleRng = root.split();
        Gemm gemm = gemms.gemm(training.precision());
        this.net = Network.create(networkConfig, gemm, initRng);
        // L2 joins the weight gradients in the optimizer's pass (backward below leaves it out); a float32 run keeps
        // Adam's moments in float32 where the vector kernels run (the update is memory-bound)
        this.optimizer = Optimizer.create(training.optimizer(), net.parameters(), training.l2(),
                training.precision() == Precision.FLOAT32 ? gemm.transcendentals().float32Adam() : null);
        this.stopping = new EarlyStopping(training.earlyStoppingPatience());
        int n = train.size();
        this.batch = Math.min(training.batchSize(), n);
        this.batches = (n + batch - 1) / batch;
        int lastRows = n - (batches - 1) * batch;
        // both workspaces fetched once: the batch loop allocates nothing
        this.full = net.workspace(batch);
        this.partial = lastRows == batch ? full : net.workspace(lastRows);
        this.order = identity(n);
    }

    /**
     * 0, 1, ..., n - 1. A loop of its own rather than in the constructor: its back-edges (rows x trials) would make
     * C2 compile the whole constructor, with the network's creation inlined (1.5 s of compiler CPU during a search,
     * JFR), for code that runs once a trial.
     */
    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** The live network: before the first epoch, the initial weights. */
    public Network network() {
        return net;
    }

    /** Epochs finished so far. */
    public int epochsDone() {
        return curve.size();
    }

    public boolean isFinished() {
        return outcome != null;
    }

    /**
     * Trains one epoch and evaluates the validation set. Returns its metrics, or null when the run ended
     * during the epoch (cancelled or diverged). After the last epoch, or when early stopping fires, the
     * run is finished but the metrics are still returned.
     */
    public EpochMetrics runEpoch() {
        if (isFinished()) {
            throw new IllegalStateException("the run has ended: " + message);
        }
        int epoch = curve.size() + 1;
        int n = train.size();
        int d = net.config().inputSize();
        int k = net.config().outputSize();
        double[] xs = train.features().data;
        double[] ts = train.targets().data;
        Trainer.shuffle(order, shuffleRng);
        double lossSum = 0;
        for (int b = 0; b < batches; b++) {
            if (cancelled.getAsBoolean()) {
                end(TrainingResult.Outcome.CANCELLED, "cancelled at epoch " + epoch + ", batch " + (b + 1));
                return null;
            }
            Workspace ws = b == batches - 1 ? partial : full;
            int rows = ws.rows;
            Trainer.gather(order, b * batch, rows, xs, d, ws.input.data);
            Trainer.gather(order, b * batch, rows, ts, k, ws.targets.data);
            double loss = net.forward(ws, ws.input, ws.targets, true);
            if (!Double.isFinite(loss)) {
                end(TrainingResult.Outcome.DIVERGED, "diverged: training loss " + loss + " at epoch " + epoch
                        + ", batch " + (b + 1) + " of " + batches);
                return null;
            }
            lossSum += loss * rows;
            net.backward(ws.targets, 0.0, false);
            optimizer.step();
        }
        double trainLoss = lossSum / n;
        Evaluation val = net.evaluate(validation);
        if (!Double.isFinite(trainLoss) || !Double.isFinite(val.loss())) {
            end(TrainingResult.Outcome.DIVERGED, "diverged: after epoch " + epoch + " train loss " + trainLoss
                    + ", validation loss " + val.loss());
            return null;
        }
        EpochMetrics m = new EpochMetrics(epoch, trainLoss, val.loss(), val.accuracy(), System.nanoTime() - start);
        curve.add(m);
        if (stopping.shouldStop(val.loss())) {
            end(TrainingResult.Outcome.EARLY_STOPPED, "early stopping: no validation loss improvement for "
                    + training.earlyStoppingPatience() + " epochs");
        } else if (epoch == training.epochs()) {
            end(TrainingResult.Outcome.COMPLETED, "completed " + training.epochs() + " epochs");
        }
        return m;
    }

    /**
     * Ends the run as STOPPED (a listener or pruner said so). Allowed after an epoch that returned metrics,
     * even the last one: the caller's verdict on that epoch wins over COMPLETED or EARLY_STOPPED.
     */
    public void stop(String reason) {
        if (outcome == TrainingResult.Outcome.CANCELLED || outcome == TrainingResult.Outcome.DIVERGED) {
            throw new IllegalStateException("the run has ended: " + message);
        }
        end(TrainingResult.Outcome.STOPPED, reason);
    }

    /** The result; only once the run is finished. */
    public TrainingResult result() {
        if (!isFinished()) {
            throw new IllegalStateException("the run is still going after " + curve.size() + " epochs");
        }
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

    private void end(TrainingResult.Outcome o, String why) {
        outcome = o;
        message = why;
    }
}
