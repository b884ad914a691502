package dev.hypersearch.store;

/** Published in-process when a search is submitted, cancelled or ends; idle workers wake up on submissions. */
public record SearchChangedEvent(long searchId, SearchStatus status) {
}
