package dev.hypersearch.bench;

import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.TrialQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a search's planned trials into rows, so that reads can be timed at the search's full size: trials are
 * created at their claim, so a freshly submitted 100,000-trial search has only the rows its workers have claimed.
 * Claims every planned trial (each claim creates the next one) under a long lease, then hands them all back to the
 * queue (QUEUED rows, attempt not counted), where the workers claim them as usual. Trials the workers claimed
 * meanwhile stay theirs.
 */
final class PlannedTrialRows {

    private static final String WORKER = "benchmark-rows";

    private PlannedTrialRows() {
    }

    /** Returns how many trials it created and handed back. */
    static int createAll(TrialQueue queue) {
        List<ClaimedTrial> held = new ArrayList<>();
        for (Optional<ClaimedTrial> c = queue.claim(WORKER, Duration.ofHours(1)); c.isPresent();
                c = queue.claim(WORKER, Duration.ofHours(1))) {
            held.add(c.get());
        }
        for (ClaimedTrial c : held) {
            queue.release(c.lease());
        }
        return held.size();
    }
}
