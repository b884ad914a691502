package dev.hypersearch.worker;

import dev.hypersearch.search.PrunerSpec;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Validation;
import dev.hypersearch.search.tpe.TpeSampler;

/**
 * What running any trial of a search needs from its spec, which never changes: the data set, the seed, how
 * trials are scored, which pruner may stop them and, for a TPE search, the sampler that decides a trial's
 * parameters at its claim (null otherwise). Read once per search and process ({@link SearchCache}).
 */
record SearchSettings(String dataset, long seed, Validation validation, PrunerSpec pruner, TpeSampler tpe) {

    static SearchSettings of(SearchSpec spec) {
        return new SearchSettings(spec.dataset(), spec.seed(), spec.validation(), spec.pruner(),
                spec.tpe() == null ? null : new TpeSampler(spec.space(), spec.tpe(), spec.seed()));
    }

    boolean prunes() {
        return !(pruner instanceof PrunerSpec.None);
    }
}
