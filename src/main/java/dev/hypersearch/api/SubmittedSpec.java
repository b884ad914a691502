package dev.hypersearch.api;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.search.FieldError;
import dev.hypersearch.search.SearchLimits;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.SpecException;
import dev.hypersearch.store.DatasetCatalog;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/**
 * Turns a raw request body into a validated spec plus the normalized map that is stored with the search.
 * Used by both submission and preview, so a preview accepts exactly what a submission would.
 */
@Component
public class SubmittedSpec {

    /** Drawn seeds stay below 2^53 so JavaScript clients show and resubmit them without rounding. */
    private static final long MAX_DRAWN_SEED = 1L << 53;

    private final DatasetCatalog datasets;
    private final SearchLimits limits;
    private final RandomGenerator seeds = new SecureRandom();

    public SubmittedSpec(DatasetCatalog datasets, HypersearchProperties properties) {
        this.datasets = datasets;
        this.limits = new SearchLimits(properties.randomCap(), properties.gridCap());
    }

    /** A validated spec and its stored form. */
    public record Validated(SearchSpec spec, Map<String, Object> stored) {
    }

    /**
     * Validates everything (the spec, then that its dataset exists) before anything is written, and
     * reports all problems in one {@link SpecException}.
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
        if (!datasetFlagged && body.get("dataset") instanceof String name && !name.isBlank() && !datasets.exists(name)) {
            errors.add(new FieldError("dataset", "unknown dataset '" + name + "'; GET /api/datasets lists them"));
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
        return new Validated(spec, stored(spec, body.get("space")));
    }

    /** Normalized top-level fields (strategy by wire name, defaults filled in) and the space as given. */
    private static Map<String, Object> stored(SearchSpec spec, Object space) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("dataset", spec.dataset());
        m.put("strategy", spec.strategy().wireName());
        if (spec.maxTrials() != null) {
            m.put("maxTrials", spec.maxTrials());
        }
        m.put("seed", spec.seed());
        m.put("validationFraction", spec.validationFraction());
        if (spec.maxFailedTrials() != null) {
            m.put("maxFailedTrials", spec.maxFailedTrials());
        }
        m.put("space", space == null ? Map.of() : space);
        return m;
    }
}
