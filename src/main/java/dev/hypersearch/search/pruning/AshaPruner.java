package dev.hypersearch.search.pruning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter Tuning"),
 * in its stopping form (as Ray Tune's ASHA scheduler and Optuna's SuccessiveHalvingPruner): rungs sit at
 * epochs {@code minEpochs * eta^k} below {@code maxEpochs}; a trial that reaches a rung continues only if
 * its validation loss there ranks in the top {@code 1/eta} of all trials that reached that rung so far,
 * itself included. Asynchronous: it never waits for a rung to fill, it decides with what is known now.
 *
 * <p>With n trials at the rung (n >= eta) the best {@code floor(n/eta)} are promoted: the trial continues
 * when its value is at most the {@code floor(n/eta)}-th smallest, so ties at the threshold all continue.
 * With fewer than eta trials no one could be promoted yet; ASHA would let the trial wait for company, and
 * a stopping pruner cannot pause, so it continues (Optuna instead keeps only the best so far; we prefer not
 * to kill the first trials of a search on a sample of one or two).
 */
public record AshaPruner(int minEpochs, int eta, int maxEpochs) implements Pruner {

    public static final String RULE = "asha";
    public static final int DEFAULT_ETA = 3;

    public AshaPruner {
        if (minEpochs < 1) {
            throw new IllegalArgumentException("minEpochs must be >= 1, was " + minEpochs);
        }
        if (eta < 2) {
            throw new IllegalArgumentException("eta must be >= 2, was " + eta);
        }
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs must be >= 1, was " + maxEpochs);
        }
    }

    /**
     * The rung epochs, ascending: {@code minEpochs * eta^k} while below maxEpochs. A rung at the last epoch
     * would decide nothing (the trial ends there anyway), so there is none.
     */
    public List<Integer> rungEpochs() {
        List<Integer> rungs = new ArrayList<>();
        for (long r = minEpochs; r < maxEpochs; r *= eta) {
            rungs.add((int) r);
        }
        return rungs;
    }

    @Override
    public List<Integer> checkpoints() {
        return rungEpochs();
    }

    @Override
    public PruneDecision decide(long trialNumber, List<Double> valLosses, PeerResults peers) {
        int epoch = Curves.epoch(valLosses);
        int rung = rungEpochs().indexOf(epoch);
        if (rung < 0) {
            return PruneDecision.keep(RULE, epoch, "epoch " + epoch + " is not a rung " + rungEpochs());
        }
        double value = valLosses.get(epoch - 1);
        List<Double> all = new ArrayList<>(Curves.finite(peers.valuesAtRung(epoch, trialNumber)));
        all.add(value);
        int n = all.size();
        if (n < eta) {
            return PruneDecision.keep(RULE, epoch, rung, value, Double.NaN, n + " trials reached rung " + rung
                    + " (epoch " + epoch + "), fewer than eta " + eta + ": continue");
        }
        Collections.sort(all);
        int promoted = n / eta;
        double threshold = all.get(promoted - 1);
        boolean prune = value > threshold;
        String reason = "validation loss " + value + " at rung " + rung + " (epoch " + epoch + ")"
                + (prune ? " is not" : " is") + " in the top " + promoted + " of " + n + " (threshold " + threshold
                + ", eta " + eta + ")";
        return new PruneDecision(prune, RULE, epoch, rung, value, threshold, reason);
    }
}
