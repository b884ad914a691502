package dev.hypersearch.store;

/**
 * Lifecycle of a search: CHECKING while a worker runs its sanity check (only when the spec asks for one; no
 * trial can be claimed yet), RUNNING until every trial has ended, or until cancelled or failed.
 */
public enum SearchStatus {
    CHECKING, RUNNING, COMPLETED, CANCELLED, FAILED;

    /** Whether the search has ended: nothing of it will run any more. */
    public boolean isFinished() {
        return this != RUNNING && this != CHECKING;
    }
}
