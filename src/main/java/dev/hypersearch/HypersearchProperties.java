package dev.hypersearch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service settings under {@code hypersearch.*}.
 *
 * @param role             all (API + workers, the embedded default), api, worker, or none (tests of one layer)
 * @param workers          worker threads in this process; 0 = one per core
 * @param leaseSeconds     how long a claimed trial stays with its worker without a heartbeat
 * @param heartbeatSeconds how often leases are renewed, expired ones reaped and cancellations read
 * @param maxAttempts      attempts per trial before an expired lease fails it
 * @param pollMillis       how long an idle worker waits before looking for work again
 * @param gridCap          largest grid a search may enumerate
 * @param randomCap        largest maxTrials of a random search
 * @param shutdownGraceSeconds on shutdown (SIGTERM), how long running trials may go on to finish before they
 *                         are handed back to the queue; 0 = hand them back at once
 */
@ConfigurationProperties("hypersearch")
public record HypersearchProperties(String role, int workers, int leaseSeconds, int heartbeatSeconds,
                                    int maxAttempts, int pollMillis, int gridCap, int randomCap,
                                    int shutdownGraceSeconds) {

    public HypersearchProperties {
        role = role == null ? "all" : role.trim().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("all", "api", "worker", "none").contains(role)) {
            throw new IllegalArgumentException("hypersearch.role must be all, api, worker or none, not '" + role + "'");
        }
        leaseSeconds = leaseSeconds <= 0 ? 30 : leaseSeconds;
        heartbeatSeconds = heartbeatSeconds <= 0 ? 5 : heartbeatSeconds;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        pollMillis = pollMillis <= 0 ? 500 : pollMillis;
        gridCap = gridCap <= 0 ? 100_000 : gridCap;
        randomCap = randomCap <= 0 ? 10_000 : randomCap;
        shutdownGraceSeconds = Math.max(0, shutdownGraceSeconds);
    }

    public int workerThreads() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    public boolean runsWorkers() {
        return role.equals("all") || role.equals("worker");
    }

    /** Whether this process serves the REST API (role all or api); worker processes answer /api/** with 404. */
    public boolean servesApi() {
        return role.equals("all") || role.equals("api");
    }
}
