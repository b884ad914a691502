package dev.hypersearch.api;

import java.util.List;
import java.util.Map;

/**
 * What a spec would run. {@code seed} is the one used, drawn when the request gave none: submit the spec
 * with it to get exactly these trials.
 */
public record PreviewResponse(long trialCount, long totalEpochs, long seed, List<PreviewTrial> firstTrials) {

    public record PreviewTrial(long number, Map<String, Object> params) {
    }
}
