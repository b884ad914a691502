package dev.hypersearch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.nn.KernelWarmup;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.FirstTrials;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchEntities;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TrialRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A worker process (role worker) runs the engine's warm-up at start-up, and a warm-up that throws neither stops
 * the start nor the workers: they claim and train a search afterwards. The warm-up is replaced by one that runs
 * the real {@link KernelWarmup} briefly and then throws.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:engine-warmup;DB_CLOSE_DELAY=-1", "hypersearch.role=worker",
        "hypersearch.workers=2", "hypersearch.poll-millis=50", "hypersearch.warmup.enabled=true"})
@Import({SearchCompletions.class, EngineWarmupIT.FailingWarmup.class})
class EngineWarmupIT {

    static final CountDownLatch RAN = new CountDownLatch(1);

    @TestConfiguration
    static class FailingWarmup {
        @Bean @Primary
        EngineWarmup.Task failingWarmupTask() {
            return (budget, stop) -> {
                KernelWarmup.Report r = new KernelWarmup(dev.hypersearch.nn.Gemms.reference())
                        .run(TimeUnit.MILLISECONDS.toNanos(200), stop);
                RAN.countDown();
                throw new IllegalStateException("warm-up failed (injected) after " + r.configurations() + " nets");
            };
        }
    }

    @Autowired EngineWarmup warmup;
    @Autowired WorkerPool pool;
    @Autowired SearchLifecycle lifecycle;
    @Autowired TrialRepository trials;
    @Autowired SearchCompletions completions;
    @Autowired ApplicationEventPublisher events;

    @Test
    void theWarmupRunsAndItsFailureLeavesTheWorkersTraining() throws Exception {
        assertThat(RAN.await(1, TimeUnit.MINUTES)).as("warm-up ran").isTrue();
        assertThat(warmup.await(TimeUnit.MINUTES.toMillis(1))).isTrue();

        Map<String, Object> raw = Map.of("name", "after warm-up", "dataset", "iris", "strategy", "grid", "seed", 7,
                "space", Map.of("hiddenUnits", Map.of("choice", List.of(8, 16)), "epochs", 2, "batchSize", 16));
        FirstTrials first = FirstTrials.of(SearchSpec.parse(raw));
        SearchEntity saved = lifecycle.create(SearchEntities.of(raw, first.count(), Instant.now()), first);
        completions.of(saved.getId());
        events.publishEvent(new SearchChangedEvent(saved.getId(), SearchStatus.RUNNING));
        SearchChangedEvent end = completions.of(saved.getId()).get(2, TimeUnit.MINUTES);

        assertThat(end.status()).isEqualTo(SearchStatus.COMPLETED);
        assertThat(trials.findAll()).filteredOn(t -> t.getSearchId() == saved.getId())
                .extracting(t -> t.getStatus()).containsOnly(TrialStatus.COMPLETED).hasSize(2);
        assertThat(pool.liveThreads()).isEqualTo(pool.configuredThreads());
    }
}
