package dev.hypersearch.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Brings the engine's hot code to C2 before the first real trial needs it: a fresh JVM otherwise runs its first
 * trial several times slower than the next ones (Vector API code that C2 has not compiled runs boxed, one object
 * per vector operation). Each round runs, for the GEMM of each {@link Precision}, {@value #PROBE_PASSES} passes
 * over products shaped to reach every micro-kernel of its register blocking ({@link GemmProbes}: a trial's own
 * shapes reach only some, and the others were first compiled during the first search), {@value #ELEMENTWISE_PASSES}
 * passes over every activation's and loss's kernels ({@link ElementwiseProbes}), then trains small nets on a
 * synthetic data set: every activation with and without batch norm, the three losses, every optimizer, alternating
 * the two precisions (and swapping them every round). The probes give the kernels the hundreds of calls C2 waits
 * for at a few microseconds each; the nets reach the rest (batch norm, optimizers, the trainer's loops). Their row
 * count changes from one net to the next ({@value #ROWS} down to {@value #ROWS} - {@value #ROW_VARIANTS} + 1) and
 * the second hidden layer has an odd width, so that the element-wise loops meet their tails as real tables make them.
 *
 * <p>It stops when C2 has nothing left to compile of the engine (see {@link JitActivity}): after each round it
 * waits, sleeping, while compilations are queued or running (on a busy machine the compiler threads are starved
 * too, and a round that ended with its kernels still queued was no faster than the one before: the old rule by
 * round timings stopped there, 5.4x first-trial ratios under load), and it ends after a round, at least the
 * {@value #MIN_ROUNDS}th, during which C2 compiled no method of this package. Where the JVM cannot list its queue
 * and code, it ends after two rounds in a row during which the compilers' time grew by less than
 * {@value #QUIET_SHARE} of the round's time; where it does not time compilations either, after a round whose CPU
 * time is at least {@value #SETTLED} of the one before. At most {@value #MAX_ROUNDS} rounds, and never past the
 * budget: this thread's CPU time (where the JVM measures it), capped at {@value #WALL_CAP} times the budget in
 * wall-clock time, sleeping included; the budget is checked before every mini-batch and every few products.
 */
public final class KernelWarmup {

    static final int MIN_ROUNDS = 2;
    static final int MAX_ROUNDS = 16;
    /** A round whose compilations took less than this share of its own time compiled nothing of its own. */
    static final double QUIET_SHARE = 0.05;
    /** Without compilation times: a round at least this share of the previous one's CPU time is no faster. */
    static final double SETTLED = 0.9;
    static final int ROWS = 160;
    /** Row counts used in turn: last batches of 16 down to 9 rows, and validation sets of as many sizes. */
    static final int ROW_VARIANTS = 8;
    static final int FEATURES = 64;
    static final int CLASSES = 10;
    static final List<Integer> HIDDEN = List.of(48, 21);
    static final int BATCH = 16;
    /** The warm-up's wall-clock time is at most this many budgets, however little CPU time it was given. */
    static final int WALL_CAP = 4;
    /** Passes over the GEMM probes per round: a row-tail kernel runs about once per probe. */
    static final int PROBE_PASSES = 4;
    /** Passes over the element-wise kernels per round. */
    static final int ELEMENTWISE_PASSES = 50;
    /** The engine's code, whose compilations the stop rule watches. */
    private static final String ENGINE = KernelWarmup.class.getPackageName() + ".";
    /** How often the compile queue is read while waiting for it to drain. */
    private static final long POLL_MILLIS = 10;

    private final GemmSource gemms;

    /** @param gemms the GEMM for each training precision */
    public KernelWarmup(GemmSource gemms) {
        this.gemms = gemms;
    }

    /** Why a warm-up ended. */
    public enum End {
        /** The JIT had nothing left to compile of the engine. */
        SETTLED,
        /** It ran its {@value #MAX_ROUNDS} rounds. */
        ROUNDS,
        /** Its budget was spent. */
        BUDGET,
        /** The caller stopped it. */
        STOPPED
    }

    /** What a warm-up did: full rounds, nets trained in all, wall-clock time, and why it ended. */
    public record Report(int rounds, int configurations, long millis, End end) {
    }

    /**
     * Runs until the JIT settles, the budget is spent or {@code stop} says so.
     *
     * @param budgetNanos CPU-time budget of the calling thread (wall-clock time where the JVM cannot measure it),
     *                    at most {@value #WALL_CAP} times that in wall-clock time; 0 or less trains nothing
     */
    public Report run(long budgetNanos, BooleanSupplier stop) {
        long start = System.nanoTime();
        long wallDeadline = start + (budgetNanos <= 0 ? 0 : WALL_CAP * budgetNanos);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        LongSupplier cpuNow = cpu ? threads::getCurrentThreadCpuTime : System::nanoTime;
        long cpuStart = cpuNow.getAsLong();
        BooleanSupplier spent = () -> budgetNanos <= 0 || cpuNow.getAsLong() - cpuStart >= budgetNanos
                || System.nanoTime() - wallDeadline >= 0;
        BooleanSupplier over = () -> spent.getAsBoolean() || stop.getAsBoolean();
        if (over.getAsBoolean()) {
            return end(0, 0, start, stop);
        }
        List<GemmProbes> probes = new ArrayList<>();
        Gemm float32 = gemms.gemm(Precision.FLOAT32);
        Gemm float64 = gemms.gemm(Precision.FLOAT64);
        probes.add(new GemmProbes(float32));
        if (float64 != float32) {
            probes.add(new GemmProbes(float64));
        }
        List<ElementwiseProbes> elementwise = new ArrayList<>();
        elementwise.add(new ElementwiseProbes(float32.transcendentals()));
        if (float64.transcendentals() != float32.transcendentals()) {
            elementwise.add(new ElementwiseProbes(float64.transcendentals()));
        }
        Data[] variants = new Data[ROW_VARIANTS];
        for (int v = 0; v < ROW_VARIANTS; v++) {
            variants[v] = Data.synthetic(new SplittableRandom(12), ROWS - v);
        }
        Trainer trainer = new Trainer(gemms);
        JitActivity jit = new JitActivity();
        int rounds = 0;
        int trained = 0;
        int quietInRow = 0;
        long previousCpu = Long.MAX_VALUE;
        while (rounds < MAX_ROUNDS) {
            long roundStart = System.nanoTime();
            long roundCpu = cpuNow.getAsLong();
            long compiled = jit.compilationMillis();
            Long newest = jit.newestCompile(ENGINE);
            for (int pass = 0; pass < PROBE_PASSES; pass++) {
                for (GemmProbes p : probes) {
                    if (!p.run(over)) {
                        return end(rounds, trained, start, stop);
                    }
                }
            }
            for (int pass = 0; pass < ELEMENTWISE_PASSES && !over.getAsBoolean(); pass++) {
                elementwise.forEach(ElementwiseProbes::run);
            }
            trained += round(trainer, variants, rounds, over);
            if (over.getAsBoolean()) {
                return end(rounds, trained, start, stop);
            }
            rounds++;
            long roundMillis = (System.nanoTime() - roundStart) / 1_000_000;
            long tookCpu = cpuNow.getAsLong() - roundCpu;
            Boolean idle = jit.idle();
            while (Boolean.FALSE.equals(idle) && !over.getAsBoolean()) {
                if (!sleep()) {
                    return new Report(rounds, trained, millisSince(start), End.STOPPED);
                }
                idle = jit.idle();
            }
            boolean settled;
            Long newestAfter = jit.newestCompile(ENGINE);
            if (idle != null && newestAfter != null) {
                settled = newestAfter.equals(newest);
            } else if (jit.timed()) {
                boolean compiledNothing = jit.compilationMillis() - compiled <= QUIET_SHARE * roundMillis;
                quietInRow = compiledNothing ? quietInRow + 1 : 0;
                // a long compilation still running is invisible here: two quiet rounds
                settled = quietInRow >= 2;
            } else {
                settled = tookCpu >= SETTLED * previousCpu;
            }
            previousCpu = tookCpu;
            if (rounds >= MIN_ROUNDS && settled) {
                return new Report(rounds, trained, millisSince(start), End.SETTLED);
            }
        }
        return new Report(rounds, trained, millisSince(start), End.ROUNDS);
    }

    /** Trains one round's nets, or fewer if {@code over} ends it early; how many it trained. */
    private int round(Trainer trainer, Data[] variants, int round, BooleanSupplier over) {
        OptimizerConfig[] optimizers = {OptimizerConfig.adam(1e-3), OptimizerConfig.momentum(1e-2),
                OptimizerConfig.sgd(1e-2)};
        int k = 0;
        for (Activation a : Activation.values()) {
            for (boolean bn : new boolean[] {false, true}) {
                if (over.getAsBoolean()) {
                    return k;
                }
                train(trainer, net(a, bn, Loss.SOFTMAX_CROSS_ENTROPY, CLASSES), optimizers[k % optimizers.length],
                        Precision.values()[(k + round) % 2], variants[(k + round) % ROW_VARIANTS].softmax(), over);
                k++;
            }
        }
        // the other two losses, once each per round: binary classification and regression trials
        Data data = variants[round % ROW_VARIANTS];
        train(trainer, net(Activation.RELU, false, Loss.SIGMOID_BINARY_CROSS_ENTROPY, 1),
                optimizers[round % optimizers.length], Precision.values()[round % 2], data.binary(), over);
        train(trainer, net(Activation.TANH, false, Loss.MSE, 1), optimizers[(round + 1) % optimizers.length],
                Precision.values()[(round + 1) % 2], data.regression(), over);
        return k + 2;
    }

    private static Report end(int rounds, int trained, long start, BooleanSupplier stop) {
        return new Report(rounds, trained, millisSince(start), stop.getAsBoolean() ? End.STOPPED : End.BUDGET);
    }

    /** Sleeps one poll interval; false if interrupted (the flag is kept). */
    private static boolean sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void train(Trainer trainer, NetworkConfig net, OptimizerConfig opt, Precision precision, TrainingData d,
            BooleanSupplier over) {
        trainer.train(net, new TrainingConfig(2, BATCH, opt, 1e-4, 0L, 0, precision), d, d, m -> true, over);
    }

    private static NetworkConfig net(Activation a, boolean bn, Loss loss, int outputs) {
        Initializer init = a == Activation.RELU || a == Activation.LEAKY_RELU || a == Activation.PRELU
                ? Initializer.HE : Initializer.XAVIER;
        return new NetworkConfig(FEATURES, HIDDEN, outputs, a, NetworkConfig.DEFAULT_LEAKY_SLOPE,
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
