package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import java.time.Instant;

/**
 * A model's row without its weights. The JSON columns are kept as their text: the api reads them into types.
 *
 * @param status TRAINING, READY or FAILED
 */
public record ModelRecord(long id, long searchId, long trialId, int trialNumber, long searchSeed, String status,
                          TrialParams params, String dataset, String task, String metricsJson,
                          String featureSchemaJson, String classesJson, String workerId, int attempt, String error,
                          String owner, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** Queued or running, not yet ended. */
    public boolean training() {
        return status.equals("TRAINING");
    }
}
