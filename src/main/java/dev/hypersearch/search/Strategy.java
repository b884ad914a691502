package dev.hypersearch.search;

/**
 * Turns a space into trial parameters (a sampler, in Optuna's words). Random access by trial number,
 * numbered from 0 like Optuna's trials: any worker can materialise any trial alone, and the answer
 * never depends on which other trials ran, in what order, or on how many workers.
 */
public interface Strategy {

    /** How many trials this search runs. */
    long trialCount();

    /** Parameters of trial {@code trialNumber}, {@code 0 <= trialNumber < trialCount()}. */
    TrialParams paramsFor(long trialNumber);
}
