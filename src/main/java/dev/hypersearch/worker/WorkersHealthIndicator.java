package dev.hypersearch.worker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code workers} component of {@code /actuator/health}: DOWN when fewer of this process's worker threads are
 * alive than configured (a thread died, or the pool is stopped), so an orchestrator restarts a process that can no
 * longer train. Exists only where workers run (roles all and worker).
 */
@Component
@ConditionalOnWorkers
class WorkersHealthIndicator implements HealthIndicator {

    private final WorkerPool pool;

    WorkersHealthIndicator(WorkerPool pool) {
        this.pool = pool;
    }

    @Override
    public Health health() {
        int configured = pool.configuredThreads();
        int live = pool.liveThreads();
        Health.Builder health = live >= configured ? Health.up() : Health.down();
        return health.withDetail("configured", configured).withDetail("running", live).build();
    }
}
