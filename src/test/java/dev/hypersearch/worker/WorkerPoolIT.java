package dev.hypersearch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.FirstTrials;
import dev.hypersearch.store.SearchEntities;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchRepository;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialEpochRepository;
import dev.hypersearch.store.TrialRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;

/** Real workers training real trials on the embedded database. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:worker-pool;DB_CLOSE_DELAY=-1",
        "hypersearch.role=all", "hypersearch.workers=2", "hypersearch.poll-millis=50"})
@Import(SearchCompletions.class)
class WorkerPoolIT {

    @Autowired SearchLifecycle lifecycle;
    @Autowired SearchRepository searches;
    @Autowired TrialRepository trials;
    @Autowired TrialEpochRepository epochs;
    @Autowired SearchCompletions completions;
    @Autowired ApplicationEventPublisher events;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    long submit(Map<String, Object> raw) {
        FirstTrials first = FirstTrials.of(SearchSpec.parse(raw));
        SearchEntity saved = lifecycle.create(SearchEntities.of(raw, first.count(), Instant.now()), first);
        completions.of(saved.getId());
        events.publishEvent(new SearchChangedEvent(saved.getId(), SearchStatus.RUNNING));
        return saved.getId();
    }

    SearchEntity awaitEnd(long id) throws Exception {
        completions.of(id).get(5, TimeUnit.MINUTES);
        return searches.findById(id).orElseThrow();
    }

    @Test
    void anIrisSearchRunsToCompletionWithEveryEpochRecorded() throws Exception {
        long id = submit(Map.of("name", "iris-grid", "dataset", "iris", "strategy", "grid", "seed", 7,
                "space", Map.of("learningRate", Map.of("choice", List.of(0.01, 0.003)),
                        "hiddenUnits", Map.of("choice", List.of(16, 32)), "epochs", 40, "batchSize", 16)));
        SearchEntity search = awaitEnd(id);

        assertThat(search.getStatus()).isEqualTo(SearchStatus.COMPLETED);
        List<TrialEntity> rows = trials.findAll().stream().filter(t -> t.getSearchId() == id).toList();
        assertThat(rows).hasSize(4).allMatch(t -> t.getStatus() == TrialStatus.COMPLETED);
        for (TrialEntity t : rows) {
            assertThat(epochs.findByTrialIdOrderByEpoch(t.getId())).hasSize(40);
            assertThat(t.getEpochsRun()).isEqualTo(40);
            assertThat(t.getAttempt()).isEqualTo(1);
            assertThat(t.getWorkerId()).isNotBlank();
        }
        TrialEntity best = trials.findById(search.getBestTrialId()).orElseThrow();
        assertThat(best.getValAccuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(rows).allMatch(t -> t.getValLoss() >= best.getValLoss() && t.getError() == null);
        // The metrics the README promises: trials by outcome, their duration, the queue depth.
        assertThat(meters.get("hypersearch.trials.finished").tag("outcome", "completed").counter().count())
                .isGreaterThanOrEqualTo(4);
        assertThat(meters.get("hypersearch.trial.duration").timer().count()).isGreaterThanOrEqualTo(4);
        assertThat(meters.get("hypersearch.queue.depth").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aDivergingTrialIsRecordedAndTheSearchGoesOn() throws Exception {
        long id = submit(Map.of("name", "diverge", "dataset", "regression", "strategy", "grid", "seed", 3,
                "space", Map.of("learningRate", Map.of("choice", List.of(10.0, 0.01)), "optimizer", "sgd",
                        "activation", "linear", "hiddenUnits", 64, "epochs", 30, "batchSize", 8)));
        SearchEntity search = awaitEnd(id);

        assertThat(search.getStatus()).isEqualTo(SearchStatus.COMPLETED);
        TrialEntity diverged = trials.findBySearchIdAndNumber(id, 0).orElseThrow();
        TrialEntity sound = trials.findBySearchIdAndNumber(id, 1).orElseThrow();
        assertThat(diverged.getStatus()).isEqualTo(TrialStatus.DIVERGED);
        assertThat(diverged.getError()).isNotBlank();
        assertThat(epochs.findByTrialIdOrderByEpoch(diverged.getId()))
                .allMatch(e -> e.getTrainLoss() != null && Double.isFinite(e.getTrainLoss()));
        assertThat(sound.getStatus()).isEqualTo(TrialStatus.COMPLETED);
        assertThat(search.getBestTrialId()).isEqualTo(sound.getId());
    }
}
