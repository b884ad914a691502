package dev.hypersearch.api;

import dev.hypersearch.search.TrialParams;
import java.util.List;

/**
 * What a spec would run. {@code seed} is the one used, drawn when the request gave none: submit the spec
 * with it to get exactly these trials. {@code memoryEstimateBytes} is the estimated heap of the space's largest
 * configuration (one trial: network, optimizer state, batch buffers, data), the figure held against a worker's
 * budget at submission.
 */
public record PreviewResponse(long trialCount, long totalEpochs, long seed, List<PreviewTrial> firstTrials,
                              long memoryEstimateBytes) {

    public record PreviewTrial(long number, TrialParams params) {
    }
}
