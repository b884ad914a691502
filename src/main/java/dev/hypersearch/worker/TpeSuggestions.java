package dev.hypersearch.worker;

import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.tpe.Suggestion;
import dev.hypersearch.search.tpe.TpeSampler;
import dev.hypersearch.store.Lease;
import dev.hypersearch.store.SuggestionBasis;
import dev.hypersearch.store.TpeHistory;
import dev.hypersearch.store.TrialQueue;
import dev.hypersearch.trial.AbandonTrialException;
import org.springframework.stereotype.Component;

/**
 * Decides a claimed TPE trial's parameters, after the claim's short transaction and under its lease: reads the
 * search's finished and running trials, asks the sampler, and stores the parameters with their basis. Two
 * workers claiming at once each see the other's trial as running (once its parameters are stored), so they
 * are pushed apart rather than to the same point.
 */
@Component
@ConditionalOnWorkers
class TpeSuggestions {

    private final TpeHistory history;
    private final TrialQueue queue;

    TpeSuggestions(TpeHistory history, TrialQueue queue) {
        this.history = history;
        this.queue = queue;
    }

    /**
     * @throws AbandonTrialException when the lease was lost before the parameters were stored
     */
    TrialParams decide(LeasedTrial trial, TpeSampler sampler) {
        if (sampler == null) {
            throw new IllegalStateException(trial.name() + " has no parameters and its search is not a TPE search");
        }
        Lease lease = trial.lease();
        Suggestion s = sampler.suggest(trial.claim().number(), trial.underLease("read trials for TPE",
                () -> history.observedFor(trial.searchId(), lease.trialId())));
        boolean stored = trial.underLease("store suggestion",
                () -> queue.recordSuggestion(lease, s.params(), new SuggestionBasis(s.basedOn(), s.running())));
        if (!stored) {
            throw new AbandonTrialException("lease lost before the suggested parameters were stored");
        }
        return s.params();
    }
}
