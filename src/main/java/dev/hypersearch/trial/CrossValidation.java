package dev.hypersearch.trial;

import java.util.List;

/**
 * The per-fold side of a cross-validated trial. The summary statistics are taken over the folds' values at
 * the last epoch every fold finished (the last point of the trial's mean curve). The standard deviation is
 * the population one (divide by k, numpy's default {@code std()}, as usually quoted beside a k-fold mean):
 * the k folds are all the folds there are, not a sample of them.
 */
public record CrossValidation(List<FoldResult> folds, double meanValLoss, double stdValLoss,
                              double meanValAccuracy, double stdValAccuracy) {

    public CrossValidation {
        folds = List.copyOf(folds);
    }

    public int k() {
        return folds.size();
    }

    static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    /** Population standard deviation (divides by n), two-pass for accuracy. */
    static double populationStd(double[] xs) {
        double mean = mean(xs);
        double sumSq = 0;
        for (double x : xs) {
            sumSq += (x - mean) * (x - mean);
        }
        return Math.sqrt(sumSq / xs.length);
    }
}
