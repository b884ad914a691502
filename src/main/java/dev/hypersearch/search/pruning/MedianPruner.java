package dev.hypersearch.search.pruning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The median stopping rule (Golovin et al., Google Vizier; Optuna's MedianPruner): stop a trial at epoch e
 * when its best validation loss so far is worse than the median of the other trials' best-so-far at the
 * same epoch. Comparing best-so-far rather than the current value keeps one noisy epoch from killing a
 * good trial.
 *
 * @param warmupEpochs  no decision at epochs 1..warmupEpochs: early curves say little about the end
 * @param startupTrials no decision until at least this many other trials reported the epoch: a median of
 *                      one or two is noise
 */
public record MedianPruner(int warmupEpochs, int startupTrials) implements Pruner {

    public static final String RULE = "median";

    public MedianPruner {
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warmupEpochs must be >= 0, was " + warmupEpochs);
        }
        if (startupTrials < 1) {
            throw new IllegalArgumentException("startupTrials must be >= 1, was " + startupTrials);
        }
    }

    @Override
    public PruneDecision decide(long trialNumber, List<Double> valLosses, PeerResults peers) {
        int epoch = Curves.epoch(valLosses);
        if (epoch <= warmupEpochs) {
            return PruneDecision.keep(RULE, epoch, "warm-up: no decision before epoch " + (warmupEpochs + 1));
        }
        double best = Curves.bestSoFar(valLosses);
        List<Double> others = Curves.finite(peers.bestValLossesAt(epoch, trialNumber));
        if (others.size() < startupTrials) {
            return PruneDecision.keep(RULE, epoch, null, best, Double.NaN, others.size()
                    + " other trials reached epoch " + epoch + ", fewer than startupTrials " + startupTrials);
        }
        double median = median(others);
        boolean prune = best > median;
        String reason = "best validation loss " + best + (prune ? " worse than" : " not worse than")
                + " the median " + median + " of " + others.size() + " other trials at epoch " + epoch;
        return new PruneDecision(prune, RULE, epoch, null, best, median, reason);
    }

    /** The middle value; the mean of the two middle values for an even count (as numpy's median). */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
