package dev.hypersearch.store;

/** A model job a worker has claimed: its lease and the model it refits. */
public record ClaimedModel(ModelLease lease, ModelRecord model) {
}
