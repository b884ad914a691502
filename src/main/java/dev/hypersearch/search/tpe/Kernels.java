package dev.hypersearch.search.tpe;

/**
 * What Optuna's Parzen estimators share: the observations' weights, and the prior's. The prior kernel (the
 * whole range, or every category alike) keeps a density alive where no trial has been.
 */
final class Kernels {

    /** Optuna's prior_weight. */
    static final double PRIOR_WEIGHT = 1.0;
    /** The most recent trials keep full weight; older ones ramp down (Optuna's {@code default_weights}). */
    private static final int FLAT = 25;

    private Kernels() {
    }

    /**
     * Mixture weights of {@code n} observations in trial-number order followed by the prior's, summing to 1: all
     * equal below 25 observations, else the oldest {@code n - 25} ramp linearly from {@code 1/n} up to 1.
     */
    static double[] weights(int n) {
        double[] w = new double[n + 1];
        int ramp = n < FLAT ? 0 : n - FLAT;
        for (int i = 0; i < n; i++) {
            // np.linspace(1/n, 1, ramp): evenly from 1/n to exactly 1 over the ramp
            w[i] = i >= ramp ? 1.0 : ramp == 1 ? 1.0 / n : 1.0 / n + i * (1.0 - 1.0 / n) / (ramp - 1);
        }
        w[n] = PRIOR_WEIGHT;
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        for (int i = 0; i <= n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** log of the sum of exp(x[i]) for i < n, without overflow; -infinity when every term is. */
    static double logSumExp(double[] x, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(x[i] - max);
        }
        return max + Math.log(sum);
    }

    /** The index whose cumulative weight first exceeds {@code u} (in [0, 1)). */
    static int pick(double[] cumulative, double u) {
        double target = u * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        return c;
    }
}
