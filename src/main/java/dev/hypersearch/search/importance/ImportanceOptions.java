package dev.hypersearch.search.importance;

/**
 * How importance is measured.
 *
 * @param top       the best fraction of trials whose parameter distributions are compared with the region's
 *                  (PED-ANOVA's gamma'), in (0, 1)
 * @param within    the region: the best fraction of trials the comparison is made within (gamma); 1 = all
 *                  finished trials. Must exceed {@code top}.
 * @param resamples bootstrap resamples of the trials behind each interval (0 = no interval)
 * @param seed      seed of the resampling, so that the same trials give the same answer
 */
public record ImportanceOptions(double top, double within, int resamples, long seed) {

    public static final double DEFAULT_TOP = 0.1;
    public static final int DEFAULT_RESAMPLES = 100;
    public static final int MAX_RESAMPLES = 1000;

    public ImportanceOptions {
        String problem = topProblem(top) == null ? null : "top " + topProblem(top);
        if (problem == null && withinProblem(top, within) != null) {
            problem = "within " + withinProblem(top, within);
        }
        if (problem == null && (resamples < 0 || resamples > MAX_RESAMPLES)) {
            problem = "resamples must be in [0, " + MAX_RESAMPLES + "], was " + resamples;
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why {@code top} is refused, or null. */
    public static String topProblem(double top) {
        return top > 0 && top < 1 ? null : "must be a fraction in (0, 1), was " + top;
    }

    /** Why {@code within} is refused given {@code top}, or null. */
    public static String withinProblem(double top, double within) {
        return within > top && within <= 1 ? null : "must be in (top, 1] = (" + top + ", 1], was " + within;
    }
}
