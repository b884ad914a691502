package dev.hypersearch.trial;

import dev.hypersearch.nn.EpochMetrics;
import java.util.List;

/**
 * One fold of a cross-validated trial: its own learning curve (kept for the trial's detail view) and how
 * its run ended.
 *
 * @param fold    0-based fold index, the order of {@link DataPreparation#kFold}
 * @param outcome the engine's outcome: STOPPED when the trial was pruned or another fold ended it
 */
public record FoldResult(int fold, List<EpochMetrics> curve, String outcome, String message) {

    public FoldResult {
        curve = List.copyOf(curve);
    }
}
