package dev.hypersearch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.nn.Gemm;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.scaleout.Await;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.FirstTrials;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchEntities;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchRepository;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialRepository;
import dev.hypersearch.trial.CrossValidatedRunner;
import dev.hypersearch.trial.TrialRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A trial that throws an Error ends FAILED with it and the worker thread claims the next trial; health says UP
 * while every worker thread runs and DOWN once one has ended. The Errors are injected through the engine's own
 * seam, a {@link Gemm} that throws for networks of a marked width (the heap is never really exhausted).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:worker-error;DB_CLOSE_DELAY=-1",
        "hypersearch.role=all", "hypersearch.workers=1", "hypersearch.poll-millis=50"})
@Import({SearchCompletions.class, WorkerErrorIT.ThrowingEngine.class})
class WorkerErrorIT {

    static final int OUT_OF_MEMORY = 13;
    static final int STACK_OVERFLOW = 11;
    static final int THREAD_DEATH = 7;

    /** The engine with a GEMM that throws when a layer of a marked width is multiplied. */
    @TestConfiguration
    static class ThrowingEngine {
        @Bean @Primary
        TrialRunner throwingTrialRunner() {
            return new TrialRunner(new ThrowingGemm(Gemms.reference()));
        }

        @Bean @Primary
        CrossValidatedRunner throwingCrossValidatedRunner() {
            return new CrossValidatedRunner(new ThrowingGemm(Gemms.reference()));
        }
    }

    record ThrowingGemm(Gemm delegate) implements Gemm {
        @Override
        @SuppressWarnings({"deprecation", "removal"})
        public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            switch (b.numCols) {
                case OUT_OF_MEMORY -> throw new OutOfMemoryError("Java heap space (injected)");
                case STACK_OVERFLOW -> throw new StackOverflowError();
                case THREAD_DEATH -> throw new ThreadDeath();
                default -> delegate.mult(a, b, c);
            }
        }

        @Override
        public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            delegate.multTransA(a, b, c);
        }

        @Override
        public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            delegate.multTransB(a, b, c);
        }

        @Override
        public String name() {
            return "throwing " + delegate.name();
        }
    }

    @LocalServerPort int port;
    @Autowired SearchLifecycle lifecycle;
    @Autowired SearchRepository searches;
    @Autowired TrialRepository trials;
    @Autowired SearchCompletions completions;
    @Autowired ApplicationEventPublisher events;

    @Test
    void aTrialThatThrowsAnErrorFailsAndTheWorkerGoesOnUntilAThreadDeathEndsIt() throws Exception {
        assertThat(health()).isEqualTo(new Health(200, "UP", "UP"));

        long id = submit(List.of(OUT_OF_MEMORY, 16, STACK_OVERFLOW, 32));
        completions.of(id).get(2, TimeUnit.MINUTES);

        assertThat(searches.findById(id).orElseThrow().getStatus()).isEqualTo(SearchStatus.COMPLETED);
        List<TrialEntity> rows = trialsOf(id);
        assertThat(rows).extracting(TrialEntity::getStatus).containsExactly(TrialStatus.FAILED, TrialStatus.COMPLETED,
                TrialStatus.FAILED, TrialStatus.COMPLETED);
        assertThat(rows.get(0).getError()).isEqualTo("OutOfMemoryError: Java heap space (injected)");
        assertThat(rows.get(2).getError()).startsWith("StackOverflowError");
        // the one worker thread trained all four, so it outlived both Errors
        assertThat(rows).extracting(TrialEntity::getWorkerId).containsOnly(rows.get(0).getWorkerId());
        assertThat(health()).isEqualTo(new Health(200, "UP", "UP"));

        submit(List.of(THREAD_DEATH));
        Await.until(Duration.ofMinutes(1), "health DOWN", () -> health().code() == 503);
        assertThat(health()).isEqualTo(new Health(503, "DOWN", "DOWN"));
    }

    private long submit(List<Integer> units) {
        Map<String, Object> raw = Map.of("name", "errors", "dataset", "iris", "strategy", "grid", "seed", 7,
                "space", Map.of("hiddenUnits", Map.of("choice", units), "epochs", 2, "batchSize", 16));
        FirstTrials first = FirstTrials.of(SearchSpec.parse(raw));
        SearchEntity saved = lifecycle.create(SearchEntities.of(raw, first.count(), Instant.now()), first);
        completions.of(saved.getId());
        events.publishEvent(new SearchChangedEvent(saved.getId(), SearchStatus.RUNNING));
        return saved.getId();
    }

    private List<TrialEntity> trialsOf(long id) {
        return trials.findAll().stream().filter(t -> t.getSearchId() == id)
                .sorted(Comparator.comparing(TrialEntity::getNumber)).toList();
    }

    record Health(int code, String status, String workers) {
    }

    private Health health() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body());
            return new Health(r.statusCode(), json.get("status").asString(),
                    json.path("components").path("workers").path("status").asString(null));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
