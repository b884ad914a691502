package dev.hypersearch.store;

/** Lifecycle of a search: RUNNING until every trial has ended, or until cancelled or failed. */
public enum SearchStatus {
    RUNNING, COMPLETED, CANCELLED, FAILED;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
