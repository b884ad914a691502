package dev.hypersearch.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.search.tpe.ObservedTrial;
import dev.hypersearch.search.tpe.Suggestion;
import dev.hypersearch.search.tpe.TpeSampler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * TPE's storage, on H2 and PostgreSQL alike: model-based trials are stored without parameters, a claim brings
 * none, the suggestion is written once under the lease with its basis, and the basis reads back the inputs.
 */
abstract class TpeStoreContract {

    static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired TrialQueue queue;
    @Autowired SearchLifecycle lifecycle;
    @Autowired TrialRepository trials;
    @Autowired TpeHistory history;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        StoreTables.empty(jdbc);
    }

    @Test
    void aSuggestionIsStoredOnceUnderTheLeaseAndItsBasisReadsBackItsInputs() {
        Map<String, Object> raw = Map.of("name", "t", "dataset", "iris", "strategy", "tpe", "seed", 3, "maxTrials", 4,
                "tpe", Map.of("startupTrials", 2),
                "space", Map.of("learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 0.1, "log", true))));
        SearchSpec spec = SearchSpec.parse(raw);
        Strategy strategy = Strategies.create(spec);
        List<TrialParams> params = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            params.add(strategy.paramsFor(k));
        }
        assertThat(params.subList(2, 4)).containsOnlyNulls();
        long searchId = lifecycle.create(SearchEntities.of(raw, 4, Instant.now()), params).getId();

        ClaimedTrial t0 = queue.claim("w", LEASE).orElseThrow();
        ClaimedTrial t1 = queue.claim("w", LEASE).orElseThrow();
        assertThat(t0.params()).isEqualTo(params.get(0));
        assertThat(queue.finish(t0.lease(), TestResults.holdout(TrialStatus.COMPLETED, 0.3, 0.3, 1, 0.9, 0.1, 1, 5,
                null))).isTrue();
        ClaimedTrial t2 = queue.claim("w", LEASE).orElseThrow();
        assertThat(t2.number()).isEqualTo(2);
        assertThat(t2.params()).isNull();

        List<ObservedTrial> observed = history.observedFor(searchId, t2.lease().trialId());
        assertThat(observed).extracting(ObservedTrial::status)
                .containsExactlyInAnyOrder(TrialStatus.COMPLETED, TrialStatus.RUNNING);
        TpeSampler sampler = new TpeSampler(spec.space(), spec.tpe(), spec.seed());
        Suggestion s = sampler.suggest(2, observed);
        assertThat(s.basedOn()).containsExactly(t0.lease().trialId());
        assertThat(s.running()).containsExactly(t1.lease().trialId());
        SuggestionBasis basis = new SuggestionBasis(s.basedOn(), s.running());
        Lease stale = new Lease(t2.lease().trialId(), "other", t2.lease().attempt());
        assertThat(queue.recordSuggestion(stale, s.params(), basis)).isFalse();
        assertThat(queue.recordSuggestion(t2.lease(), s.params(), basis)).isTrue();
        assertThat(queue.recordSuggestion(t2.lease(), s.params(), basis)).as("only once").isFalse();

        TrialEntity row = trials.findById(t2.lease().trialId()).orElseThrow();
        assertThat(row.getParams()).isEqualTo(s.params());
        assertThat(row.getSuggestionBasis()).isEqualTo(basis);
        // Trial 1 has finished since; the basis still reads it back as running, as it was.
        assertThat(queue.finish(t1.lease(), TestResults.holdout(TrialStatus.COMPLETED, 0.2, 0.2, 1, 0.9, 0.1, 1, 5,
                null))).isTrue();
        assertThat(sampler.suggest(2, history.observedAt(basis))).isEqualTo(s);

        // A never-claimed TPE trial of a cancelled search stays without parameters.
        lifecycle.cancel(searchId);
        TrialEntity last = trials.findAll().stream().filter(t -> t.getNumber() == 3).findFirst().orElseThrow();
        assertThat(last.getStatus()).isEqualTo(TrialStatus.CANCELLED);
        assertThat(last.getParams()).isNull();
    }
}
