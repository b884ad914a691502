package dev.hypersearch.search.importance;

/**
 * PED-ANOVA (Watanabe et al., IJCAI 2023; conditional form, KDD 2026), as Optuna 4's
 * {@code PedAnovaImportanceEvaluator}: a parameter matters as much as the distribution of its values among the
 * best trials (the top {@code top} fraction) differs from their distribution among all trials of the region
 * (the best {@code within} fraction; 1 = every trial), measured by the Pearson divergence of the two Parzen
 * estimates on its axis. A trial a parameter does not apply to is left out of that parameter's distributions,
 * and the divergence is weighted by alpha^2 / beta (alpha, beta: the shares of top and region trials it
 * applies to), so that a parameter that rarely applies among the best counts for less.
 *
 * <p>Trials carry integer weights (bootstrap multiplicities; 1 each for the data as it is). Cost: one pass over
 * the trials per call plus a few grid-sized sums per axis, whatever the number of trials.
 */
final class PedAnova {

    /** Optuna's {@code min_n_trials_in_regime}. */
    private static final int MIN_TRIALS_IN_REGIME = 2;
    private static final double EPS = 1e-12;

    private final TrialTable table;
    /** Trial indices by objective, best first (ties by index). */
    private final int[] order;
    /** Each trial's place in that order, tied trials sharing the first one's: what the cut-offs compare. */
    private final double[] rank;

    PedAnova(TrialTable table) {
        this.table = table;
        this.order = java.util.stream.IntStream.range(0, table.size()).boxed()
                .sorted(table::compare)
                .mapToInt(Integer::intValue).toArray();
        this.rank = new double[order.length];
        for (int i = 1; i < order.length; i++) {
            rank[order[i]] = table.compare(order[i - 1], order[i]) == 0 ? rank[order[i - 1]] : i;
        }
    }

    int axes() {
        return table.axes().size();
    }

    /** How many trials are in the top set of the data as it is (ties at its edge included). */
    int topCount(double top) {
        double cut = cutoff(null, table.size(), top);
        int count = 0;
        for (int trial : order) {
            if (rank[trial] > cut) {
                break;
            }
            count++;
        }
        return count;
    }

    /** Each axis's importance (not normalized) under these trial weights; {@code weights} null = 1 each. */
    double[] importances(int[] weights, double top, double within) {
        long total = 0;
        for (int i = 0; i < table.size(); i++) {
            total += weight(weights, i);
        }
        double topCut = cutoff(weights, total, top);
        double regionCut = within >= 1 ? Double.POSITIVE_INFINITY : cutoff(weights, total, within);
        int axes = table.axes().size();
        double[][] topCounts = new double[axes][];
        double[][] regionCounts = new double[axes][];
        for (int a = 0; a < axes; a++) {
            topCounts[a] = new double[table.axes().get(a).bins()];
            regionCounts[a] = new double[table.axes().get(a).bins()];
        }
        long topTrials = 0;
        long regionTrials = 0;
        for (int trial : order) {
            double place = rank[trial];
            if (place > regionCut) {
                break;
            }
            int w = weight(weights, trial);
            if (w == 0) {
                continue;
            }
            boolean isTop = place <= topCut;
            regionTrials += w;
            topTrials += isTop ? w : 0;
            for (int a = 0; a < axes; a++) {
                int bin = table.bin(a, trial);
                if (bin >= 0) {
                    regionCounts[a][bin] += w;
                    if (isTop) {
                        topCounts[a][bin] += w;
                    }
                }
            }
        }
        double[] out = new double[axes];
        for (int a = 0; a < axes; a++) {
            out[a] = importance(table.axes().get(a).categorical(), topCounts[a], regionCounts[a], topTrials,
                    regionTrials);
        }
        return out;
    }

    private static double importance(boolean categorical, double[] top, double[] region, long topTrials,
                                     long regionTrials) {
        double topActive = sum(top);
        double regionActive = sum(region);
        if (regionActive < MIN_TRIALS_IN_REGIME || topActive == 0) {
            return 0;
        }
        double alpha = topActive / topTrials;
        double beta = regionActive / regionTrials;
        double[] pTop = GridParzen.pmf(top, categorical);
        double[] pRegion = GridParzen.pmf(region, categorical);
        double divergence = 0;
        for (int g = 0; g < pTop.length; g++) {
            double q = pRegion[g] + EPS;
            double r = (pTop[g] + EPS) / q - 1;
            divergence += q * r * r;
        }
        return alpha * alpha / beta * divergence;
    }

    /**
     * The rank at or below which the best {@code quantile} of the (weighted) trials lie, as Optuna's
     * {@code _QuantileFilter}: the value at position ceil(quantile * total) - 1 in order; ties with it are in.
     */
    private double cutoff(int[] weights, long total, double quantile) {
        // Less a hair, so that 0.1 of 30 trials is 3, not the 4 that 3.0000000000000004 rounds up to.
        long index = Math.max(0, (long) Math.ceil(quantile * total - 1e-9) - 1);
        long seen = 0;
        for (int trial : order) {
            seen += weight(weights, trial);
            if (seen > index) {
                return rank[trial];
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static int weight(int[] weights, int trial) {
        return weights == null ? 1 : weights[trial];
    }

    private static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s;
    }
}
