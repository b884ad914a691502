package dev.hypersearch.search;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The values one parameter may take. A grid strategy walks {@link #gridValue} over
 * {@code 0 .. gridSize()-1}; a random strategy calls {@link #sample}. Distributions know nothing
 * about parameter types or bounds: {@link Space} checks those when it parses a spec.
 */
public sealed interface Distribution {

    /** Number of grid values. */
    long gridSize();

    /** The {@code index}-th grid value, {@code 0 <= index < gridSize()}, in ascending / listed order. */
    Object gridValue(long index);

    /** One random value; consumes a fixed number of draws from {@code rng} per call. */
    Object sample(RandomGenerator rng);

    /** A single value: grid size 1, sampling returns it without drawing. */
    record Fixed(Object value) implements Distribution {

        public Fixed {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public long gridSize() {
            return 1;
        }

        @Override
        public Object gridValue(long index) {
            Objects.checkIndex(index, 1);
            return value;
        }

        @Override
        public Object sample(RandomGenerator rng) {
            return value;
        }
    }

    /** One of the listed values, uniformly when sampled. */
    record Choice(List<Object> values) implements Distribution {

        public Choice {
            values = List.copyOf(values); // immutable, rejects nulls
            if (values.isEmpty()) {
                throw new IllegalArgumentException("choice needs at least one value");
            }
        }

        @Override
        public long gridSize() {
            return values.size();
        }

        @Override
        public Object gridValue(long index) {
            return values.get(Math.toIntExact(Objects.checkIndex(index, values.size())));
        }

        @Override
        public Object sample(RandomGenerator rng) {
            return values.get(rng.nextInt(values.size()));
        }
    }

    /** Integers {@code min, min+step, ...} up to and including {@code max} when it lies on a step. Values are Longs. */
    record IntRange(long min, long max, long step) implements Distribution {

        public IntRange {
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
            if (step < 1) {
                throw new IllegalArgumentException("step must be >= 1, was " + step);
            }
            if (Long.divideUnsigned(max - min, step) == -1L) {
                throw new IllegalArgumentException("range has more than 2^64-1 values");
            }
        }

        public IntRange(long min, long max) {
            this(min, max, 1);
        }

        @Override
        public long gridSize() {
            // Unsigned: max - min may exceed Long.MAX_VALUE for extreme ranges; the sum can still overflow.
            long size = Long.divideUnsigned(max - min, step) + 1;
            if (size <= 0) {
                throw new ArithmeticException("range has more than 2^63-1 values");
            }
            return size;
        }

        @Override
        public Object gridValue(long index) {
            return min + Objects.checkIndex(index, gridSize()) * step;
        }

        @Override
        public Object sample(RandomGenerator rng) {
            return min + rng.nextLong(gridSize()) * step;
        }
    }

    /**
     * Reals in {@code [min, max]}, uniform or (when {@code log}) uniform in log space, which suits scales
     * such as learning rates that span decades. {@code points} is the number of grid values, spaced
     * evenly (geometrically when {@code log}) with both endpoints exact; the grid strategy requires it,
     * random sampling ignores it. With one point the grid is {@code min}. Values are Doubles.
     */
    record FloatRange(double min, double max, boolean log, Integer points) implements Distribution {

        public FloatRange {
            if (!Double.isFinite(min) || !Double.isFinite(max)) {
                throw new IllegalArgumentException("bounds must be finite");
            }
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
            if (log && min <= 0) {
                throw new IllegalArgumentException("a log-scaled range needs min > 0");
            }
            if (points != null && points < 1) {
                throw new IllegalArgumentException("points must be >= 1");
            }
        }

        public FloatRange(double min, double max, boolean log) {
            this(min, max, log, null);
        }

        @Override
        public long gridSize() {
            if (points == null) {
                throw new IllegalStateException("floatRange needs points to be used in a grid");
            }
            return points;
        }

        @Override
        public Object gridValue(long index) {
            long n = gridSize();
            Objects.checkIndex(index, n);
            if (index == 0) {
                return min;
            }
            if (index == n - 1) {
                return max; // exact, not min + (max-min)*1 with rounding
            }
            return at((double) index / (n - 1));
        }

        @Override
        public Object sample(RandomGenerator rng) {
            return at(rng.nextDouble());
        }

        /** The value at fraction {@code t} of the way from min to max, on this range's scale. */
        private double at(double t) {
            double x = log
                    ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min)))
                    : min + t * (max - min);
            // exp/log and the linear form can round a hair outside [min, max]; bounds were checked on them.
            return Math.min(max, Math.max(min, x));
        }
    }
}
