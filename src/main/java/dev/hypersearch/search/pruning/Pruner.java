package dev.hypersearch.search.pruning;

import java.util.List;

/**
 * Decides after each epoch whether a trial is worth finishing. Stateless: everything comes from the
 * trial's own curve and a {@link PeerResults} view, so any worker can decide for any trial and a restarted
 * trial gets the same answers for the same data.
 */
public interface Pruner {

    /** Never prunes. */
    Pruner NONE = (trial, curve, peers) -> PruneDecision.keep("none", curve.size(), "no pruner");

    /**
     * @param trialNumber the asking trial, excluded from the peers
     * @param valLosses   its validation losses so far, one per finished epoch (index 0 = epoch 1), non-empty
     */
    PruneDecision decide(long trialNumber, List<Double> valLosses, PeerResults peers);

    /** Epochs at which this pruner may stop a trial and shows a threshold (ASHA's rungs); empty if any epoch. */
    default List<Integer> checkpoints() {
        return List.of();
    }
}
