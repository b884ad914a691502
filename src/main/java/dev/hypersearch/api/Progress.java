package dev.hypersearch.api;

import dev.hypersearch.search.TrialStatus;
import java.util.Map;

/**
 * How far a search has got. {@code total} counts the trials planned so far (queued counts those not created
 * yet: claims create them); {@code budget} is how many the search will run in all, more than total while a
 * coarse-to-fine search's later stages are still to come.
 * {@code byStatus} lists every trial status (zeros included) so clients can render a fixed legend.
 */
public record Progress(long total, long finished, long running, long queued, long budget,
                       Map<TrialStatus, Long> byStatus) {

    static Progress of(Map<TrialStatus, Long> byStatus, long budget) {
        long total = 0;
        long finished = 0;
        for (Map.Entry<TrialStatus, Long> e : byStatus.entrySet()) {
            total += e.getValue();
            if (e.getKey().isTerminal()) {
                finished += e.getValue();
            }
        }
        return new Progress(total, finished, byStatus.get(TrialStatus.RUNNING), byStatus.get(TrialStatus.QUEUED),
                budget, byStatus);
    }
}
