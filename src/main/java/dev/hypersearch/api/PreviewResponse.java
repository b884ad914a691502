package dev.hypersearch.api;

import dev.hypersearch.search.TrialParams;
import java.util.List;

/**
 * What a spec would run. {@code seed} is the one used, drawn when the request gave none: submit the spec
 * with it to get exactly these trials.
 */
public record PreviewResponse(long trialCount, long totalEpochs, long seed, List<PreviewTrial> firstTrials) {

    public record PreviewTrial(long number, TrialParams params) {
    }
}
