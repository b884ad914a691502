package dev.hypersearch.search.pruning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PeerResults} over curves held in memory (trial number to validation losses by epoch): for tests,
 * benchmarks and simulations of a search without a database. Mutable, not thread-safe.
 */
public final class PeerCurves implements PeerResults {

    private final Map<Long, List<Double>> curves = new LinkedHashMap<>();

    /** Appends one epoch's validation loss to a trial's curve. */
    public PeerCurves report(long trial, double valLoss) {
        curves.computeIfAbsent(trial, t -> new ArrayList<>()).add(valLoss);
        return this;
    }

    /** Sets a trial's whole curve so far. */
    public PeerCurves put(long trial, List<Double> valLosses) {
        curves.put(trial, new ArrayList<>(valLosses));
        return this;
    }

    public List<Double> curve(long trial) {
        return List.copyOf(curves.getOrDefault(trial, List.of()));
    }

    @Override
    public List<Double> bestValLossesAt(int epoch, long excludingTrial) {
        List<Double> out = new ArrayList<>();
        curves.forEach((trial, curve) -> {
            if (trial != excludingTrial && curve.size() >= epoch) {
                out.add(Curves.bestSoFar(curve.subList(0, epoch)));
            }
        });
        return out;
    }

    @Override
    public List<Double> valuesAtRung(int rungEpoch, long excludingTrial) {
        List<Double> out = new ArrayList<>();
        curves.forEach((trial, curve) -> {
            if (trial != excludingTrial && curve.size() >= rungEpoch) {
                out.add(curve.get(rungEpoch - 1));
            }
        });
        return out;
    }
}
