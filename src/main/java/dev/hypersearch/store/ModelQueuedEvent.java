package dev.hypersearch.store;

/** A model job was queued in this process: idle workers here may start it now rather than at their next look. */
public record ModelQueuedEvent(long modelId) {
}
