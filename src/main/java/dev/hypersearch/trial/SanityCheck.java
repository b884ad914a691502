package dev.hypersearch.trial;

import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.DatasetTables;
import dev.hypersearch.data.Split;
import dev.hypersearch.data.Splits;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.nn.GemmSource;
import dev.hypersearch.nn.Network;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.nn.TrainingResult;
import dev.hypersearch.nn.TrainingRun;
import dev.hypersearch.search.TrialParams;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * "Babysit the first run" before a search spends its budget (CS231n's sanity checks): on a small stratified
 * subset of {@value #SUBSET_SIZE} examples, standardized on itself, with L2 off,
 * <ol>
 *   <li><b>initial loss</b> (classification only): before any update the loss must be near chance, ln(C) for
 *       C softmax classes or ln(2) for one sigmoid output, within {@value #INITIAL_LOSS_TOLERANCE} of it
 *       (relative). Checked with small random weights (N(0, 0.01^2), init forced to small_random), as the
 *       CS231n notes do: then every logit is within a few hundredths of 0 and the loss within about 1% of
 *       ln(C), so a miss means the loss, the labels or the output layer are wrong. With the configured he or
 *       xavier init the logits are O(1) and a loss well above ln(C) is normal, so that number is only
 *       reported;</li>
 *   <li><b>overfit the subset</b>: the configuration as given (its init, optimizer, learning rate, batch
 *       size) trains for {@value #EPOCHS} epochs on the subset alone, within {@link #TIME_LIMIT} and its loss there,
 *       evaluated after training, must drop below {@value #MAX_FINAL_LOSS} (for regression, below that
 *       fraction of the subset's target variance, i.e. R^2 above 0.95, since MSE has no fixed scale). A
 *       model that cannot memorize 20 examples will not learn the full set: learning rate far too high
 *       (diverges) or too low, too little capacity, or a broken setting such as zero init.</li>
 * </ol>
 * The first configuration is the search's trial 0 and its weights use trial 0's seed, so the check replays.
 */
public final class SanityCheck {

    public static final int SUBSET_SIZE = 20;
    /** Epochs of the overfitting run, whatever the configuration's own: bounds the check's work. */
    public static final int EPOCHS = 200;
    /** Wall-clock bound of the whole check; a check that runs out of it fails ({@value #TIME_LIMIT_CHECK}). */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(30);
    public static final double MAX_FINAL_LOSS = 0.05;
    public static final double INITIAL_LOSS_TOLERANCE = 0.1;
    public static final String INITIAL_LOSS = "initialLoss";
    public static final String OVERFIT_SUBSET = "overfitSubset";
    public static final String TIME_LIMIT_CHECK = "timeLimit";

    private final GemmSource gemms;

    /** @param gemms the GEMM for each training precision */
    public SanityCheck(GemmSource gemms) {
        this.gemms = gemms;
    }

    /** The check without a time limit or a way to stop it. */
    public SanityReport check(TrialParams params, Dataset dataset, long seed) {
        return check(params, DatasetTables.of(dataset), seed, () -> false, null).orElseThrow();
    }

    /** {@link #check(TrialParams, Table, long, BooleanSupplier, Duration)} on a numeric data set. */
    public Optional<SanityReport> check(TrialParams params, Dataset dataset, long seed, BooleanSupplier stop,
                                        Duration timeLimit) {
        return check(params, DatasetTables.of(dataset), seed, stop, timeLimit);
    }

    /**
     * The check, stopped between mini-batches when {@code stop} says so (empty: no verdict) and failed when it
     * runs past {@code timeLimit} (null: no limit).
     */
    public Optional<SanityReport> check(TrialParams params, Table dataset, long seed, BooleanSupplier stop,
                                        Duration timeLimit) {
        long deadline = timeLimit == null ? Long.MAX_VALUE : System.nanoTime() + timeLimit.toNanos();
        BooleanSupplier outOfTime = () -> timeLimit != null && System.nanoTime() - deadline > 0;
        PreparedData subset = subset(dataset, seed);
        long weightsSeed = TrialConfigs.trialSeed(seed, 0);

        TrialParams small = params.withInit(TrialParams.Init.small_random);
        NetworkConfig smallConfig = TrialConfigs.network(small, subset);
        double initialLoss = Network.create(smallConfig, gemms.gemm(TrialConfigs.precision(small)),
                new SplittableRandom(weightsSeed)).evaluate(subset.train()).loss();
        double expected = expectedInitialLoss(subset);
        boolean initialOk = !subset.classification() || initialLossAcceptable(initialLoss, expected);

        TrialParams fit = params.withL2(0).withEpochs(EPOCHS);
        TrainingConfig training = TrialConfigs.training(fit, seed, 0, 0);
        TrainingRun run = new Trainer(gemms).start(TrialConfigs.network(fit, subset), training, subset.train(),
                subset.train(), () -> stop.getAsBoolean() || outOfTime.getAsBoolean());
        double configuredInitialLoss = run.network().evaluate(subset.train()).loss();
        while (!run.isFinished()) {
            run.runEpoch();
        }
        TrainingResult result = run.result();
        if (result.outcome() == TrainingResult.Outcome.CANCELLED) {
            if (stop.getAsBoolean()) {
                return Optional.empty();
            }
            return Optional.of(new SanityReport(false, TIME_LIMIT_CHECK, initialLoss, expected, Double.NaN,
                    String.format(Locale.ROOT, "sanity check failed: %s; training on %d examples did not finish %d"
                            + " epochs within %d s (%d done): the configuration is too slow to check",
                            TIME_LIMIT_CHECK, subset.train().size(), EPOCHS, timeLimit.toSeconds(),
                            result.curve().size())));
        }
        boolean diverged = result.outcome() == TrainingResult.Outcome.DIVERGED;
        double finalLoss = diverged ? Double.NaN : result.network().evaluate(subset.train()).loss();
        double maxFinal = subset.classification() ? MAX_FINAL_LOSS : MAX_FINAL_LOSS * targetVariance(subset);
        boolean fitOk = !diverged && finalLoss < maxFinal;

        String failed = !initialOk ? INITIAL_LOSS : !fitOk ? OVERFIT_SUBSET : null;
        String message = message(failed, subset, initialLoss, expected, configuredInitialLoss, params, result,
                finalLoss, maxFinal);
        return Optional.of(new SanityReport(failed == null, failed, initialLoss, expected, finalLoss, message));
    }

    /** ln(C) for softmax over C classes, ln(2) for the binary sigmoid output; NaN for regression. */
    static double expectedInitialLoss(PreparedData data) {
        if (!data.classification()) {
            return Double.NaN;
        }
        return Math.log(data.numClasses() == 2 ? 2 : data.numClasses());
    }

    static boolean initialLossAcceptable(double loss, double expected) {
        return Math.abs(loss - expected) <= INITIAL_LOSS_TOLERANCE * expected;
    }

    /** A stratified (for classification) sample of {@value #SUBSET_SIZE} rows, or all rows of a smaller set. */
    static PreparedData subset(Table dataset, long seed) {
        int[] rows = new int[dataset.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        if (dataset.rows() > SUBSET_SIZE) {
            rows = Splits.holdout(dataset, (double) SUBSET_SIZE / dataset.rows(), seed).validation();
        }
        return DataPreparation.prepare(dataset, new Split(rows, rows)); // fitted on and applied to the subset
    }

    static PreparedData subset(Dataset dataset, long seed) {
        return subset(DatasetTables.of(dataset), seed);
    }

    private static double targetVariance(PreparedData data) {
        double[] y = data.train().targets().data;
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean) / y.length;
        }
        return var;
    }

    private static String message(String failed, PreparedData subset, double initialLoss, double expected,
                                  double configuredInitialLoss, TrialParams params, TrainingResult result,
                                  double finalLoss, double maxFinal) {
        int n = subset.train().size();
        StringBuilder m = new StringBuilder(failed == null ? "sanity check passed" : "sanity check failed: " + failed);
        if (subset.classification()) {
            String chance = subset.numClasses() == 2 ? "ln(2)" : "ln(" + subset.numClasses() + ")";
            m.append(String.format(Locale.ROOT, "; initial loss %.4f with small random weights, expected %s = %.4f"
                            + " within %.4f%s", initialLoss, chance, expected, INITIAL_LOSS_TOLERANCE * expected,
                    INITIAL_LOSS.equals(failed) ? " (the loss, the labels or the output layer look wrong)" : ""));
        }
        m.append(String.format(Locale.ROOT, "; with init %s the initial loss is %.4f", params.init(),
                configuredInitialLoss));
        if (result.outcome() == TrainingResult.Outcome.DIVERGED) {
            m.append(String.format(Locale.ROOT, "; training on %d examples diverged (%s): learning rate %s is too"
                    + " high for %s", n, result.message(), params.learningRate(), params.optimizer()));
        } else {
            EpochMetrics last = result.curve().get(result.curve().size() - 1);
            m.append(String.format(Locale.ROOT, "; train loss on %d examples after %d epochs is %.4g, needed below"
                    + " %.4g", n, last.epoch(), finalLoss, maxFinal));
            if (OVERFIT_SUBSET.equals(failed)) {
                m.append(": the configuration cannot fit a tiny subset (learning rate too low or too high,"
                        + " too little capacity, or a setting such as zero init that cannot learn)");
            }
        }
        return m.toString();
    }
}
