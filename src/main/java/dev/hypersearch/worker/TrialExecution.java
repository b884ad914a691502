package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.nn.EpochListener;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.search.Validation;
import dev.hypersearch.search.pruning.PruneDecision;
import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.SanityCheckJobs;
import dev.hypersearch.store.SearchPipelines;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.StoredPeerResults;
import dev.hypersearch.trial.AbandonTrialException;
import dev.hypersearch.trial.CrossValidatedRunner;
import dev.hypersearch.trial.MemoryEstimate;
import dev.hypersearch.trial.PreparedData;
import dev.hypersearch.trial.PruningListener;
import dev.hypersearch.trial.TrialOutcome;
import dev.hypersearch.trial.TrialRunner;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains one leased trial: loads its search and data, runs it (holdout or k-fold, with its pruner), and ends,
 * releases or abandons it through its {@link LeasedTrial}, which makes every write under the lease.
 */
@Component
@ConditionalOnWorkers
class TrialExecution {

    private static final Logger log = LoggerFactory.getLogger(TrialExecution.class);

    private final SearchCache searchCache;
    private final PreparedDataCache data;
    private final TrialRunner runner;
    private final CrossValidatedRunner crossValidatedRunner;
    private final StoredPeerResults peers;
    private final long memoryBudget;
    private final SanityCheckExecution sanityChecks;
    private final TpeSuggestions suggestions;
    private final SearchPipelines pipelines;
    /** Searches whose fitted pipelines this process has seen in the database: checked once per search. */
    private final Set<Long> pipelinesRecorded = ConcurrentHashMap.newKeySet();

    TrialExecution(SearchCache searchCache, PreparedDataCache data, TrialRunner runner,
                   CrossValidatedRunner crossValidatedRunner, StoredPeerResults peers, HypersearchProperties props,
                   SanityCheckExecution sanityChecks, TpeSuggestions suggestions, SearchPipelines pipelines) {
        this.searchCache = searchCache;
        this.data = data;
        this.runner = runner;
        this.crossValidatedRunner = crossValidatedRunner;
        this.peers = peers;
        this.memoryBudget = props.trialMemoryBudgetBytes();
        this.sanityChecks = sanityChecks;
        this.suggestions = suggestions;
        this.pipelines = pipelines;
    }

    /** Runs the trial to its end; when this process hands its work back, the trial goes back to the queue. */
    void execute(LeasedTrial trial) {
        ClaimedTrial claim = trial.claim();
        String name = trial.name();
        try (trial) {
            // The claim brought the trial's parameters and the search's status; the rest of the search is cached.
            SearchSettings settings = trial.underLease("load search", () -> searchCache.get(claim.searchId()));
            if (claim.number() == SanityCheckJobs.CHECK_NUMBER) {
                sanityChecks.execute(trial, settings);
                return;
            }
            trial.started();
            if (claim.searchStatus() != SearchStatus.RUNNING) {
                end(trial, untrained(TrialStatus.CANCELLED, "search " + claim.searchStatus().name().toLowerCase()),
                        null);
                return;
            }
            // A TPE trial's parameters are decided now, from the trials finished at its claim.
            TrialParams params = claim.params() != null ? claim.params() : suggestions.decide(trial, settings.tpe());
            EpochListener storeEpoch = m -> {
                trial.recordEpoch(TrialResults.row(m));
                return true;
            };
            // The pruner runs after the epoch is stored, so peers deciding later see this trial's row.
            PruningListener pruning = !settings.prunes() ? null : new PruningListener(
                    settings.pruner().create(params.epochs()), trial.peers(peers.forSearch(claim.searchId())),
                    claim.number(), storeEpoch);
            EpochListener listener = pruning == null ? storeEpoch : pruning;
            BooleanSupplier stop = trial.stopSignal();
            TrialOutcome outcome;
            try {
                if (settings.validation() instanceof Validation.KFold k) {
                    List<PreparedData> folds = trial.underLease("load data set",
                            () -> data.folds(settings.dataset(), k.folds(), settings.seed()));
                    recordPipelines(trial, claim.searchId(), folds);
                    String tooBig = overBudget(params, folds.get(0), settings);
                    outcome = tooBig != null ? failed(tooBig) : crossValidatedRunner.run(params, folds,
                            settings.seed(), claim.number(), listener, stop);
                } else {
                    double fraction = ((Validation.Holdout) settings.validation()).fraction();
                    PreparedData prepared = trial.underLease("load data set",
                            () -> data.get(settings.dataset(), fraction, settings.seed()));
                    recordPipelines(trial, claim.searchId(), List.of(prepared));
                    String tooBig = overBudget(params, prepared, settings);
                    outcome = tooBig != null ? failed(tooBig) : runner.run(params, prepared, settings.seed(),
                            claim.number(), listener, stop);
                }
            } catch (AbandonTrialException | DatabaseRetry.GaveUp e) {
                throw e;
            } catch (RuntimeException | Error e) {
                // An Error too (OutOfMemoryError, StackOverflowError): the trial's allocations are unreachable
                // once it unwinds, so the trial ends FAILED and this thread claims the next one.
                Failures.rethrowIfFatal(e);
                if (e instanceof Error) {
                    log.error("{}: failed with {}", name, e.toString());
                }
                outcome = failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (trial.leaseLost()) {
                log.warn("{}: lease lost, abandoned", name);
            } else if (outcome.ending() == TrialStatus.CANCELLED && !trial.searchStopped()) {
                // Shutting down: back to the queue without spending the attempt.
                if (trial.release()) {
                    log.info("{}: released to the queue", name);
                }
            } else {
                end(trial, outcome, pruning == null ? null : pruning.decision());
            }
        } catch (AbandonTrialException | DatabaseRetry.GaveUp e) {
            log.warn("{}: {}; left to the lease reaper", name, e.getMessage());
        }
    }

    /** Stores the search's fitted pipelines (one per fold) the first time any trial of it prepares its data. */
    private void recordPipelines(LeasedTrial trial, long searchId, List<PreparedData> folds) {
        if (pipelinesRecorded.contains(searchId)) {
            return;
        }
        trial.underLease("record preprocessing",
                () -> pipelines.recordOnce(searchId, folds.stream().map(PreparedData::pipeline).toList()));
        pipelinesRecorded.add(searchId);
    }

    /**
     * Why the trial would not fit in this worker's memory budget, or null. Submission checked the space against
     * the submitting process's budget; a worker process may have a smaller heap or more threads.
     */
    private String overBudget(TrialParams params, PreparedData data, SearchSettings settings) {
        DatasetShape shape = new DatasetShape(data.train().size() + data.validation().size(), data.numFeatures(),
                data.classification() ? data.numClasses() : 0);
        long needed = MemoryEstimate.of(params, shape, settings.validation()).bytes();
        return needed <= memoryBudget ? null : String.format(Locale.ROOT, "not trained: needs an estimated %,d bytes"
                + " of memory, over this worker's budget of %,d bytes (hypersearch.trial-memory-fraction)", needed,
                memoryBudget);
    }

    private static TrialOutcome failed(String message) {
        return untrained(TrialStatus.FAILED, message);
    }

    /** An ending with no curve and no metrics. */
    private static TrialOutcome untrained(TrialStatus ending, String message) {
        return new TrialOutcome(ending, List.of(), Double.NaN, Double.NaN, null, Double.NaN, Double.NaN, 0, message);
    }

    private static void end(LeasedTrial trial, TrialOutcome o, PruneDecision decision) {
        trial.end(TrialResults.of(o, decision));
    }
}
