package dev.hypersearch.bench;

import dev.hypersearch.Application;
import dev.hypersearch.api.SearchSubmissions;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchRepository;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The whole service in the benchmark's JVM, the same way for every benchmark: an in-memory H2 database, no web
 * server, quiet logs; searches submitted as the API submits them and awaited by their end event.
 */
final class BenchService implements AutoCloseable {

    /** The H2 options of the service's own URL (application.yml), so that the benchmark's H2 parses as it does. */
    private static final String H2_OPTIONS = ";QUERY_CACHE_SIZE=64";

    private final ConfigurableApplicationContext context;
    private final Map<Long, CompletableFuture<Void>> ends;

    private BenchService(ConfigurableApplicationContext context, Map<Long, CompletableFuture<Void>> ends) {
        this.context = context;
        this.ends = ends;
    }

    /**
     * @param database  name of the in-memory H2 database (a fresh one per name)
     * @param role      {@code hypersearch.role}: all (workers in this process) or none (the bare queue)
     * @param settings  more {@code --name=value} arguments
     */
    static BenchService start(String database, String role, int workers, String... settings) {
        Map<Long, CompletableFuture<Void>> ends = new ConcurrentHashMap<>();
        SpringApplication app = new SpringApplication(Application.class);
        app.addListeners((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
            if (event.getPayload() instanceof SearchChangedEvent e && e.status().isFinished()) {
                ends.computeIfAbsent(e.searchId(), id -> new CompletableFuture<>()).complete(null);
            }
        });
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1"
                        + System.getProperty("h2.options", H2_OPTIONS),
                "--hypersearch.role=" + role, "--hypersearch.workers=" + workers,
                "--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--spring.jmx.enabled=false"));
        args.addAll(List.of(settings));
        return new BenchService(app.run(args.toArray(String[]::new)), ends);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** Submits a spec (a request body's values) as the API does. */
    SearchEntity submit(Map<String, Object> spec) {
        return context.getBean(SearchSubmissions.class).submit(spec);
    }

    /** Waits for the search's end event (completed, failed or cancelled). */
    void await(SearchEntity search) throws Exception {
        ends.computeIfAbsent(search.getId(), id -> new CompletableFuture<>()).get();
    }

    /** Submits and waits; the search as stored at its end. */
    SearchEntity run(Map<String, Object> spec) throws Exception {
        SearchEntity search = submit(spec);
        await(search);
        return context.getBean(SearchRepository.class).findById(search.getId()).orElseThrow();
    }

    List<TrialEntity> trials(long searchId) {
        return context.getBean(TrialRepository.class).findAll().stream()
                .filter(t -> t.getSearchId() == searchId).toList();
    }

    /** The validation loss of the search's best trial; NaN when it has none. */
    static double bestValLoss(SearchEntity search, List<TrialEntity> trials) {
        return trials.stream().filter(t -> t.getId().equals(search.getBestTrialId()))
                .mapToDouble(TrialEntity::getValLoss).findFirst().orElse(Double.NaN);
    }

    @Override
    public void close() {
        context.close();
    }
}
