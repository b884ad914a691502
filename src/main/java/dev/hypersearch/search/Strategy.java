package dev.hypersearch.search;

/**
 * Turns a space into trial parameters (a sampler, in Optuna's words). Random access by trial number,
 * numbered from 0 like Optuna's trials: any worker can materialise any trial alone, and the answer
 * never depends on which other trials ran, in what order, or on how many workers. The exception is a
 * model-based strategy ({@link TpeStrategy}), whose later trials learn from finished ones: those are
 * decided when a worker claims them, and {@link #paramsFor} answers null for them.
 */
public interface Strategy {

    /** How many trials this search runs. */
    long trialCount();

    /**
     * Parameters of trial {@code trialNumber}, {@code 0 <= trialNumber < trialCount()}; null when they are
     * decided only when the trial is claimed (TPE after its start-up trials).
     */
    TrialParams paramsFor(long trialNumber);
}
