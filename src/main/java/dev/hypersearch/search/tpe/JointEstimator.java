package dev.hypersearch.search.tpe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;

/**
 * Optuna's multivariate Parzen estimator of a group of parameters active together: a mixture of product
 * kernels, one per observed trial (all the group's values of that trial) and one prior, with Optuna's weights.
 * Each parameter's factor is the univariate estimator's kernel for that observation — the same centres, widths
 * ({@link NumericEstimator#kernels}) and categorical weights — so a draw picks one trial's kernel and draws every
 * parameter from it, keeping the values that went well together. Points are in the estimators' scale: a numeric
 * value transformed (log where the space says log), a category as its index.
 */
final class JointEstimator {

    /** One parameter's factor in every kernel. */
    interface Factor {
        /** A value drawn from kernel {@code k}'s factor. */
        double sample(int k, RandomGenerator rng);

        /** Adds each kernel's log factor at {@code x} to {@code logDensity} (one entry per kernel). */
        void addLogPdf(double x, double[] logDensity);
    }

    private final Factor[] factors;
    private final double[] logWeights;
    private final double[] cumulative;

    private JointEstimator(Factor[] factors, double[] weights) {
        this.factors = factors;
        this.logWeights = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            logWeights[k] = Math.log(weights[k]);
        }
        this.cumulative = Kernels.cumulative(weights);
    }

    /**
     * @param models   the group's parameters
     * @param observed per parameter, the observed trials' values in the estimators' scale, in trial-number order
     *                 (row {@code d} for {@code models.get(d)}; every row as long)
     */
    static JointEstimator of(List<ParameterModel> models, double[][] observed) {
        int n = observed.length == 0 ? 0 : observed[0].length;
        Factor[] factors = new Factor[models.size()];
        for (int d = 0; d < factors.length; d++) {
            factors[d] = models.get(d).factor(observed[d]);
        }
        return new JointEstimator(factors, Kernels.weights(n));
    }

    /** One draw: a kernel by weight, then every parameter from that kernel. */
    double[] sample(RandomGenerator rng) {
        int k = Kernels.pick(cumulative, rng.nextDouble());
        double[] x = new double[factors.length];
        for (int d = 0; d < factors.length; d++) {
            x[d] = factors[d].sample(k, rng);
        }
        return x;
    }

    double logPdf(double[] x) {
        double[] logDensity = logWeights.clone();
        for (int d = 0; d < factors.length; d++) {
            factors[d].addLogPdf(x[d], logDensity);
        }
        return Kernels.logSumExp(logDensity, logDensity.length);
    }

    /**
     * A float or integer range's factor: normals truncated to {@code [low, high]}; on an integer grid
     * ({@code step > 0}) the factor of a grid value is its kernel's mass over its step, and since kernels there
     * share few distinct (centre, width) pairs, each distinct pair is evaluated once per value.
     */
    static final class NumericFactor implements Factor {
        private final double low;
        private final double high;
        private final double step;
        private final double[] mu;
        private final double[] sigma;
        /** Continuous: per kernel -log(mass inside the range) - log sigma - log sqrt(2 pi). */
        private final double[] logScale;
        /** Integer grid: each kernel's distinct (centre, width) pair, and per pair its -log(mass inside). */
        private final int[] pairOf;
        private final double[] pairMu;
        private final double[] pairSigma;
        private final double[] pairLogScale;

        NumericFactor(double low, double high, double step, double[] observed) {
            this.low = low;
            this.high = high;
            this.step = step;
            double[][] kernels = NumericEstimator.kernels(observed, low, high);
            this.mu = kernels[0];
            this.sigma = kernels[1];
            int m = mu.length;
            if (step > 0) {
                logScale = null;
                pairOf = new int[m];
                Map<Pair, Integer> pairs = new HashMap<>();
                for (int k = 0; k < m; k++) {
                    pairOf[k] = pairs.computeIfAbsent(new Pair(mu[k], sigma[k]), p -> pairs.size());
                }
                pairMu = new double[pairs.size()];
                pairSigma = new double[pairs.size()];
                pairLogScale = new double[pairs.size()];
                pairs.forEach((p, i) -> {
                    pairMu[i] = p.mu();
                    pairSigma[i] = p.sigma();
                    pairLogScale[i] = -Math.log(mass(p.mu(), p.sigma()));
                });
            } else {
                pairOf = null;
                pairMu = pairSigma = pairLogScale = null;
                logScale = new double[m];
                for (int k = 0; k < m; k++) {
                    logScale[k] = -Math.log(mass(mu[k], sigma[k])) - Math.log(sigma[k]) - NumericEstimator.LOG_SQRT_2PI;
                }
            }
        }

        private record Pair(double mu, double sigma) {
        }

        private double mass(double m, double s) {
            return NumericEstimator.STANDARD.probability((low - m) / s, (high - m) / s);
        }

        @Override
        public double sample(int k, RandomGenerator rng) {
            double x = TruncatedNormalDistribution.of(mu[k], sigma[k], low, high)
                    .inverseCumulativeProbability(rng.nextDouble());
            return step > 0 ? NumericEstimator.onGrid(x, low, high, step) : Math.min(high, Math.max(low, x));
        }

        @Override
        public void addLogPdf(double x, double[] logDensity) {
            if (step > 0) {
                double a = x - step / 2;
                double b = x + step / 2;
                double[] pair = new double[pairMu.length];
                for (int i = 0; i < pair.length; i++) {
                    double inv = 1 / pairSigma[i];
                    pair[i] = pairLogScale[i]
                            + Math.log(NumericEstimator.STANDARD.probability((a - pairMu[i]) * inv, (b - pairMu[i]) * inv));
                }
                for (int k = 0; k < logDensity.length; k++) {
                    logDensity[k] += pair[pairOf[k]];
                }
            } else {
                for (int k = 0; k < logDensity.length; k++) {
                    double z = (x - mu[k]) / sigma[k];
                    logDensity[k] += logScale[k] - 0.5 * z * z;
                }
            }
        }
    }

    /**
     * A choice's factor, as {@link CategoricalEstimator} weighs it: an observation's kernel puts 1 on its category
     * plus {@code prior / kernels} on every category (normalised), the prior's kernel is uniform.
     */
    static final class CategoricalFactor implements Factor {
        private final int[] observed;
        private final int categories;
        private final double base;
        private final double rowSum;
        private final double logHit;
        private final double logMiss;

        CategoricalFactor(int[] observed, int categories) {
            this.observed = observed;
            this.categories = categories;
            this.base = Kernels.PRIOR_WEIGHT / (observed.length + 1);
            this.rowSum = categories * base + 1;
            this.logHit = Math.log((base + 1) / rowSum);
            this.logMiss = Math.log(base / rowSum);
        }

        @Override
        public double sample(int k, RandomGenerator rng) {
            if (k == observed.length) {
                return Math.min(categories - 1, (int) (rng.nextDouble() * categories));
            }
            double u = rng.nextDouble() * rowSum;
            return u < 1 ? observed[k] : Math.min(categories - 1, (int) ((u - 1) / base));
        }

        @Override
        public void addLogPdf(double x, double[] logDensity) {
            int c = (int) x;
            int n = observed.length;
            for (int k = 0; k < n; k++) {
                logDensity[k] += observed[k] == c ? logHit : logMiss;
            }
            logDensity[n] += -Math.log(categories);
        }
    }
}
