package dev.hypersearch.store;

/** One epoch of a learning curve as the worker reports it; non-finite numbers are stored as NULL. */
public record EpochRow(int epoch, double trainLoss, double valLoss, double valAccuracy, long elapsedMs) {
}
