package dev.hypersearch.store;

/** A worker's hold on one attempt of a trial: every write of that trial names it, and is refused once it is lost. */
public record Lease(long trialId, String workerId, int attempt) {
}
