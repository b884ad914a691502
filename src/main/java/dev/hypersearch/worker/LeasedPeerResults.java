package dev.hypersearch.worker;

import dev.hypersearch.search.pruning.PeerResults;
import dev.hypersearch.trial.AbandonTrialException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The database's peer curves as a trial's pruner reads them: each query rides out a lost connection while the
 * lease holds, like the trial's epoch writes. A query that still fails is no fault of the trial, so the trial is
 * abandoned to the lease reaper (requeued), never ended FAILED or PRUNED on a guess.
 */
final class LeasedPeerResults implements PeerResults {

    private final PeerResults database;
    private final LeasedTrial trial;

    LeasedPeerResults(PeerResults database, LeasedTrial trial) {
        this.database = database;
        this.trial = trial;
    }

    @Override
    public List<Double> bestValLossesAt(int epoch, long excludingTrial) {
        return read("peers' best at epoch " + epoch, () -> database.bestValLossesAt(epoch, excludingTrial));
    }

    @Override
    public List<Double> valuesAtRung(int rungEpoch, long excludingTrial) {
        return read("peers at rung epoch " + rungEpoch, () -> database.valuesAtRung(rungEpoch, excludingTrial));
    }

    private List<Double> read(String what, Supplier<List<Double>> query) {
        try {
            return trial.underLease(what, query);
        } catch (RuntimeException e) {
            throw new AbandonTrialException(e instanceof DatabaseRetry.GaveUp ? e.getMessage()
                    : what + " not read: " + e);
        }
    }
}
