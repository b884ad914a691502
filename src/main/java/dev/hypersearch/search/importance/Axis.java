package dev.hypersearch.search.importance;

import dev.hypersearch.search.Distribution;
import dev.hypersearch.search.Space;
import java.util.ArrayList;
import java.util.List;

/**
 * One varying parameter on a discrete axis, as PED-ANOVA reads it: a numeric range cut into at most
 * {@link #MAX_STEPS} evenly spaced grid points (on the log axis when the space samples it in log), a choice
 * as its listed values. A value's bin is the nearest grid point (ties to the lower), or its choice's index.
 *
 * @param bins        number of grid points (numeric) or choices (categorical)
 * @param categorical whether the bins are unordered choices
 */
public record Axis(String name, int bins, boolean categorical, double low, double high, boolean log,
                   List<Object> choices) {

    /** Optuna's {@code n_steps}: a range is read on at most 50 grid points. */
    static final int MAX_STEPS = 50;

    public Axis {
        choices = List.copyOf(choices);
    }

    /** The axes of every parameter the space varies, in canonical order; fixed parameters have none. */
    public static List<Axis> of(Space space) {
        List<Axis> axes = new ArrayList<>();
        space.distributions().forEach((name, d) -> {
            Axis a = of(name, d);
            if (a != null) {
                axes.add(a);
            }
        });
        return axes;
    }

    /** The axis of one parameter, or null when its distribution does not vary. */
    static Axis of(String name, Distribution d) {
        if (d instanceof Distribution.Choice c && c.values().size() > 1) {
            return new Axis(name, c.values().size(), true, 0, 0, false, c.values());
        }
        if (d instanceof Distribution.IntRange r && r.min() < r.max()) {
            int steps = (int) Math.min(MAX_STEPS, r.gridSize());
            return new Axis(name, steps, false, r.min(), r.max(), false, List.of());
        }
        if (d instanceof Distribution.FloatRange r && r.min() < r.max()) {
            int steps = r.points() == null ? MAX_STEPS : Math.max(2, Math.min(MAX_STEPS, r.points()));
            return new Axis(name, steps, false, r.min(), r.max(), r.log(), List.of());
        }
        return null;
    }

    /**
     * The bin of {@code value}, or -1 when the trial has no value for this parameter (not applicable to it)
     * or a value this axis does not know (a choice the space does not list).
     */
    public int bin(Object value) {
        if (value == null) {
            return -1;
        }
        return categorical ? choiceIndex(value) : nearestStep(value);
    }

    private int choiceIndex(Object value) {
        for (int i = 0; i < choices.size(); i++) {
            Object c = choices.get(i);
            boolean same = c instanceof Number a && value instanceof Number b
                    ? a.doubleValue() == b.doubleValue() : c.equals(value);
            if (same) {
                return i;
            }
        }
        return -1;
    }

    private int nearestStep(Object value) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            return -1;
        }
        double x = n.doubleValue();
        double lo = low;
        double hi = high;
        if (log) {
            x = Math.log(Math.max(x, Double.MIN_NORMAL));
            lo = Math.log(low);
            hi = Math.log(high);
        }
        double step = (hi - lo) / (bins - 1);
        // As Optuna: ceil(t - 0.5) sends a midpoint to the lower grid point.
        int i = (int) Math.ceil((x - lo) / step - 0.5);
        return Math.max(0, Math.min(bins - 1, i));
    }
}
