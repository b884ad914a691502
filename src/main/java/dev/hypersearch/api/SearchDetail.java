package dev.hypersearch.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.hypersearch.search.MlpParameters;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.SpaceParameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The summary plus the spec as stored: seed and precision included, so the search can be replayed by resubmitting
 * it (a search stored before precision was named shows the float64 it trains at). Clients
 * show {@code spec} as text; what it means for tables and charts comes computed in {@code parameters} and
 * {@code rungEpochs}.
 *
 * @param parameters  what the space says about each catalogue parameter, in canonical order
 * @param rungEpochs  the epochs at which the search's pruner may stop a trial (ASHA's rungs below the largest
 *                    epochs of the space); empty for other pruners
 * @param stages      a coarse-to-fine search's stages so far, each with the space its trials were sampled
 *                    from; empty for other strategies
 * @param sanityCheck the sanity check's report when the spec asked for one: passed, failedCheck
 *                    (initialLoss | overfitSubset | null), initialLoss, expectedInitialLoss, finalTrainLoss,
 *                    message; null otherwise
 * @param inputFeatures the network's inputs after preprocessing (its fitted pipeline's width, the first fold's
 *                    for k folds); null until the search's first trial has prepared the data
 */
public record SearchDetail(@JsonUnwrapped SearchSummary summary, Map<String, Object> spec,
                           List<ParameterUse> parameters, List<Integer> rungEpochs, List<StageInfo> stages,
                           Map<String, Object> sanityCheck, @Nullable Integer inputFeatures) {

    /**
     * One parameter of the search's space: whether it varies, on which axis to plot it ("value", "log" or
     * "category"), a category axis's values as text, its value when it does not vary, and, when no trial of the
     * space can use it, the condition it would need ("optimizer is momentum"; null when it may apply).
     */
    public record ParameterUse(String name, boolean varying,
                               @Schema(allowableValues = {"value", "log", "category"}) String axis,
                               @Nullable List<String> categories,
                               @Schema(types = {"number", "string", "boolean", "null"}) @Nullable Object fixed,
                               @Nullable String notApplicable) {

        static List<ParameterUse> of(Space space) {
            return SpaceParameter.of(space).stream().map(p -> new ParameterUse(p.name(), p.varying(),
                    p.axis().wireName(), p.categories(), p.fixed(),
                    space.mayApply(p.name()) ? null : MlpParameters.find(p.name()).orElseThrow().condition().text()))
                    .toList();
        }
    }

    /** One coarse-to-fine stage: trial numbers {@code [firstTrial, firstTrial + trialCount)} and its space. */
    public record StageInfo(int stage, int firstTrial, int trialCount, Map<String, Object> space) {
    }
}
