package dev.hypersearch.search.tpe;

import java.util.random.RandomGenerator;

/**
 * Optuna's Parzen estimator of a categorical parameter, collapsed into one distribution: each observation's
 * kernel puts 1 on its category plus {@code prior / kernels} on every category, the prior's kernel is uniform,
 * and the kernels mix with the observations' weights.
 */
final class CategoricalEstimator {

    private final double[] logP;
    private final double[] cumulative;

    private CategoricalEstimator(double[] p) {
        this.logP = new double[p.length];
        for (int c = 0; c < p.length; c++) {
            logP[c] = Math.log(p[c]);
        }
        this.cumulative = Kernels.cumulative(p);
    }

    /** @param observed each observation's category index, in trial-number order */
    static CategoricalEstimator of(int[] observed, int categories) {
        int n = observed.length;
        double[] w = Kernels.weights(n);
        double[] p = new double[categories];
        double base = Kernels.PRIOR_WEIGHT / (n + 1);
        double rowSum = categories * base + 1;
        for (int i = 0; i < n; i++) {
            p[observed[i]] += w[i] / rowSum;
        }
        double everywhere = 0;
        for (int i = 0; i < n; i++) {
            everywhere += w[i] * base / rowSum;
        }
        everywhere += w[n] / categories; // the prior
        for (int c = 0; c < categories; c++) {
            p[c] += everywhere;
        }
        return new CategoricalEstimator(p);
    }

    int sample(RandomGenerator rng) {
        return Kernels.pick(cumulative, rng.nextDouble());
    }

    double logPdf(int category) {
        return logP[category];
    }

    /** The probability of each category (for tests and explanations). */
    double probability(int category) {
        return Math.exp(logP[category]);
    }
}
