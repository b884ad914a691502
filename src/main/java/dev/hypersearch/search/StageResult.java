package dev.hypersearch.search;

import java.util.Objects;

/**
 * One finished trial as coarse-to-fine narrowing sees it: its number (to break ties the same way on every
 * replay), its parameters and its objective (validation loss, lower is better; non-finite is skipped).
 */
public record StageResult(long trialNumber, TrialParams params, double objective) {

    public StageResult {
        Objects.requireNonNull(params, "params");
    }
}
