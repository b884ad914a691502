package dev.hypersearch.search;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a trial: QUEUED -> RUNNING -> one of the terminal states, which also say how a run ended
 * ({@code TrialOutcome.ending} in the trial package). One vocabulary from the runner through the queue to the API; terminal trials
 * are immutable.
 */
public enum TrialStatus {
    QUEUED, RUNNING, COMPLETED, DIVERGED, FAILED, CANCELLED, PRUNED;

    public static final Set<TrialStatus> TERMINAL = EnumSet.of(COMPLETED, DIVERGED, FAILED, CANCELLED, PRUNED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
