package dev.hypersearch.store;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a trial: QUEUED -> RUNNING -> one of the terminal states. Terminal trials are immutable. */
public enum TrialStatus {
    QUEUED, RUNNING, COMPLETED, DIVERGED, FAILED, CANCELLED, PRUNED;

    public static final Set<TrialStatus> TERMINAL = EnumSet.of(COMPLETED, DIVERGED, FAILED, CANCELLED, PRUNED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
