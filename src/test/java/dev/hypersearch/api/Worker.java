package dev.hypersearch.api;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.EpochRow;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TestResults;
import dev.hypersearch.store.TrialResult;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.worker.LeasedTrial;
import dev.hypersearch.worker.TrialLeases;
import org.springframework.context.ApplicationEventPublisher;

/** Plays a worker in tests: production's leased trials (writes, search bookkeeping, events), with results chosen by the test. */
record Worker(TrialLeases leases, String id) {

    LeasedTrial claim(long expectedSearch) {
        LeasedTrial t = leases.claim(id, () -> false).orElseThrow(() -> new AssertionError("nothing to claim"));
        ClaimedTrial c = t.claim();
        if (c.searchId() != expectedSearch) {
            throw new AssertionError("claimed a trial of search " + c.searchId() + ", not " + expectedSearch);
        }
        t.started();
        return t;
    }

    void epoch(LeasedTrial t, int epoch, double trainLoss, double valLoss, double valAccuracy) {
        t.recordEpoch(new EpochRow(epoch, trainLoss, valLoss, valAccuracy, 10L * epoch));
    }

    SearchStatus finish(LeasedTrial t, TrialStatus status, double valLoss, double valAccuracy) {
        TrialResult r = TestResults.holdout(status, valLoss, valLoss, 1, valAccuracy, valLoss + 0.01, 2, 25,
                status == TrialStatus.FAILED ? "boom" : null);
        try (t) {
            return t.end(r).orElseThrow(() -> new AssertionError("lease lost"));
        }
    }

    SearchStatus complete(LeasedTrial t, double valLoss, double valAccuracy) {
        return finish(t, TrialStatus.COMPLETED, valLoss, valAccuracy);
    }
}
