package dev.hypersearch.store;

import dev.hypersearch.search.TrialStatus;

/** Published in-process when a trial changes (claimed, an epoch, ended); the API streams it to browsers. */
public record TrialChangedEvent(long searchId, long trialId, int number, TrialStatus status, Integer epoch) {
}
