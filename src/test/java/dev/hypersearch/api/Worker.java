package dev.hypersearch.api;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.EpochRow;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TrialChangedEvent;
import dev.hypersearch.store.TrialQueue;
import dev.hypersearch.store.TrialResult;
import org.springframework.context.ApplicationEventPublisher;

/** Plays a worker in tests: the same queue calls and events, with results chosen by the test. */
record Worker(TrialQueue queue, SearchLifecycle lifecycle, ApplicationEventPublisher events, String id) {

    static final int LEASE_SECONDS = 60;

    ClaimedTrial claim(long expectedSearch) {
        ClaimedTrial c = queue.claim(id, LEASE_SECONDS).orElseThrow(() -> new AssertionError("nothing to claim"));
        if (c.searchId() != expectedSearch) {
            throw new AssertionError("claimed a trial of search " + c.searchId() + ", not " + expectedSearch);
        }
        events.publishEvent(new TrialChangedEvent(c.searchId(), c.lease().trialId(), c.number(), TrialStatus.RUNNING, null));
        return c;
    }

    void epoch(ClaimedTrial c, int epoch, double trainLoss, double valLoss, double valAccuracy) {
        if (!queue.recordEpoch(c.lease(), new EpochRow(epoch, trainLoss, valLoss, valAccuracy, 10L * epoch), LEASE_SECONDS)) {
            throw new AssertionError("lease lost");
        }
        events.publishEvent(new TrialChangedEvent(c.searchId(), c.lease().trialId(), c.number(), TrialStatus.RUNNING, epoch));
    }

    SearchStatus finish(ClaimedTrial c, TrialStatus status, double valLoss, double valAccuracy) {
        TrialResult r = new TrialResult(status, valLoss, valLoss, 1, valAccuracy, valLoss + 0.01, 2, 25,
                status == TrialStatus.FAILED ? "boom" : null);
        if (!queue.finish(c.lease(), r)) {
            throw new AssertionError("lease lost");
        }
        events.publishEvent(new TrialChangedEvent(c.searchId(), c.lease().trialId(), c.number(), status, null));
        SearchStatus s = lifecycle.afterTrialEnded(c.searchId());
        if (s.isFinished()) {
            events.publishEvent(new SearchChangedEvent(c.searchId(), s));
        }
        return s;
    }

    SearchStatus complete(ClaimedTrial c, double valLoss, double valAccuracy) {
        return finish(c, TrialStatus.COMPLETED, valLoss, valAccuracy);
    }
}
