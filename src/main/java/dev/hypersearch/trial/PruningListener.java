package dev.hypersearch.trial;

import dev.hypersearch.nn.EpochListener;
import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.search.pruning.PeerResults;
import dev.hypersearch.search.pruning.PruneDecision;
import dev.hypersearch.search.pruning.Pruner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts a pruner behind a trial's epoch listener: after each epoch the inner listener runs first (the worker
 * stores the epoch row there, so peers deciding later see it), then the pruner decides on the curve so far.
 * Returning false ends the trial PRUNED; {@link #decision()} then says where and why, for the trial's row.
 * Works the same for a holdout curve and a cross-validated mean curve.
 */
public final class PruningListener implements EpochListener {

    private final Pruner pruner;
    private final PeerResults peers;
    private final long trialNumber;
    private final EpochListener inner;
    private final List<Double> valLosses = new ArrayList<>();
    private PruneDecision last;

    /** @param inner may be null; returning false from it stops the trial without a pruning decision */
    public PruningListener(Pruner pruner, PeerResults peers, long trialNumber, EpochListener inner) {
        this.pruner = Objects.requireNonNull(pruner, "pruner");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.trialNumber = trialNumber;
        this.inner = inner == null ? EpochListener.NONE : inner;
    }

    @Override
    public boolean onEpoch(EpochMetrics metrics) {
        valLosses.add(metrics.validationLoss());
        if (!inner.onEpoch(metrics)) {
            return false;
        }
        last = pruner.decide(trialNumber, List.copyOf(valLosses), peers);
        return !last.prune();
    }

    /** The latest decision (the pruning one if the trial was pruned); null before the first epoch. */
    public PruneDecision decision() {
        return last;
    }
}
