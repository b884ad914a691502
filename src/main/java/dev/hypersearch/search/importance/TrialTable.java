package dev.hypersearch.search.importance;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finished trials as PED-ANOVA needs them and no more: each trial's objective (with, for a pruned trial, the epoch
 * it reached) and, per axis, its bin (-1 where the parameter does not apply to the trial). Filled one trial at a
 * time, so a caller can stream trials from storage: a trial costs 10 bytes plus 2 per axis (100,000 trials of 15
 * parameters: under 4 MB).
 *
 * <p>Trials rank as TPE ranks them: completed ones by loss, then pruned ones (those that reached a later epoch
 * first, then by their last loss), then diverged ones.
 */
public final class TrialTable {

    private final List<Axis> axes;
    private double[] losses = new double[64];
    /** The epoch a pruned trial reached (at most Short.MAX_VALUE), 0 for the others. */
    private short[] prunedAt = new short[64];
    private short[][] bins;
    private int size;

    public TrialTable(List<Axis> axes) {
        this.axes = List.copyOf(axes);
        for (Axis a : this.axes) {
            if (a.bins() > Short.MAX_VALUE) {
                throw new IllegalArgumentException(a.name() + " has too many choices: " + a.bins());
            }
        }
        this.bins = new short[this.axes.size()][64];
    }

    /**
     * Adds one finished trial: its parameter values by name (only those that apply to it) and its objective,
     * lower is better; {@code +Infinity} for a trial worse than any finite one (it diverged).
     */
    public void add(Map<String, ?> values, double loss) {
        if (Double.isNaN(loss) || loss == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("objective must be a number or +Infinity, was " + loss);
        }
        append(values, loss, (short) 0);
    }

    /**
     * Adds one pruned trial: it ranks after every completed trial and before diverged ones, by the epoch it
     * reached (later first), then by its loss there ({@code NaN} when it has none: last among those).
     */
    public void addPruned(Map<String, ?> values, int epochReached, double loss) {
        if (epochReached < 1) {
            throw new IllegalArgumentException("a pruned trial reached epoch >= 1, not " + epochReached);
        }
        append(values, Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss,
                (short) Math.min(Short.MAX_VALUE, epochReached));
    }

    private void append(Map<String, ?> values, double loss, short pruned) {
        if (size == losses.length) {
            int grown = size * 2;
            losses = Arrays.copyOf(losses, grown);
            prunedAt = Arrays.copyOf(prunedAt, grown);
            for (int a = 0; a < bins.length; a++) {
                bins[a] = Arrays.copyOf(bins[a], grown);
            }
        }
        losses[size] = loss;
        prunedAt[size] = pruned;
        for (int a = 0; a < axes.size(); a++) {
            Axis axis = axes.get(a);
            bins[a][size] = (short) axis.bin(values.get(axis.name()));
        }
        size++;
    }

    public List<Axis> axes() {
        return axes;
    }

    public int size() {
        return size;
    }

    /** Orders trials best first: completed by loss, pruned by epoch reached then loss, diverged last; 0 on ties. */
    int compare(int a, int b) {
        int tiers = Integer.compare(tier(a), tier(b));
        if (tiers != 0) {
            return tiers;
        }
        int epochs = Integer.compare(prunedAt[b], prunedAt[a]);
        return epochs != 0 ? epochs : Double.compare(losses[a], losses[b]);
    }

    private int tier(int trial) {
        return prunedAt[trial] > 0 ? 1 : losses[trial] == Double.POSITIVE_INFINITY ? 2 : 0;
    }

    /** The trial's bin on axis {@code axis}, -1 when the parameter does not apply to it. */
    int bin(int axis, int trial) {
        return bins[axis][trial];
    }
}
