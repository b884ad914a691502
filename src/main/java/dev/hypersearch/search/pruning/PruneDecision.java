package dev.hypersearch.search.pruning;

/**
 * A pruner's verdict on a trial after one epoch, with what it compared, so a PRUNED trial records where
 * and why it stopped.
 *
 * @param rule      "median", "asha" or "none"
 * @param epoch     the epoch just finished (1-based)
 * @param rung      ASHA's rung index (0 for the first rung), null for other rules
 * @param value     the trial's value that was compared (best-so-far for median, the value at the rung for
 *                  ASHA); NaN when nothing was compared
 * @param threshold what it had to beat (at most equal); NaN when nothing was compared
 */
public record PruneDecision(boolean prune, String rule, int epoch, Integer rung, double value, double threshold,
                            String reason) {

    static PruneDecision keep(String rule, int epoch, Integer rung, double value, double threshold, String reason) {
        return new PruneDecision(false, rule, epoch, rung, value, threshold, reason);
    }

    static PruneDecision keep(String rule, int epoch, String reason) {
        return keep(rule, epoch, null, Double.NaN, Double.NaN, reason);
    }
}
