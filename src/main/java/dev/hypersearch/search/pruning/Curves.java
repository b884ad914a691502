package dev.hypersearch.search.pruning;

import java.util.List;

/** Small helpers on validation-loss curves shared by the pruners. */
final class Curves {

    private Curves() {
    }

    /** The epoch just finished: the curve's length, which must be at least 1. */
    static int epoch(List<Double> valLosses) {
        if (valLosses.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one finished epoch");
        }
        return valLosses.size();
    }

    static double bestSoFar(List<Double> valLosses) {
        double best = Double.POSITIVE_INFINITY;
        for (double v : valLosses) {
            best = Math.min(best, v);
        }
        return best;
    }

    /** Drops NaN and infinite values: a peer's broken row must not move a threshold. */
    static List<Double> finite(List<Double> values) {
        return values.stream().filter(v -> v != null && Double.isFinite(v)).toList();
    }
}
