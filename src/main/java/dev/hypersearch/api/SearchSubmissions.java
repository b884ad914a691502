package dev.hypersearch.api;

import dev.hypersearch.search.Preview;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.StageStrategy;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.StageTrials;
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
    private final ApplicationEventPublisher events;

    public SearchSubmissions(SubmittedSpec specs, SearchLifecycle lifecycle, ApplicationEventPublisher events) {
        this.specs = specs;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /**
     * Validates, materializes every trial's parameters (a coarse-to-fine search: its first stage's), and
     * stores the search with those trials in one transaction; the event after commit wakes idle workers.
     * With {@code sanityCheck} the first configuration is checked first: if it fails, the search is stored
     * FAILED with the report's message and numbers and no trial, so no budget is spent, and the search stays
     * listed beside the others (as a failed Optuna study would) for the user to read, fix and resubmit.
     */
    public SearchEntity submit(Map<String, Object> raw) {
        SubmittedSpec.Validated v = specs.validate(raw);
        SearchSpec spec = v.spec();
        Strategy strategy = Strategies.create(spec);
        // The caps bound trialCount (random-cap, grid-cap), so the list and the int cast are safe.
        int count = Math.toIntExact(strategy.trialCount());
        List<TrialParams> params = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            params.add(strategy.paramsFor(k));
        }
        int budget = spec.coarseToFine() == null ? count : Math.toIntExact(spec.coarseToFine().totalTrials());
        // Microseconds: what the database keeps, so the 201 body shows the same createdAt as later reads.
        SearchEntity search = new SearchEntity(spec, v.stored(), budget, Instant.now().truncatedTo(ChronoUnit.MICROS));
        SearchEntity saved;
        Map<String, Object> sanity = spec.sanityCheck() ? SanityChecks.run(params.get(0), v.dataset(), spec.seed()) : null;
        if (sanity != null && !SanityChecks.passed(sanity)) {
            saved = lifecycle.createFailed(search.withSanityCheck(sanity), (String) sanity.get("message"));
            events.publishEvent(new SearchChangedEvent(saved.getId(), SearchStatus.FAILED));
            return saved;
        }
        search.withSanityCheck(sanity);
        if (strategy instanceof StageStrategy stage) {
            saved = lifecycle.createStaged(search, new StageTrials(stage.stage(),
                    Math.toIntExact(stage.trialNumber(0)), stage.describe().space(), params));
        } else {
            saved = lifecycle.create(search, params);
        }
        events.publishEvent(new SearchChangedEvent(saved.getId(), SearchStatus.RUNNING));
        return saved;
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
