package dev.hypersearch.search.tpe;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;

/**
 * Optuna's univariate Parzen estimator of a numeric parameter, on the parameter's own scale already transformed
 * (log of the value where the space says log): a mixture of normals truncated to {@code [low, high]}, one per
 * observation and one prior over the whole range. A kernel's width is the larger distance to its neighbours
 * (the outermost ones: the inner neighbour's), clipped to [range / min(100, kernels + 1), range] (the "magic
 * clip"). For an integer range ({@code step > 0}), {@code [low, high]} is widened by half a step each side, a
 * sample is rounded to the grid and the density of a grid value is its kernels' mass over its step.
 */
final class NumericEstimator {

    static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final double low;
    private final double high;
    private final double step;
    private final double[] mu;
    private final double[] sigma;
    private final double[] inverseSigma;
    /** Per kernel: log weight - log mass inside [low, high] (- log sigma - log sqrt(2 pi) for a continuous range). */
    private final double[] logScale;
    private final double[] cumulative;
    private final double[] scratch;

    private NumericEstimator(double low, double high, double step, double[] mu, double[] sigma, double[] weights) {
        this.low = low;
        this.high = high;
        this.step = step;
        this.mu = mu;
        this.sigma = sigma;
        this.inverseSigma = new double[sigma.length];
        for (int k = 0; k < sigma.length; k++) {
            inverseSigma[k] = 1 / sigma[k];
        }
        this.cumulative = Kernels.cumulative(weights);
        this.logScale = new double[mu.length];
        for (int k = 0; k < mu.length; k++) {
            double mass = STANDARD.probability((low - mu[k]) / sigma[k], (high - mu[k]) / sigma[k]);
            logScale[k] = Math.log(weights[k]) - Math.log(mass) - (step > 0 ? 0 : Math.log(sigma[k]) + LOG_SQRT_2PI);
        }
        this.scratch = new double[mu.length];
    }

    /**
     * @param observed observations in trial-number order, transformed, inside [low, high]
     * @param low      the range's lower end, transformed and (for integers) widened by half a step
     * @param step     the grid step of an integer range (transformed scale), 0 for a continuous one
     */
    static NumericEstimator of(double[] observed, double low, double high, double step) {
        double[][] kernels = kernels(observed, low, high);
        double[] mu = kernels[0];
        double[] sigma = kernels[1];
        double[] w = Kernels.weights(observed.length);
        return step > 0 ? merged(low, high, step, mu, sigma, w) : new NumericEstimator(low, high, step, mu, sigma, w);
    }

    /**
     * The kernels' centres and widths, {@code {mu, sigma}}: one per observation (in their order) and the prior's
     * last. Shared with {@link JointEstimator}, whose product kernels take each parameter's widths from this rule.
     */
    static double[][] kernels(double[] observed, double low, double high) {
        int n = observed.length;
        double range = high - low;
        double[] mu = Arrays.copyOf(observed, n + 1);
        mu[n] = 0.5 * (low + high);
        double[] sigma = new double[n + 1];
        if (n > 0) {
            neighbourWidths(mu, low, high, sigma);
            double min = range / Math.min(100.0, n + 2.0);
            for (int i = 0; i < n; i++) {
                sigma[i] = Math.min(range, Math.max(min, sigma[i]));
            }
        }
        sigma[n] = range;
        return new double[][] {mu, sigma};
    }

    /**
     * On an integer grid many kernels coincide (same centre, same clipped width): one kernel with their summed
     * weight is the same mixture, and the grid's few hundred distinct kernels stand for thousands of trials.
     */
    private static NumericEstimator merged(double low, double high, double step, double[] mu, double[] sigma,
                                           double[] w) {
        Map<Kernel, Double> kernels = new LinkedHashMap<>();
        for (int k = 0; k < mu.length; k++) {
            kernels.merge(new Kernel(mu[k], sigma[k]), w[k], Double::sum);
        }
        double[] m = new double[kernels.size()];
        double[] s = new double[kernels.size()];
        double[] weights = new double[kernels.size()];
        int i = 0;
        for (Map.Entry<Kernel, Double> e : kernels.entrySet()) {
            m[i] = e.getKey().mu();
            s[i] = e.getKey().sigma();
            weights[i++] = e.getValue();
        }
        return new NumericEstimator(low, high, step, m, s, weights);
    }

    private record Kernel(double mu, double sigma) {
    }

    /**
     * Optuna's bandwidths: each point (observations and the prior's centre) to its farther neighbour, ties in index
     * order. Primitive sort and a rank per point rather than a sort of boxed indices: this runs for every numeric
     * parameter on every observed trial at each suggestion.
     */
    private static void neighbourWidths(double[] points, double low, double high, double[] out) {
        int m = points.length;
        double[] sorted = points.clone();
        Arrays.sort(sorted);
        int[] position = new int[m];
        int[] tiesTaken = new int[m];
        for (int i = 0; i < m; i++) {
            int first = lowerBound(sorted, points[i]);
            position[i] = first + tiesTaken[first]++;
        }
        for (int i = 0; i < m; i++) {
            int p = position[i];
            double below = p == 0 ? low : sorted[p - 1];
            double above = p == m - 1 ? high : sorted[p + 1];
            double width = Math.max(sorted[p] - below, above - sorted[p]);
            if (m >= 2 && p == 0) {
                width = sorted[1] - sorted[0]; // endpoints are not neighbours (consider_endpoints=False)
            } else if (m >= 2 && p == m - 1) {
                width = sorted[m - 1] - sorted[m - 2];
            }
            out[i] = width;
        }
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** One draw: a kernel by weight, then a value from it (rounded to the grid of an integer range). */
    double sample(RandomGenerator rng) {
        int k = Kernels.pick(cumulative, rng.nextDouble());
        double x = TruncatedNormalDistribution.of(mu[k], sigma[k], low, high).inverseCumulativeProbability(rng.nextDouble());
        return step > 0 ? onGrid(x) : Math.min(high, Math.max(low, x));
    }

    private double onGrid(double x) {
        return onGrid(x, low, high, step);
    }

    /** The grid value nearest {@code x}: the grid runs from low + step/2 in steps. */
    static double onGrid(double x, double low, double high, double step) {
        double first = low + step / 2;
        double last = high - step / 2;
        return Math.min(last, Math.max(first, first + Math.rint((x - first) / step) * step));
    }

    /** The log density (log probability of a grid value for an integer range) at {@code x}. */
    double logPdf(double x) {
        int n = mu.length;
        if (step > 0) {
            double a = x - step / 2;
            double b = x + step / 2;
            for (int k = 0; k < n; k++) {
                double inv = inverseSigma[k];
                scratch[k] = logScale[k] + Math.log(STANDARD.probability((a - mu[k]) * inv, (b - mu[k]) * inv));
            }
        } else {
            for (int k = 0; k < n; k++) {
                double z = (x - mu[k]) * inverseSigma[k];
                scratch[k] = logScale[k] - 0.5 * z * z;
            }
        }
        return Kernels.logSumExp(scratch, n);
    }
}
