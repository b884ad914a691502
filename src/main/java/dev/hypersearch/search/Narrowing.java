package dev.hypersearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coarse-to-fine's step from one stage's space to the next: keep the best trials (lowest objective, ties
 * by trial number; {@link CoarseToFine#topCount} of them) and shrink every dimension to what they used.
 * <ul>
 *   <li>floatRange: [min, max] of the top trials' values. For a log-scaled range this is the span in log
 *       space too (log is monotone), and the range stays log-scaled, so the next stage samples it
 *       log-uniformly. {@code points} is kept (1 if the range collapsed to a point).</li>
 *   <li>intRange: the same span on the range's own step grid (min + j*step), step kept.</li>
 *   <li>choice: the values the top trials used, in the choice's own order.</li>
 *   <li>fixed: unchanged.</li>
 * </ul>
 * A dimension is never widened beyond the stage's space (values from elsewhere are clamped into it) and is
 * left as it is when the top trials give nothing usable for it; with no finite objective at all the space
 * is returned unchanged.
 */
final class Narrowing {

    private Narrowing() {
    }

    static Space narrow(Space space, List<StageResult> finished, CoarseToFine plan) {
        List<StageResult> ranked = new ArrayList<>();
        for (StageResult r : finished) {
            if (Double.isFinite(r.objective())) {
                ranked.add(r);
            }
        }
        if (ranked.isEmpty()) {
            return space;
        }
        ranked.sort(Comparator.comparingDouble(StageResult::objective).thenComparingLong(StageResult::trialNumber));
        List<StageResult> top = ranked.subList(0, plan.topCount(ranked.size()));

        List<Map<String, Object>> topValues = top.stream().map(r -> r.params().values()).toList();
        Map<String, Distribution> next = new LinkedHashMap<>();
        space.distributions().forEach((name, d) -> {
            List<Object> values = new ArrayList<>();
            for (Map<String, Object> trial : topValues) {
                Object v = trial.get(name);
                if (v != null) {
                    values.add(v);
                }
            }
            next.put(name, values.isEmpty() ? d : narrow(d, values));
        });
        return Space.of(next);
    }

    private static Distribution narrow(Distribution d, List<Object> values) {
        if (d instanceof Distribution.FloatRange r) {
            return floatRange(r, values);
        }
        if (d instanceof Distribution.IntRange r) {
            return intRange(r, values);
        }
        if (d instanceof Distribution.Choice c) {
            Set<Object> seen = new HashSet<>(values);
            List<Object> kept = c.values().stream().filter(seen::contains).toList();
            return kept.isEmpty() ? c : new Distribution.Choice(kept);
        }
        return d;
    }

    private static Distribution floatRange(Distribution.FloatRange r, List<Object> values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Object v : values) {
            double x = ((Number) v).doubleValue();
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        lo = Math.min(Math.max(lo, r.min()), r.max());
        hi = Math.min(Math.max(hi, r.min()), r.max());
        // A spec may not ask for several grid points between equal bounds; one point says the same.
        Integer points = r.points() != null && lo == hi ? Integer.valueOf(1) : r.points();
        return new Distribution.FloatRange(lo, hi, r.log(), points);
    }

    private static Distribution intRange(Distribution.IntRange r, List<Object> values) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (Object v : values) {
            long x = ((Number) v).longValue();
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        long top = gridFloor(r, r.max());
        // Round outward to the grid, so an off-grid value stays covered, but never past the range's ends.
        long newMin = Math.min(Math.max(gridFloor(r, lo), r.min()), top);
        long newMax = Math.max(Math.min(gridCeil(r, hi), top), newMin);
        return new Distribution.IntRange(newMin, newMax, r.step());
    }

    /** The largest grid value min + j*step at most x (min itself when x is below it). */
    private static long gridFloor(Distribution.IntRange r, long x) {
        if (x <= r.min()) {
            return r.min();
        }
        return r.min() + (x - r.min()) / r.step() * r.step();
    }

    private static long gridCeil(Distribution.IntRange r, long x) {
        long floor = gridFloor(r, x);
        return floor >= x ? floor : floor + r.step();
    }
}
