package dev.hypersearch.store;

/** A worker's hold on one attempt of a model job: its writes name it and are refused once it is lost. */
public record ModelLease(long modelId, String workerId, int attempt) {
}
