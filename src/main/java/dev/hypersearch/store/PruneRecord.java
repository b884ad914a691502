package dev.hypersearch.store;

/**
 * Where a pruner stopped a trial and what it compared: {@code value} (best-so-far for the median rule, the
 * value at the rung for ASHA) against {@code threshold}. {@code rung} is ASHA's rung index, null otherwise.
 */
public record PruneRecord(String rule, int epoch, Integer rung, double value, double threshold) {
}
