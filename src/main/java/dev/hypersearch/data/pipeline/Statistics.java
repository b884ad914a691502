package dev.hypersearch.data.pipeline;

import java.util.Arrays;

/**
 * The training statistics the steps need. Mean and scale are computed exactly as the former
 * {@code Standardizer} (now the tests' oracle) computes them (same summation order, population std, the same
 * constant-column threshold), so an all-numeric complete table gives bit-identical inputs.
 */
final class Statistics {

    private Statistics() {
    }

    /** The median of the non-NaN values, or 0 when there are none (an all-missing column). */
    static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (present.length == 0) {
            return 0;
        }
        Arrays.sort(present);
        int mid = present.length / 2;
        return present.length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
    }

    static double mean(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        return mean / values.length;
    }

    /** The population std around {@code mean}, or 1 for a (numerically) constant column. */
    static double scale(double[] values, double mean) {
        double sumSq = 0;
        for (double v : values) {
            double delta = v - mean;
            sumSq += delta * delta;
        }
        double std = Math.sqrt(sumSq / values.length);
        return std > 1e-12 * Math.max(1.0, Math.abs(mean)) ? std : 1.0;
    }
}
