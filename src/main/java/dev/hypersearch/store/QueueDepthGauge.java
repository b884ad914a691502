package dev.hypersearch.store;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code hypersearch.queue.depth}: queued trials across all searches, in every role (the queue is shared). */
@Component
class QueueDepthGauge {

    QueueDepthGauge(MeterRegistry registry, TrialQueue queue) {
        registry.gauge("hypersearch.queue.depth", queue, TrialQueue::depth);
    }
}
