package dev.hypersearch.api;

import dev.hypersearch.search.importance.ImportanceAnalysis;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * Which hyperparameters matter in a search: each varying parameter's share of PED-ANOVA importance (shares sum to
 * 1), with a 95 % bootstrap interval.
 *
 * @param finishedTrials trials measured: completed with a validation loss, and diverged (counted worse than any)
 * @param topTrials      of those, the best {@code top} fraction whose parameter values are compared with the
 *                       region's (ties at its edge included)
 * @param top            the top fraction asked for
 * @param within         the region: the best fraction of finished trials compared within (1 = all)
 * @param resamples      bootstrap resamples of the trials behind each interval
 * @param parameters     every parameter the search varies, most important first; empty when {@code reason} is set
 * @param reason         why there are no shares (too few finished trials, nothing varies); null otherwise
 */
public record ParameterImportances(int finishedTrials, int topTrials, double top, double within, int resamples,
                                   List<Share> parameters, @Nullable String reason) {

    /**
     * @param importance the parameter's share, in [0, 1]
     * @param low        the 2.5th percentile of its share over the bootstrap resamples
     * @param high       the 97.5th percentile
     */
    public record Share(String name, double importance, double low, double high) {

        static Share of(ImportanceAnalysis.ParameterImportance p) {
            return new Share(p.name(), p.importance(), p.low(), p.high());
        }
    }
}
