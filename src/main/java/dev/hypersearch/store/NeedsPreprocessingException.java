package dev.hypersearch.store;

/**
 * A data set with categorical, date or incomplete features asked for as the engine's numeric data set: it trains
 * only through the per-trial preprocessing pipeline.
 */
public class NeedsPreprocessingException extends IllegalStateException {

    public NeedsPreprocessingException(String dataset) {
        super("dataset '" + dataset + "' has categorical, date or missing feature values, which need the"
                + " preprocessing pipeline");
    }
}
