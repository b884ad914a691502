package dev.hypersearch.search.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which parameters matter: each varying parameter's PED-ANOVA importance as a share of the total (shares sum
 * to 1), with a 95 % percentile-bootstrap interval: the trials are resampled with replacement
 * {@code resamples} times, each resample's shares computed alike, and the 2.5th and 97.5th percentiles taken.
 */
public final class ImportanceAnalysis {

    /** Fewer finished trials than this say too little; the answer is then empty, with the reason. */
    public static final int MIN_TRIALS = 10;

    /** One parameter's share of importance, with its bootstrap interval. */
    public record ParameterImportance(String name, double importance, double low, double high) {
    }

    /**
     * @param trials     trials analysed
     * @param topTrials  trials in the top set (ties at its edge included)
     * @param parameters by importance, highest first; empty when {@code reason} says why
     */
    public record Result(int trials, int topTrials, List<ParameterImportance> parameters, String reason) {
    }

    private ImportanceAnalysis() {
    }

    public static Result analyse(TrialTable table, ImportanceOptions options) {
        int n = table.size();
        List<Axis> axes = table.axes();
        if (axes.isEmpty()) {
            return new Result(n, 0, List.of(), "no parameter varies in this search");
        }
        if (n < MIN_TRIALS) {
            return new Result(n, 0, List.of(), "importance needs at least " + MIN_TRIALS + " finished trials, "
                    + (n == 1 ? "1 has" : n + " have") + " finished");
        }
        PedAnova pedAnova = new PedAnova(table);
        double[] point = shares(pedAnova.importances(null, options.top(), options.within()));
        double[][] resampled = bootstrap(pedAnova, n, options);
        List<ParameterImportance> out = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            double[] column = resampled[a];
            Arrays.sort(column);
            double low = column.length == 0 ? point[a] : percentile(column, 2.5);
            double high = column.length == 0 ? point[a] : percentile(column, 97.5);
            out.add(new ParameterImportance(axes.get(a).name(), point[a], low, high));
        }
        out.sort(Comparator.comparingDouble(ParameterImportance::importance).reversed());
        return new Result(n, pedAnova.topCount(options.top()), out, null);
    }

    /** Shares per axis (columns), one row per resample. */
    private static double[][] bootstrap(PedAnova pedAnova, int n, ImportanceOptions options) {
        SplittableRandom random = new SplittableRandom(options.seed());
        int axes = pedAnova.axes();
        double[][] shares = new double[axes][options.resamples()];
        int[] weights = new int[n];
        for (int b = 0; b < options.resamples(); b++) {
            Arrays.fill(weights, 0);
            for (int i = 0; i < n; i++) {
                weights[random.nextInt(n)]++;
            }
            double[] s = shares(pedAnova.importances(weights, options.top(), options.within()));
            for (int a = 0; a < axes; a++) {
                shares[a][b] = s[a];
            }
        }
        return shares;
    }

    /** Importances as shares of their sum; equal shares when none stands out (as Optuna normalizes). */
    static double[] shares(double[] importances) {
        double sum = 0;
        for (double x : importances) {
            sum += x;
        }
        double[] out = new double[importances.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sum > 0 ? importances[i] / sum : 1.0 / out.length;
        }
        return out;
    }

    /** Linear interpolation between the closest ranks of sorted values (numpy's default percentile). */
    static double percentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
