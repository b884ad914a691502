package dev.hypersearch.store;

/** What a worker gets from a successful claim. */
public record ClaimedTrial(Lease lease, long searchId, int number) {
}
