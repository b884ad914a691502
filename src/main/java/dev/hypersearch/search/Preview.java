package dev.hypersearch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a spec would run before it runs: trial count, the first parameter sets, and the total number of
 * epochs (a cost estimate: training time is roughly proportional to it).
 *
 * @param totalEpochs sum of {@code epochs} over all trials: exact, except for coarse-to-fine with a varying
 *                    {@code epochs}, where later stages count at the space's largest epochs (an upper bound:
 *                    narrowing never widens). Pruning can only lower it.
 */
public record Preview(long trialCount, List<TrialParams> firstTrials, long totalEpochs) {

    public Preview {
        firstTrials = List.copyOf(firstTrials);
    }

    /** Previews {@code spec} with at most {@code firstN} parameter sets. */
    public static Preview of(SearchSpec spec, int firstN) {
        if (firstN < 0) {
            throw new IllegalArgumentException("firstN must be >= 0");
        }
        Strategy strategy = Strategies.create(spec); // for coarse-to-fine: stage 1, the trials known up front
        List<TrialParams> first = new ArrayList<>();
        for (long k = 0; k < Math.min(strategy.trialCount(), firstN); k++) {
            TrialParams p = strategy.paramsFor(k);
            if (p == null) {
                break; // TPE: later trials are decided when claimed
            }
            first.add(p);
        }
        CoarseToFine c = spec.coarseToFine();
        if (c == null) {
            return new Preview(strategy.trialCount(), first, totalEpochs(spec.space(), strategy));
        }
        long laterTrials = c.totalTrials() - c.trialsPerStage();
        long later = Math.multiplyExact(laterTrials, spec.space().largestInt(MlpParameters.EPOCHS));
        return new Preview(c.totalTrials(), first, Math.addExact(totalEpochs(spec.space(), strategy), later));
    }

    /**
     * Closed forms when epochs is fixed (count x epochs) or the whole grid runs (each epochs value
     * appears gridSize / its radix times); otherwise sums over the trials, which the caps keep small
     * (at most 10,000 random trials or 100,000 grid points by default).
     */
    static long totalEpochs(Space space, Strategy strategy) {
        Distribution epochs = space.get(MlpParameters.EPOCHS);
        long count = strategy.trialCount();
        if (epochs instanceof Distribution.Fixed f) {
            return Math.multiplyExact(count, ((Number) f.value()).longValue());
        }
        if (strategy instanceof GridStrategy grid && grid.coversGrid()) {
            long sum = 0;
            for (long i = 0; i < epochs.gridSize(); i++) {
                sum = Math.addExact(sum, ((Number) epochs.gridValue(i)).longValue());
            }
            return Math.multiplyExact(grid.gridSize() / epochs.gridSize(), sum);
        }
        long total = 0;
        for (long k = 0; k < count; k++) {
            TrialParams p = strategy.paramsFor(k);
            // A trial decided at its claim (TPE) counts at the largest epochs: an upper bound.
            total = Math.addExact(total, p == null ? space.largestInt(MlpParameters.EPOCHS) : p.epochs());
        }
        return total;
    }
}
