package dev.hypersearch.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * The summary plus the spec as stored: seed included, so the search can be replayed by resubmitting it.
 *
 * @param stages      a coarse-to-fine search's stages so far, each with the space its trials were sampled
 *                    from; empty for other strategies
 * @param sanityCheck the sanity check's report when the spec asked for one: passed, failedCheck
 *                    (initialLoss | overfitSubset | null), initialLoss, expectedInitialLoss, finalTrainLoss,
 *                    message; null otherwise
 */
public record SearchDetail(@JsonUnwrapped SearchSummary summary, Map<String, Object> spec, List<StageInfo> stages,
                           Map<String, Object> sanityCheck) {

    /** One coarse-to-fine stage: trial numbers {@code [firstTrial, firstTrial + trialCount)} and its space. */
    public record StageInfo(int stage, int firstTrial, int trialCount, Map<String, Object> space) {
    }
}
