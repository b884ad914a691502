package dev.hypersearch.worker;

import dev.hypersearch.search.PrunerSpec;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Validation;

/**
 * What running any trial of a search needs from its spec, which never changes: the data set, the seed, how
 * trials are scored and which pruner may stop them. Read once per search and process ({@link SearchCache}).
 */
record SearchSettings(String dataset, long seed, Validation validation, PrunerSpec pruner) {

    static SearchSettings of(SearchSpec spec) {
        return new SearchSettings(spec.dataset(), spec.seed(), spec.validation(), spec.pruner());
    }

    boolean prunes() {
        return !(pruner instanceof PrunerSpec.None);
    }
}
