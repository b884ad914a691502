package dev.hypersearch.search.importance;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finished trials as PED-ANOVA needs them and no more: each trial's objective and, per axis, its bin (-1 where the
 * parameter does not apply to the trial). Filled one trial at a time, so a caller can stream trials from storage:
 * a trial costs 8 bytes plus 2 per axis (100,000 trials of 15 parameters: under 4 MB).
 */
public final class TrialTable {

    private final List<Axis> axes;
    private double[] losses = new double[64];
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
        if (size == losses.length) {
            int grown = size * 2;
            losses = Arrays.copyOf(losses, grown);
            for (int a = 0; a < bins.length; a++) {
                bins[a] = Arrays.copyOf(bins[a], grown);
            }
        }
        losses[size] = loss;
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

    double loss(int trial) {
        return losses[trial];
    }

    /** The trial's bin on axis {@code axis}, -1 when the parameter does not apply to it. */
    int bin(int axis, int trial) {
        return bins[axis][trial];
    }
}
