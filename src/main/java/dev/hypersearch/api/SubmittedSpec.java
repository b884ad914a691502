package dev.hypersearch.api;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.search.FieldError;
import dev.hypersearch.search.SearchLimits;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.SpecException;
import dev.hypersearch.search.StoredSpace;
import dev.hypersearch.store.DatasetCatalog;
import dev.hypersearch.trial.LargestConfiguration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/**
 * Turns a raw request body into a validated spec plus the form of it that is stored with the search.
 * Used by both submission and preview, so a preview accepts exactly what a submission would.
 */
@Component
public class SubmittedSpec {

    /** Drawn seeds stay below 2^53 so JavaScript clients show and resubmit them without rounding. */
    private static final long MAX_DRAWN_SEED = 1L << 53;

    private final DatasetCatalog datasets;
    private final SearchLimits limits;
    private final long trialMemoryBudget;
    private final RandomGenerator seeds = new SecureRandom();

    public SubmittedSpec(DatasetCatalog datasets, HypersearchProperties properties) {
        this.datasets = datasets;
        this.limits = new SearchLimits(properties.randomCap(), properties.gridCap());
        this.trialMemoryBudget = properties.trialMemoryBudgetBytes();
    }

    /**
     * A validated spec and its stored form; {@code dataset} is loaded when a check needs its rows
     * (cross-validation's folds), else null: sizes come from the catalogue's recorded shape.
     *
     * @param memoryEstimateBytes the estimated heap of the spec's largest configuration (one trial)
     */
    public record Validated(SearchSpec spec, Map<String, Object> stored, long memoryEstimateBytes) {
    }

    /**
     * Validates everything (the spec, then that its dataset exists and suits the spec) before anything is
     * written, and reports all problems in one {@link SpecException}.
     */
    public Validated validate(Map<String, Object> raw) {
        Map<String, Object> body = new LinkedHashMap<>(raw);
        if (body.get("seed") == null) {
            body.put("seed", seeds.nextLong(MAX_DRAWN_SEED));
        }
        List<FieldError> errors = new ArrayList<>();
        SearchSpec spec = null;
        try {
            spec = SearchSpec.parse(body, limits);
        } catch (SpecException e) {
            errors.addAll(e.errors());
        }
        boolean datasetFlagged = errors.stream().anyMatch(e -> e.field().equals("dataset"));
        boolean datasetExists = !datasetFlagged && body.get("dataset") instanceof String name && !name.isBlank()
                && datasets.exists(name);
        if (!datasetFlagged && body.get("dataset") instanceof String name && !name.isBlank() && !datasetExists) {
            errors.add(new FieldError("dataset", "unknown dataset '" + name + "'; GET /api/datasets lists them"));
        }
        long memoryEstimate = 0;
        DatasetShape shape = spec == null || !datasetExists ? null : datasets.shape(spec.dataset()).orElse(null);
        if (shape != null) {
            LargestConfiguration largest = MemoryCheck.largest(spec, shape);
            memoryEstimate = largest.estimate().bytes();
            errors.addAll(MemoryCheck.errors(largest, trialMemoryBudget));
        }
        if (spec != null && datasetExists && spec.crossValidated()) {
            int folds = spec.folds();
            datasets.labelCounts(spec.dataset()).flatMap(counts -> FoldsCheck.check(folds, counts))
                    .ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
        return new Validated(spec, stored(spec, body.get("space")), memoryEstimate);
    }

    /**
     * The spec as submitted with the drawn seed and the top-level defaults filled in (so changing a validation
     * or pruner default later never changes a running search), the space as given with its precision named
     * ({@link StoredSpace#atSubmission}, for the same reason): shown to users, resubmitted to replay the search,
     * and read back typed by {@link SearchSpec#fromStored}.
     */
    private static Map<String, Object> stored(SearchSpec spec, Object space) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("dataset", spec.dataset());
        m.put("strategy", spec.strategy().wireName());
        if (spec.maxTrials() != null) {
            m.put("maxTrials", spec.maxTrials());
        }
        m.put("seed", spec.seed());
        if (spec.crossValidated()) {
            m.put("validation", Map.of("folds", spec.folds()));
        } else {
            m.put("validationFraction", spec.validationFraction());
        }
        if (spec.maxFailedTrials() != null) {
            m.put("maxFailedTrials", spec.maxFailedTrials());
        }
        m.put("pruner", spec.pruner().toRaw());
        if (spec.coarseToFine() != null) {
            m.put("coarseToFine", spec.coarseToFine().toRaw());
        }
        if (spec.tpe() != null) {
            m.put("tpe", spec.tpe().toRaw());
        }
        m.put("sanityCheck", spec.sanityCheck());
        m.put("space", StoredSpace.atSubmission((Map<?, ?>) space));
        return m;
    }
}
