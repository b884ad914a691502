package dev.hypersearch.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains small nets on a synthetic data set so that the JIT compiles the engine's hot kernels (the GEMM's three
 * products, every activation's forward and backward, the losses, batch norm, every optimizer) before the first
 * real trial needs them: a fresh JVM otherwise runs its first trial several times slower than the next ones.
 * The shapes are those a trial on a small table meets (64 inputs, hidden layers of 128 and 64 units, so that the
 * backward pass also multiplies into a hidden layer, batches of 64 and a smaller last batch). The row count changes
 * from one net to the next ({@value #ROWS} down to {@value #ROWS} - {@value #ROW_VARIANTS} + 1), so that the last
 * batch and the evaluated rows leave every remainder of the GEMM's row blocking: a real data set's last batch and
 * validation set do (digits' holdout: a last batch of 29 rows); with a single row count the kernels for those
 * remainder rows were first compiled during the first search, which ran them interpreted meanwhile (JFR: boxed
 * vectors allocated in {@code k2x3}, {@code k1x1}, {@code k1x2} on the worker thread). It runs round after
 * round over all configurations until a round is no faster than the one before (the JIT has nothing left to
 * compile for them), at least {@link #MIN_ROUNDS} and at most {@link #MAX_ROUNDS}, or until the time budget is
 * spent, whichever comes first; the budget is checked before every mini-batch. The budget counts this thread's CPU
 * time (where the JVM measures it), capped at {@value #WALL_CAP} times the budget in wall-clock time: on a busy
 * machine a wall-clock budget ran out before one round, with the kernels still cold. Configurations alternate between
 * the two {@link Precision precisions} (and swap them every round), so both GEMMs are compiled.
 */
public final class KernelWarmup {

    static final int MIN_ROUNDS = 2;
    static final int MAX_ROUNDS = 8;
    /** A round at least this share of the previous one's time is no faster: the warm-up is done. */
    static final double SETTLED = 0.9;
    static final int ROWS = 400;
    /** Row counts used in turn: last batches of 16 down to 9 rows, every remainder of 8, 6 and 4. */
    static final int ROW_VARIANTS = 8;
    static final int FEATURES = 64;
    static final int CLASSES = 10;
    static final int HIDDEN = 128;
    static final int BATCH = 64;
    /** The warm-up's wall-clock time is at most this many budgets, however little CPU time it was given. */
    static final int WALL_CAP = 4;

    private final GemmSource gemms;

    /** @param gemms the GEMM for each training precision */
    public KernelWarmup(GemmSource gemms) {
        this.gemms = gemms;
    }

    /** What a warm-up did: full rounds over the configurations, and configurations trained in all. */
    public record Report(int rounds, int configurations, long millis) {
    }

    /**
     * Runs until the rounds settle, the budget is spent or {@code stop} says so.
     *
     * @param budgetNanos CPU-time budget of the calling thread (wall-clock time where the JVM cannot measure it),
     *                    at most {@value #WALL_CAP} times that in wall-clock time; 0 or less trains nothing
     */
    public Report run(long budgetNanos, BooleanSupplier stop) {
        long start = System.nanoTime();
        long wallDeadline = start + (budgetNanos <= 0 ? 0 : WALL_CAP * budgetNanos);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        BooleanSupplier spent = cpu
                ? () -> threads.getCurrentThreadCpuTime() - cpuStart >= budgetNanos
                : () -> System.nanoTime() - start >= budgetNanos;
        BooleanSupplier over = () -> budgetNanos <= 0 || spent.getAsBoolean()
                || System.nanoTime() - wallDeadline >= 0 || stop.getAsBoolean();
        Data[] variants = new Data[ROW_VARIANTS];
        for (int v = 0; v < ROW_VARIANTS; v++) {
            variants[v] = Data.synthetic(new SplittableRandom(12), ROWS - v);
        }
        Trainer trainer = new Trainer(gemms);
        OptimizerConfig[] optimizers = {OptimizerConfig.adam(1e-3), OptimizerConfig.momentum(1e-2),
                OptimizerConfig.sgd(1e-2)};
        int rounds = 0;
        int trained = 0;
        long previous = Long.MAX_VALUE;
        while (rounds < MAX_ROUNDS && !over.getAsBoolean()) {
            long roundStart = System.nanoTime();
            int k = 0;
            Data data = variants[rounds % ROW_VARIANTS];
            for (Activation a : Activation.values()) {
                for (boolean bn : new boolean[] {false, true}) {
                    if (over.getAsBoolean()) {
                        return new Report(rounds, trained, millisSince(start));
                    }
                    Precision precision = Precision.values()[(k + rounds) % 2];
                    OptimizerConfig opt = optimizers[k % optimizers.length];
                    train(trainer, net(a, bn, Loss.SOFTMAX_CROSS_ENTROPY, CLASSES), opt, precision,
                            variants[(k + rounds) % ROW_VARIANTS].softmax(), over);
                    k++;
                    trained++;
                }
            }
            // the other two losses, once each per round: binary classification and regression trials
            train(trainer, net(Activation.RELU, false, Loss.SIGMOID_BINARY_CROSS_ENTROPY, 1),
                    optimizers[rounds % optimizers.length], Precision.FLOAT64, data.binary(), over);
            train(trainer, net(Activation.TANH, false, Loss.MSE, 1), optimizers[(rounds + 1) % optimizers.length],
                    Precision.FLOAT32, data.regression(), over);
            trained += 2;
            rounds++;
            long took = System.nanoTime() - roundStart;
            if (rounds >= MIN_ROUNDS && took >= SETTLED * previous) {
                break;
            }
            previous = took;
        }
        return new Report(rounds, trained, millisSince(start));
    }

    private void train(Trainer trainer, NetworkConfig net, OptimizerConfig opt, Precision precision, TrainingData d,
            BooleanSupplier over) {
        trainer.train(net, new TrainingConfig(2, BATCH, opt, 1e-4, 0L, 0, precision), d, d, m -> true, over);
    }

    private static NetworkConfig net(Activation a, boolean bn, Loss loss, int outputs) {
        Initializer init = a == Activation.RELU || a == Activation.LEAKY_RELU || a == Activation.PRELU
                ? Initializer.HE : Initializer.XAVIER;
        return new NetworkConfig(FEATURES, List.of(HIDDEN, HIDDEN / 2), outputs, a, NetworkConfig.DEFAULT_LEAKY_SLOPE,
                NetworkConfig.DEFAULT_ELU_ALPHA, init, bn, loss);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Gaussian features; labels from a random linear map, so training has something to learn. */
    private record Data(TrainingData softmax, TrainingData binary, TrainingData regression) {

        static Data synthetic(SplittableRandom rng, int rows) {
            DMatrixRMaj x = new DMatrixRMaj(rows, FEATURES);
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = rng.nextGaussian();
            }
            double[] w = new double[FEATURES * CLASSES];
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian();
            }
            int[] labels = new int[rows];
            int[] binary = new int[rows];
            DMatrixRMaj y = new DMatrixRMaj(rows, 1);
            for (int r = 0; r < rows; r++) {
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < CLASSES; c++) {
                    double s = 0;
                    for (int f = 0; f < FEATURES; f++) {
                        s += x.get(r, f) * w[f * CLASSES + c];
                    }
                    if (s > bestScore) {
                        bestScore = s;
                        best = c;
                    }
                    if (c == 0) {
                        y.data[r] = s;
                    }
                }
                labels[r] = best;
                binary[r] = y.data[r] > 0 ? 1 : 0;
            }
            return new Data(TrainingData.classification(x, labels, CLASSES),
                    TrainingData.classification(x, binary, 2), TrainingData.regression(x, y));
        }
    }
}
