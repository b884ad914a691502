package dev.hypersearch.trial;

/**
 * Thrown from an epoch listener when the worker must drop the trial without recording anything (it lost
 * its lease): unlike a trial's own errors it passes through {@link TrialRunner} to the worker.
 */
public class AbandonTrialException extends RuntimeException {

    public AbandonTrialException(String message) {
        super(message);
    }
}
