package dev.hypersearch.search.tpe;

import dev.hypersearch.search.TpeSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The observed trials divided, as Optuna's {@code _split_trials} does, into the good ("below": the best
 * {@code gamma} fraction of the ranked finished trials) and the rest ("above"). Completed trials rank first, by
 * loss; pruned ones after them, those that reached a later epoch first, then by their last loss; failed and
 * diverged trials are never good, and neither are running ones (the constant liar: a running trial's point counts
 * as bad, so parallel claims spread out). Both lists are in trial-number order, which the weights depend on.
 */
record Split(List<ObservedTrial> good, List<ObservedTrial> rest) {

    private static final Comparator<ObservedTrial> BY_LOSS =
            Comparator.comparingDouble(ObservedTrial::value).thenComparingInt(ObservedTrial::number);
    private static final Comparator<ObservedTrial> BY_STEP_THEN_LOSS = Comparator
            .comparingInt((ObservedTrial t) -> -t.epochs())
            .thenComparingDouble(t -> Double.isNaN(t.value()) ? Double.POSITIVE_INFINITY : t.value())
            .thenComparingInt(ObservedTrial::number);
    private static final Comparator<ObservedTrial> BY_NUMBER = Comparator.comparingInt(ObservedTrial::number);

    static Split of(List<ObservedTrial> observed, TpeSettings settings) {
        List<ObservedTrial> ranked = new ArrayList<>();
        List<ObservedTrial> pruned = new ArrayList<>();
        List<ObservedTrial> rest = new ArrayList<>();
        for (ObservedTrial t : observed) {
            if (t.completed()) {
                ranked.add(t);
            } else if (t.pruned()) {
                pruned.add(t);
            } else {
                rest.add(t); // running, failed, diverged, completed without a finite loss
            }
        }
        ranked.sort(BY_LOSS);
        pruned.sort(BY_STEP_THEN_LOSS);
        ranked.addAll(pruned);
        int good = Math.min(ranked.size(), settings.goodCount(ranked.size()));
        List<ObservedTrial> below = new ArrayList<>(ranked.subList(0, good));
        rest.addAll(ranked.subList(good, ranked.size()));
        below.sort(BY_NUMBER);
        rest.sort(BY_NUMBER);
        return new Split(below, rest);
    }
}
