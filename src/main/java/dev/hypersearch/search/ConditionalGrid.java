package dev.hypersearch.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A space's grid when some parameters apply only under others' values: each branch of the deciding parameters
 * (those a condition reads: activation, optimizer, hiddenLayers) contributes the product of its active
 * parameters' grid sizes, so inactive parameters never multiply the grid. Point k is a mixed-radix number in
 * canonical order, last parameter fastest, whose digit for a deciding parameter weighs each value by the size
 * of its branch. With no conditional parameter varying every branch is equally large and this is the plain
 * mixed radix, computed as such. Otherwise counts of completions are memoized per (position, deciding values so
 * far): a few hundred branches at most, never the points themselves. A fixed parameter never changes a count, so
 * only varying conditional parameters make their deciding parameters branch; a fixed one that does not apply is
 * dropped by {@link TrialParams}.
 */
final class ConditionalGrid {

    private final List<Parameter> parameters;
    private final List<Distribution> distributions;
    /** Parameters whose value decides whether a varying parameter applies (and what decides those). */
    private final Set<String> deciding = new HashSet<>();
    private final Map<Key, Long> completions = new ConcurrentHashMap<>();
    private volatile long[] plain;

    private record Key(int from, Map<String, Object> deciding) {
    }

    ConditionalGrid(List<Parameter> parameters, List<Distribution> distributions) {
        this.parameters = List.copyOf(parameters);
        this.distributions = List.copyOf(distributions);
        for (int i = 0; i < parameters.size(); i++) {
            if (!(distributions.get(i) instanceof Distribution.Fixed)) {
                for (Condition c = parameters.get(i).condition(); c != null;
                     c = MlpParameters.find(c.parameter()).orElseThrow().condition()) {
                    deciding.add(c.parameter());
                }
            }
        }
    }

    /**
     * Number of grid points.
     *
     * @throws ArithmeticException when it overflows a long
     * @throws IllegalStateException when an active floatRange has no points
     */
    long size() {
        return completions(0, Map.of());
    }

    /** Grid point {@code index}'s values in the space's parameter order; null for an inactive parameter. */
    Object[] point(long index) {
        long size = size();
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("grid index " + index + " outside [0, " + size + ")");
        }
        Object[] values = new Object[parameters.size()];
        Map<String, Object> state = Map.of();
        long rest = index;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Distribution d = distributions.get(i);
            if (deciding.isEmpty() || d instanceof Distribution.Fixed && !deciding.contains(p.name())) {
                long below = completions(i + 1, state);
                values[i] = d.gridValue(rest / below);
                rest %= below;
            } else if (!MlpParameters.isActive(p.name(), state)) {
                continue;
            } else if (deciding.contains(p.name())) {
                for (long g = 0; ; g++) {
                    Map<String, Object> next = with(state, p, d.gridValue(g));
                    long branch = completions(i + 1, next);
                    if (rest < branch) {
                        values[i] = next.get(p.name());
                        state = next;
                        break;
                    }
                    rest -= branch;
                }
            } else {
                long below = completions(i + 1, state);
                values[i] = d.gridValue(rest / below);
                rest %= below;
            }
        }
        return values;
    }

    /** Grid points of parameters {@code from..} given the deciding values chosen so far. */
    private long completions(int from, Map<String, Object> state) {
        if (from == parameters.size()) {
            return 1;
        }
        if (deciding.isEmpty()) {
            return suffix()[from];
        }
        Key key = new Key(from, state);
        Long known = completions.get(key);
        if (known != null) {
            return known;
        }
        Parameter p = parameters.get(from);
        Distribution d = distributions.get(from);
        long count;
        if (!MlpParameters.isActive(p.name(), state)) {
            count = completions(from + 1, state);
        } else if (deciding.contains(p.name())) {
            count = 0;
            for (long g = 0; g < d.gridSize(); g++) {
                count = Math.addExact(count, completions(from + 1, with(state, p, d.gridValue(g))));
            }
        } else {
            count = Math.multiplyExact(d.gridSize(), completions(from + 1, state));
        }
        completions.put(key, count);
        return count;
    }

    /** Without branches: suffix()[i] is the product of the grid sizes of parameters i.. (the plain mixed radix). */
    private long[] suffix() {
        long[] s = plain;
        if (s == null) {
            s = new long[parameters.size() + 1];
            s[parameters.size()] = 1;
            for (int i = parameters.size() - 1; i >= 0; i--) {
                s[i] = Math.multiplyExact(distributions.get(i).gridSize(), s[i + 1]);
            }
            plain = s;
        }
        return s;
    }

    private static Map<String, Object> with(Map<String, Object> state, Parameter p, Object value) {
        Map<String, Object> next = new HashMap<>(state);
        next.put(p.name(), p.type().canonical(value));
        return Map.copyOf(next);
    }
}
