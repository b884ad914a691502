package dev.hypersearch;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.core.env.Environment;

/**
 * Service settings under {@code hypersearch.*}, with their defaults (this is the only place that sets them).
 * Durations take Spring's forms ({@code 30s}, {@code 500ms}, {@code 1m}); a plain number is in the unit its
 * property name ends with, so {@code lease-seconds=30} is 30 seconds and {@code poll-millis=50} is 50 ms.
 *
 * @param role          what this process runs; default all
 * @param workers       worker threads in this process; 0 (default) = one per core
 * @param lease         how long a claimed trial stays with its worker without a heartbeat; default 30 s
 * @param heartbeat     how often leases are renewed, expired ones reaped and cancellations read; default 5 s
 * @param maxAttempts   attempts per trial before an expired lease fails it; default 3
 * @param poll          how long an idle worker waits before looking for work again; default 500 ms
 * @param gridCap       largest grid a search may enumerate; default 100,000
 * @param randomCap     largest maxTrials of a random search; default 10,000
 * @param shutdownGrace on shutdown (SIGTERM), how long running trials may go on to finish before they are
 *                      handed back to the queue; default 0 = hand them back at once
 * @param trialMemoryFraction share of the heap ({@code -Xmx}) that this process's worker threads may fill with
 *                      trials together; each thread's budget is this share divided by the worker threads, as all
 *                      of them may train their largest trial at once; default 0.5 (the rest is for the data
 *                      cache, the API, and the garbage collector's headroom)
 * @param workerNice    the Linux nice value (0-19) the worker threads train at, so that the threads that answer
 *                      requests, stream events and renew leases run before training when they want a core; it
 *                      costs a lone search nothing (nice only decides who goes first); default 10, 0 = off
 */
@ConfigurationProperties("hypersearch")
public record HypersearchProperties(
        Role role,
        int workers,
        @Name("lease-seconds") @DurationUnit(ChronoUnit.SECONDS) Duration lease,
        @Name("heartbeat-seconds") @DurationUnit(ChronoUnit.SECONDS) Duration heartbeat,
        int maxAttempts,
        @Name("poll-millis") @DurationUnit(ChronoUnit.MILLIS) Duration poll,
        int gridCap,
        int randomCap,
        @Name("shutdown-grace-seconds") @DurationUnit(ChronoUnit.SECONDS) Duration shutdownGrace,
        double trialMemoryFraction,
        Integer workerNice) {

    public HypersearchProperties {
        role = role == null ? Role.ALL : role;
        lease = positiveOr(lease, Duration.ofSeconds(30));
        heartbeat = positiveOr(heartbeat, Duration.ofSeconds(5));
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        poll = positiveOr(poll, Duration.ofMillis(500));
        gridCap = gridCap <= 0 ? 100_000 : gridCap;
        randomCap = randomCap <= 0 ? 10_000 : randomCap;
        shutdownGrace = shutdownGrace == null || shutdownGrace.isNegative() ? Duration.ZERO : shutdownGrace;
        trialMemoryFraction = trialMemoryFraction > 0 && trialMemoryFraction <= 1 ? trialMemoryFraction : 0.5;
        // raising a priority (a negative nice) would need privileges, and training must never outrank requests
        workerNice = workerNice == null ? 10 : Math.max(0, Math.min(19, workerNice));
    }

    private static Duration positiveOr(Duration d, Duration fallback) {
        return d == null || d.isNegative() || d.isZero() ? fallback : d;
    }

    public int workerThreads() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The heap one trial may use: {@link #trialMemoryFraction} of the maximum heap, shared by the worker threads.
     * A process without workers (role api) sizes it as a worker process with the same heap and settings would.
     */
    public long trialMemoryBudgetBytes() {
        return (long) (trialMemoryFraction * Runtime.getRuntime().maxMemory() / workerThreads());
    }

    public boolean runsWorkers() {
        return role.runsWorkers();
    }

    /** Whether this process serves the REST API (every role but worker, which answers /api/** with 404). */
    public boolean servesApi() {
        return role.servesApi();
    }

    /**
     * The settings as the application binds them, read before the context exists (conditions on the role):
     * the same names, units, role parsing and defaults.
     */
    public static HypersearchProperties bind(Environment environment) {
        return bind(ConfigurationPropertySources.get(environment), new PropertySourcesPlaceholdersResolver(environment));
    }

    static HypersearchProperties bind(Iterable<ConfigurationPropertySource> sources,
                                      PropertySourcesPlaceholdersResolver placeholders) {
        ApplicationConversionService conversions = new ApplicationConversionService();
        conversions.addConverter(new RoleConverter());
        return new Binder(sources, placeholders, conversions).bindOrCreate("hypersearch", HypersearchProperties.class);
    }
}
