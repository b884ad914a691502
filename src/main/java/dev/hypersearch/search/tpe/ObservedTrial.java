package dev.hypersearch.search.tpe;

import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import java.util.Objects;

/**
 * A trial of the search as TPE sees it when another trial is claimed: its parameters and how it ended.
 *
 * @param value  the objective (validation loss, lower is better): the final one of a COMPLETED trial, the last
 *               epoch's of a PRUNED one; NaN when there is none
 * @param epochs the epochs it ran (a PRUNED trial's step reached)
 */
public record ObservedTrial(long id, int number, TrialParams params, TrialStatus status, double value, int epochs) {

    public ObservedTrial {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(status, "status");
        if (status == TrialStatus.QUEUED || status == TrialStatus.CANCELLED) {
            throw new IllegalArgumentException("trial " + id + " is " + status + ": it neither ran nor is running");
        }
    }

    boolean running() {
        return status == TrialStatus.RUNNING;
    }

    /** A completed trial with a finite loss: ranked by it. */
    boolean completed() {
        return status == TrialStatus.COMPLETED && Double.isFinite(value);
    }

    /** A pruned trial: ranked after every completed one, by the epoch it reached, then its loss there. */
    boolean pruned() {
        return status == TrialStatus.PRUNED;
    }
}
