package dev.hypersearch.worker;

import dev.hypersearch.data.table.Table;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.store.DatasetCatalog;
import dev.hypersearch.store.SanityCheckJobs;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.trial.SanityCheck;
import dev.hypersearch.trial.SanityReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a claimed sanity check ({@link SanityCheckJobs}): trial 0's configuration on 20 examples, at most
 * {@value SanityCheck#EPOCHS} epochs and {@link SanityCheck#TIME_LIMIT}, then, under the check's lease, either
 * the search's trials are queued or the search fails with the report. Stopped by the same signals as a trial.
 */
@Component
@ConditionalOnWorkers
class SanityCheckExecution {

    private static final Logger log = LoggerFactory.getLogger(SanityCheckExecution.class);

    private final SanityCheckJobs jobs;
    private final DatasetCatalog datasets;
    private final SanityCheck check = new SanityCheck(Gemms.byPrecision());

    SanityCheckExecution(SanityCheckJobs jobs, DatasetCatalog datasets) {
        this.jobs = jobs;
        this.datasets = datasets;
    }

    void execute(LeasedTrial trial, SearchSettings settings) {
        long searchId = trial.searchId();
        if (trial.claim().searchStatus() != SearchStatus.CHECKING) {
            trial.underLease("drop check", () -> jobs.dropped(trial.lease()));
            return;
        }
        Optional<SanityReport> report;
        try {
            Table dataset = trial.underLease("load data set", () -> datasets.table(settings.dataset())).orElseThrow(
                    () -> new IllegalStateException("dataset '" + settings.dataset() + "' no longer exists"));
            report = check.check(trial.claim().params(), dataset, settings.seed(), trial.stopSignal(),
                    SanityCheck.TIME_LIMIT);
        } catch (DatabaseRetry.GaveUp e) {
            throw e;
        } catch (RuntimeException | Error e) {
            Failures.rethrowIfFatal(e);
            // A configuration the engine refuses fails the check as surely as one that cannot learn.
            report = Optional.of(new SanityReport(false, "error", Double.NaN, Double.NaN, Double.NaN,
                    "sanity check failed: the first configuration could not be trained: "
                            + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        if (trial.leaseLost()) {
            log.warn("sanity check of search {}: lease lost, abandoned", searchId);
            return;
        }
        if (report.isEmpty()) {
            if (trial.searchStopped()) {
                trial.underLease("drop check", () -> jobs.dropped(trial.lease()));
            } else {
                trial.release(); // this process is stopping: another worker runs the check
            }
            return;
        }
        SanityReport r = report.get();
        Map<String, Object> stored = stored(r);
        Optional<SearchStatus> status = trial.underLease("check result", () -> r.passed()
                ? jobs.passed(trial.lease(), searchId, stored)
                : jobs.failed(trial.lease(), searchId, stored, r.message()));
        status.ifPresent(s -> trial.publishSearch(s));
        log.info("sanity check of search {}: {}", searchId, r.passed() ? "passed" : r.failedCheck());
    }

    /** The report as stored with the search (JSON-shaped), non-finite numbers as null. */
    static Map<String, Object> stored(SanityReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", r.passed());
        m.put("failedCheck", r.failedCheck());
        m.put("initialLoss", finite(r.initialLoss()));
        m.put("expectedInitialLoss", finite(r.expectedInitialLoss()));
        m.put("finalTrainLoss", finite(r.finalTrainLoss()));
        m.put("message", r.message());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
