package dev.hypersearch.search.importance;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Optuna's {@code ScottParzenEstimator} on a grid ({@code optuna/importance/_ped_anova/scott_parzen_estimator.py}):
 * the probability of each bin under a Parzen estimator of weighted observations, one kernel per occupied bin
 * plus a prior kernel of weight {@link #PRIOR_WEIGHT} that keeps every bin possible.
 * Numeric axes: discretized Gaussians truncated to the grid, bandwidth by Scott's rule (at least 0.5/1.64 bins),
 * the prior a Gaussian as wide as the grid at its centre. Categorical axes: each kernel puts most of its mass
 * on its choice and a prior share on every choice.
 */
final class GridParzen {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    static final double PRIOR_WEIGHT = 1.0;
    /** Kernels no narrower than this (in bins): 90 % of a kernel's mass (1.64 sigma) stays within its bin. */
    private static final double MIN_SIGMA = 0.5 / 1.64;
    private static final double SATURATED = 8.5;
    /** The prior kernel of a numeric grid depends on its size only: computed once per size. */
    private static final java.util.concurrent.ConcurrentMap<Integer, double[]> PRIORS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private GridParzen() {
    }

    /** Bin probabilities (summing to 1) from per-bin observation weights; uniform when nothing was observed. */
    static double[] pmf(double[] counts, boolean categorical) {
        int n = counts.length;
        int kernels = 0;
        double total = 0;
        for (double c : counts) {
            if (c > 0) {
                kernels++;
                total += c;
            }
        }
        double[] p = new double[n];
        if (kernels == 0) {
            java.util.Arrays.fill(p, 1.0 / n);
            return p;
        }
        double norm = total + PRIOR_WEIGHT;
        if (categorical) {
            categorical(counts, kernels + 1, p);
        } else {
            numeric(counts, total, p);
        }
        // The prior kernel, weight PRIOR_WEIGHT: uniform over choices, a grid-wide Gaussian over a range.
        double[] prior = categorical ? uniform(n) : PRIORS.computeIfAbsent(n, k -> truncated(k, (k - 1) / 2.0, k));
        for (int g = 0; g < n; g++) {
            p[g] = (p[g] + PRIOR_WEIGHT * prior[g]) / norm;
        }
        return p;
    }

    /** Adds each observed choice's kernel, times its weight: 1 on the choice plus prior/kernels on every choice. */
    private static void categorical(double[] counts, int kernelsWithPrior, double[] p) {
        int n = counts.length;
        double share = PRIOR_WEIGHT / kernelsWithPrior;
        double row = share * n + 1;
        for (int c = 0; c < n; c++) {
            if (counts[c] > 0) {
                for (int g = 0; g < n; g++) {
                    p[g] += counts[c] * ((g == c ? 1 : 0) + share) / row;
                }
            }
        }
    }

    /** Adds each occupied bin's truncated discrete Gaussian kernel, times its weight. */
    private static void numeric(double[] counts, double total, double[] p) {
        int n = counts.length;
        double sigma = Math.max(scott(counts, total), MIN_SIGMA);
        // Kernel centres are bins, so every bin edge lies a half-integer from a centre: one CDF table serves all.
        // cdf[j] = Phi((j - n + 0.5) / sigma), the mass below the edge (j - n + 0.5) bins from a centre.
        double[] cdf = new double[2 * n + 1];
        for (int j = 0; j <= 2 * n; j++) {
            cdf[j] = phi((j - n + 0.5) / sigma);
        }
        for (int mu = 0; mu < n; mu++) {
            if (counts[mu] <= 0) {
                continue;
            }
            // Edges of bin g relative to mu: lower g - mu - 0.5 is cdf index g - mu - 1 + n, upper g - mu + n.
            double inGrid = cdf[n - 1 - mu + n] - cdf[-mu - 1 + n];
            double w = counts[mu] / inGrid;
            for (int g = 0; g < n; g++) {
                p[g] += w * (cdf[g - mu + n] - cdf[g - mu - 1 + n]);
            }
        }
    }

    /** Scott's rule on the weighted bin indices, as Optuna computes it (IQR from the weights' cumulative sum). */
    private static double scott(double[] counts, double total) {
        int n = counts.length;
        double mean = 0;
        for (int g = 0; g < n; g++) {
            mean += g * counts[g];
        }
        mean /= total;
        double ss = 0;
        for (int g = 0; g < n; g++) {
            ss += (g - mean) * (g - mean) * counts[g];
        }
        double sd = Math.sqrt(ss / Math.max(1, total - 1));
        double q1 = Math.floor(total / 4);
        double q3 = Math.floor(total * 3 / 4);
        int lower = -1;
        int upper = -1;
        int lastObserved = -1;
        double cum = 0;
        for (int g = 0; g < n; g++) {
            if (counts[g] <= 0) {
                continue;
            }
            cum += counts[g];
            lastObserved = g;
            if (lower < 0 && cum >= q1) {
                lower = g;
            }
            if (upper < 0 && cum > q3) {
                upper = g;
            }
        }
        double iqr = (upper < 0 ? lastObserved : upper) - lower;
        return 1.059 * Math.min(iqr / 1.34, sd) * Math.pow(total, -0.2);
    }

    private static double[] uniform(int n) {
        double[] u = new double[n];
        java.util.Arrays.fill(u, 1.0 / n);
        return u;
    }

    /** A Gaussian (centre and sigma in bins) discretized to the grid's bins and truncated to them. */
    private static double[] truncated(int n, double mu, double sigma) {
        double[] m = new double[n];
        double below = phi((-0.5 - mu) / sigma);
        double inGrid = phi((n - 0.5 - mu) / sigma) - below;
        double prev = below;
        for (int g = 0; g < n; g++) {
            double next = phi((g + 0.5 - mu) / sigma);
            m[g] = (next - prev) / inGrid;
            prev = next;
        }
        return m;
    }

    /** The standard normal CDF; beyond 8.5 sigma it is 0 or 1 to within 1e-17, without the cost of erf. */
    private static double phi(double z) {
        if (Math.abs(z) > SATURATED) {
            return z > 0 ? 1 : 0;
        }
        return STANDARD_NORMAL.cumulativeProbability(z);
    }
}
