package dev.hypersearch.bench;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.EjmlGemm;
import dev.hypersearch.nn.Gemm;
import dev.hypersearch.nn.GemmSource;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.Precision;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.nn.TrainingResult;
import dev.hypersearch.nn.TrainingRun;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Trains the reference net (digits, 64-128-64-10, relu, he, adam 1e-3, batch 64, 30 epochs, stratified 20%
 * validation, seed 0) on one thread with plain EJML and with the fast GEMM at each training precision (float64, and
 * float32: mixed precision), and prints each with its speed-up over EJML and float32's over float64.
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec}. Arguments, in any order: another hidden activation
 * ({@code tanh}: the fast path also runs the activations, softmax, bias, column sums and batch norm with the Vector
 * API), {@code bn} for batch norm, one precision only ({@code float32} or {@code float64}), other hidden layers
 * ({@code 3x256}): {@code -Dbench.args="tanh bn 3x256 float32"}.
 *
 * <p>For each path it also prints what the timed runs allocated on the training thread
 * ({@code com.sun.management.ThreadMXBean}) in a steady-state epoch (the next-to-last of the last timed run: its
 * records, its validation pass and nothing per mini-batch, once C2 has compiled the kernels; before that the Vector
 * API's boxed fallbacks allocate), and the collections during the timed runs.
 */
public final class EngineBenchmark {

    static final List<Integer> HIDDEN = List.of(128, 64);
    static final int EPOCHS = 30;
    static final int BATCH = 64;
    static final int REPEATS = 3;
    static final int MAX_WARMUP = 10;

    public static void main(String[] args) {
        Activation activation = Activation.RELU;
        boolean batchNorm = false;
        List<Precision> precisions = List.of(Precision.FLOAT64, Precision.FLOAT32);
        List<Integer> hidden = HIDDEN;
        for (String arg : args) {
            if (arg.matches("\\d+x\\d+")) {
                String[] lw = arg.split("x");
                hidden = Collections.nCopies(Integer.parseInt(lw[0]), Integer.parseInt(lw[1]));
            } else if (arg.startsWith("float")) {
                precisions = List.of(Precision.valueOf(arg.toUpperCase(Locale.ROOT)));
            } else if (arg.equalsIgnoreCase("bn")) {
                batchNorm = true;
            } else {
                activation = Activation.parse(arg);
            }
        }
        Net net = new Net(hidden, activation, batchNorm);
        PreparedData data = DataPreparation.holdout(BuiltinDatasets.load("digits"), 0.2, 0);
        Gemm plain = new EjmlGemm();
        System.out.printf("Net on digits: %d train / %d validation rows, %s %s%s, batch %d, %d epochs, best of %d after"
                        + " warm-up (load average %.2f)%n", data.train().size(), data.validation().size(),
                shape(data, hidden), activation, batchNorm ? " + batch norm" : "", BATCH, EPOCHS, REPEATS, loadAverage());
        Result baseline = best(plain, Precision.FLOAT64, data, net);
        print("baseline " + plain.name() + " float64", baseline);
        List<Result> fast = new ArrayList<>();
        for (Precision p : precisions) {
            Result r = best(Gemms.byPrecision(), p, data, net);
            fast.add(r);
            Gemm g = Gemms.fastest(p);
            print("fast     " + g.name() + "/" + g.transcendentals().name() + " " + p.name().toLowerCase(Locale.ROOT), r);
            System.out.printf("speed-up fast %s/baseline: %.2fx (samples/s)%n", p.name().toLowerCase(Locale.ROOT),
                    r.samplesPerSecond / baseline.samplesPerSecond);
        }
        if (fast.size() == 2) {
            System.out.printf("speed-up float32/float64: %.2fx (samples/s); validation loss %+.2e, accuracy %+.4f%n",
                    fast.get(1).samplesPerSecond / fast.get(0).samplesPerSecond,
                    fast.get(1).valLoss - fast.get(0).valLoss, fast.get(1).valAccuracy - fast.get(0).valAccuracy);
        }
    }

    /** The trained net's hidden layers. */
    record Net(List<Integer> hidden, Activation activation, boolean batchNorm) {
    }

    static String shape(PreparedData data, List<Integer> hidden) {
        StringBuilder s = new StringBuilder().append(data.numFeatures());
        hidden.forEach(h -> s.append('-').append(h));
        return s.append('-').append(data.numClasses()).toString();
    }

    record Result(double seconds, double samplesPerSecond, double msPerEpoch, double gflops, double valAccuracy,
                  double valLoss, Allocation allocation) {
    }

    /**
     * What the timed runs allocated and collected: bytes of a steady-state epoch (the next-to-last of the last timed
     * run), bytes of one validation pass alone, mini-batches per epoch, collections (count, milliseconds) during the
     * timed runs, all collectors summed, and the warm-up runs before them.
     */
    record Allocation(long epochBytes, long validationBytes, int batchesPerEpoch, long collections, long gcMillis,
                      int warmupRuns) {

        /** The epoch's bytes besides its validation pass: its records (metrics, the curve's entry) and the batches'. */
        long outsideValidation() {
            return Math.max(0, epochBytes - validationBytes);
        }

        /**
         * Bytes per mini-batch: 0 when the epoch's bytes outside validation are fewer than one smallest object (16
         * bytes) per mini-batch, since anything the batch loop allocated would come back every batch; else an
         * upper bound.
         */
        double bytesPerBatch() {
            return outsideValidation() < 16L * batchesPerEpoch ? 0 : outsideValidation() / (double) batchesPerEpoch;
        }
    }

    /**
     * Warm-up runs until one has a steady-state epoch (no allocation per mini-batch: C2 has compiled the Vector API
     * code, which its boxed fallbacks otherwise allocate), at least 1 and at most {@value #MAX_WARMUP} (a loaded
     * machine delays C2), then {@link #REPEATS} timed runs: the best time, and the last run's allocation.
     */
    static Result best(GemmSource gemms, Precision precision, PreparedData data, Net net) {
        int warmup = 0;
        Result last;
        do {
            last = run(gemms, precision, data, net);
            warmup++;
        } while (last.allocation.bytesPerBatch() > 0 && warmup < MAX_WARMUP);
        Result best = null;
        long[] gcBefore = gcCountAndMillis();
        for (int i = 0; i < REPEATS; i++) {
            last = run(gemms, precision, data, net);
            if (best == null || last.seconds < best.seconds) {
                best = last;
            }
        }
        long[] gcAfter = gcCountAndMillis();
        Allocation a = last.allocation;
        return new Result(best.seconds, best.samplesPerSecond, best.msPerEpoch, best.gflops, best.valAccuracy,
                best.valLoss, new Allocation(a.epochBytes, a.validationBytes, a.batchesPerEpoch,
                        gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], warmup));
    }

    /** One training run driven epoch by epoch (as Trainer.train does), a steady-state epoch's allocation measured. */
    static Result run(GemmSource gemms, Precision precision, PreparedData data, Net shape) {
        NetworkConfig net = new NetworkConfig(data.numFeatures(), shape.hidden(), data.numClasses(), shape.activation(),
                NetworkConfig.DEFAULT_LEAKY_SLOPE, NetworkConfig.DEFAULT_ELU_ALPHA, Initializer.HE, shape.batchNorm(),
                Loss.SOFTMAX_CROSS_ENTROPY);
        TrainingConfig training = new TrainingConfig(EPOCHS, BATCH, OptimizerConfig.adam(1e-3), 0.0, 0L, 0,
                precision);
        long start = System.nanoTime();
        TrainingRun run = new Trainer(gemms).start(net, training, data.train(), data.validation(), () -> false);
        long epochBytes = 0;
        while (!run.isFinished()) {
            long before = allocatedBytes();
            run.runEpoch();
            if (run.epochsDone() == EPOCHS - 1) { // not the last: that one also words the run's outcome
                epochBytes = allocatedBytes() - before;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainingResult r = run.result();
        long beforeValidation = allocatedBytes();
        r.network().evaluate(data.validation());
        long validationBytes = allocatedBytes() - beforeValidation;
        long samples = (long) data.train().size() * EPOCHS;
        var last = r.curve().get(r.curve().size() - 1);
        int batches = (data.train().size() + BATCH - 1) / BATCH;
        return new Result(seconds, samples / seconds, seconds * 1000 / EPOCHS,
                flopsPerSample(data, shape.hidden()) * samples / seconds / 1e9, last.validationAccuracy(), last.validationLoss(),
                new Allocation(epochBytes, validationBytes, batches, 0, 0, 0));
    }

    private static long allocatedBytes() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long[] gcCountAndMillis() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Multiply-adds of the three GEMMs per example: forward, dW, and dA for every layer but the first; x2 flops. */
    static double flopsPerSample(PreparedData data, List<Integer> hidden) {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = data.numFeatures();
        for (int l = 0; l < hidden.size(); l++) {
            sizes[l + 1] = hidden.get(l);
        }
        sizes[sizes.length - 1] = data.numClasses();
        double macs = 0;
        for (int l = 0; l < sizes.length - 1; l++) {
            double layer = (double) sizes[l] * sizes[l + 1];
            macs += layer * (l == 0 ? 2 : 3);
        }
        return 2 * macs;
    }

    static void print(String label, Result r) {
        System.out.printf("%s: %,10.0f samples/s  %7.2f ms/epoch  %6.2f GFLOPS  val acc %.4f  val loss %.4f%n",
                label, r.samplesPerSecond, r.msPerEpoch, r.gflops, r.valAccuracy, r.valLoss);
        Allocation a = r.allocation;
        System.out.printf("    allocated on the training thread: %.0f bytes per mini-batch (a steady-state epoch: %,d "
                + "bytes, its validation pass %,d, the rest %,d over %d mini-batches); %d collections, %d ms during "
                + "the timed runs, after %d warm-up runs%n", a.bytesPerBatch(), a.epochBytes, a.validationBytes,
                a.outsideValidation(), a.batchesPerEpoch, a.collections, a.gcMillis, a.warmupRuns);
    }
}
