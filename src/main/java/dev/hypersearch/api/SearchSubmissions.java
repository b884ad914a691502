package dev.hypersearch.api;

import dev.hypersearch.security.AuditLog;
import dev.hypersearch.security.Caller;
import dev.hypersearch.search.Preview;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.store.FirstTrials;
import dev.hypersearch.store.SanityCheckJobs;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchLifecycle;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Submitting and previewing searches. */
@Service
public class SearchSubmissions {

    static final int PREVIEW_TRIALS = 10;

    private final SubmittedSpec specs;
    private final SearchLifecycle lifecycle;
    private final SanityCheckJobs checks;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    public SearchSubmissions(SubmittedSpec specs, SearchLifecycle lifecycle, SanityCheckJobs checks,
                             ApplicationEventPublisher events, AuditLog audit) {
        this.audit = audit;
        this.specs = specs;
        this.lifecycle = lifecycle;
        this.checks = checks;
        this.events = events;
    }

    /**
     * Validates and stores the search with its trials planned, not created: one row whatever the grid's size
     * (workers' claims create each trial with its parameters, a function of the spec and the trial's number);
     * the event after commit wakes idle workers.
     * With {@code sanityCheck} no training happens here: the search is stored CHECKING with its check queued as
     * a job for the workers ({@link SanityCheckJobs}), which queue the trials if it passes or fail the search
     * with the report if not, so no budget is spent on a broken configuration and the search stays listed beside
     * the others (as a failed Optuna study would) for the user to read, fix and resubmit.
     */
    public SearchEntity submit(Map<String, Object> raw) {
        SubmittedSpec.Validated v = specs.validate(raw);
        SearchSpec spec = v.spec();
        // Microseconds: what the database keeps, so the 201 body shows the same createdAt as later reads.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SearchEntity saved;
        String owner = Caller.current().owner();
        if (spec.sanityCheck()) {
            saved = checks.create(new SearchEntity(spec, v.stored(), budget(spec, null), now).ownedBy(owner));
        } else {
            FirstTrials trials = FirstTrials.of(spec);
            SearchEntity search = new SearchEntity(spec, v.stored(), budget(spec, trials), now).ownedBy(owner);
            saved = lifecycle.create(search, trials);
        }
        audit.record(AuditLog.Action.CREATE, "search", saved.getId());
        events.publishEvent(new SearchChangedEvent(saved.getId(), saved.getStatus()));
        return saved;
    }

    /** Trials the search will run in all: the strategy's count, or every stage of a coarse-to-fine search. */
    private static int budget(SearchSpec spec, FirstTrials trials) {
        if (spec.coarseToFine() != null) {
            return Math.toIntExact(spec.coarseToFine().totalTrials());
        }
        return trials != null ? trials.count()
                : Math.toIntExact(Strategies.create(spec).trialCount());
    }

    public PreviewResponse preview(Map<String, Object> raw) {
        SubmittedSpec.Validated v = specs.validate(raw);
        SearchSpec spec = v.spec();
        Preview preview = Preview.of(spec, PREVIEW_TRIALS);
        List<PreviewResponse.PreviewTrial> first = new ArrayList<>();
        for (int k = 0; k < preview.firstTrials().size(); k++) {
            first.add(new PreviewResponse.PreviewTrial(k, preview.firstTrials().get(k)));
        }
        return new PreviewResponse(preview.trialCount(), preview.totalEpochs(), spec.seed(), first,
                v.memoryEstimateBytes());
    }
}
