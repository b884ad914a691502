package dev.hypersearch.search.tpe;

import dev.hypersearch.search.Distribution;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How TPE models one searched parameter, by its distribution in the space: a float range on its own scale (log
 * where the space says log), an integer range on its grid, a choice as categories. {@link #choose} draws
 * candidates from the good trials' estimator and keeps the one with the largest log l(x) - log g(x) (the first
 * on ties).
 */
abstract sealed class ParameterModel {

    static ParameterModel of(Distribution d) {
        if (d instanceof Distribution.FloatRange r) {
            return new Numeric(r.log() ? Math.log(r.min()) : r.min(), r.log() ? Math.log(r.max()) : r.max(), 0, r.log());
        }
        if (d instanceof Distribution.IntRange r) {
            // Integers are grid values; the kernels live on [min - step/2, max + step/2] (Optuna's IntDistribution).
            return new Numeric(r.min() - r.step() / 2.0, r.max() + r.step() / 2.0, r.step(), false);
        }
        if (d instanceof Distribution.Choice c) {
            return new Categorical(c.values());
        }
        throw new IllegalArgumentException("nothing to model in " + d);
    }

    abstract Object choose(List<Object> good, List<Object> rest, int candidates, RandomGenerator rng);

    /** A range of one value: nothing to model, never part of a joint group. */
    abstract boolean single();

    /** A stored value in the estimators' scale (transformed; a category's index); NaN when it is not in the space. */
    abstract double internal(Object value);

    /** Back from the estimators' scale to the space's value. */
    abstract Object external(double x);

    /** This parameter's factor in a joint group's product kernels, over the observed values (estimators' scale). */
    abstract JointEstimator.Factor factor(double[] observed);

    /** Float and integer ranges: truncated normal kernels. */
    static final class Numeric extends ParameterModel {
        private final double low;
        private final double high;
        private final double step;
        private final boolean log;

        Numeric(double low, double high, double step, boolean log) {
            this.low = low;
            this.high = high;
            this.step = step;
            this.log = log;
        }

        @Override
        Object choose(List<Object> good, List<Object> rest, int candidates, RandomGenerator rng) {
            if (high - low <= 0) {
                return value(low); // a range of one value
            }
            NumericEstimator l = NumericEstimator.of(transform(good), low, high, step);
            NumericEstimator g = NumericEstimator.of(transform(rest), low, high, step);
            double best = Double.NaN;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < candidates; i++) {
                double x = l.sample(rng);
                double score = x == best ? bestScore : l.logPdf(x) - g.logPdf(x);
                if (Double.isNaN(best) || score > bestScore) {
                    best = x;
                    bestScore = score;
                }
            }
            return value(best);
        }

        private double[] transform(List<Object> values) {
            double[] x = new double[values.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = internal(values.get(i));
            }
            return x;
        }

        @Override
        boolean single() {
            return high - low <= 0;
        }

        @Override
        double internal(Object value) {
            double first = step > 0 ? low + step / 2 : low;
            double last = step > 0 ? high - step / 2 : high;
            double v = ((Number) value).doubleValue();
            double t = log ? Math.log(v) : v;
            return Math.min(last, Math.max(first, t)); // a stored value from outside the space cannot escape it
        }

        @Override
        Object external(double x) {
            return value(x);
        }

        @Override
        JointEstimator.Factor factor(double[] observed) {
            return new JointEstimator.NumericFactor(low, high, step, observed);
        }

        /** Back to the space's scale and type: Long for integer ranges, Double for floats. */
        private Object value(double x) {
            if (step > 0) {
                return Math.round(x);
            }
            return log ? Math.min(Math.exp(high), Math.max(Math.exp(low), Math.exp(x))) : x;
        }
    }

    /** Choices: weighted category counts. */
    static final class Categorical extends ParameterModel {
        private final List<Object> choices;

        Categorical(List<Object> choices) {
            this.choices = choices;
        }

        @Override
        Object choose(List<Object> good, List<Object> rest, int candidates, RandomGenerator rng) {
            CategoricalEstimator l = CategoricalEstimator.of(indices(good), choices.size());
            CategoricalEstimator g = CategoricalEstimator.of(indices(rest), choices.size());
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < candidates; i++) {
                int c = l.sample(rng);
                double score = l.logPdf(c) - g.logPdf(c);
                if (best < 0 || score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
            return choices.get(best);
        }

        @Override
        boolean single() {
            return false;
        }

        @Override
        double internal(Object value) {
            int i = choices.indexOf(value);
            return i < 0 ? Double.NaN : i;
        }

        @Override
        Object external(double x) {
            return choices.get((int) x);
        }

        @Override
        JointEstimator.Factor factor(double[] observed) {
            int[] categories = new int[observed.length];
            for (int i = 0; i < categories.length; i++) {
                categories[i] = (int) observed[i];
            }
            return new JointEstimator.CategoricalFactor(categories, choices.size());
        }

        /** Each value's category; a value not among the choices (the space changed under it) is left out. */
        private int[] indices(List<Object> values) {
            return values.stream().mapToInt(choices::indexOf).filter(i -> i >= 0).toArray();
        }
    }
}
