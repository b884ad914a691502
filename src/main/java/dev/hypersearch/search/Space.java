package dev.hypersearch.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * A search space: every catalogue parameter ({@link MlpParameters}) mapped to a distribution, in the
 * catalogue's canonical order whatever the order of the JSON keys. Parameters the user did not give
 * are {@link Distribution.Fixed} at their default, so every trial carries a complete parameter set.
 */
public final class Space {

    private final Map<String, Distribution> distributions;
    private final List<Parameter> parameters;

    private Space(Map<String, Distribution> distributions) {
        this.distributions = Collections.unmodifiableMap(distributions);
        this.parameters = MlpParameters.all();
    }

    /** Parses a raw space (JSON bound to plain values); errors are reported under {@code space.}. */
    public static Space parse(Map<String, ?> raw) {
        Errors errors = new Errors();
        Space space = parse(raw, "space", errors);
        errors.throwIfAny();
        return space;
    }

    /** Every parameter at its default. */
    public static Space defaults() {
        return parse(Map.of());
    }

    /** The space, or null after recording errors under {@code field}. */
    static Space parse(Map<?, ?> raw, String field, Errors errors) {
        int before = errors.count();
        // Unknown names first, sorted, so error order does not depend on key order either.
        for (String name : new TreeSet<>(raw.keySet().stream().map(String::valueOf).toList())) {
            if (MlpParameters.find(name).isEmpty()) {
                errors.add(field + "." + name, "unknown parameter" + Suggestions.didYouMean(name, MlpParameters.names())
                        + "; GET /api/parameters lists the known ones");
            }
        }
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        for (Parameter p : MlpParameters.all()) {
            Distribution d = raw.containsKey(p.name())
                    ? DistributionParser.parse(p, raw.get(p.name()), field + "." + p.name(), errors)
                    : new Distribution.Fixed(p.defaultValue());
            distributions.put(p.name(), d);
        }
        return errors.count() == before ? new Space(distributions) : null;
    }

    /** A space from distributions already checked (parsed, or narrowed from a checked space); every catalogue name. */
    static Space of(Map<String, Distribution> distributions) {
        Map<String, Distribution> ordered = new LinkedHashMap<>();
        for (Parameter p : MlpParameters.all()) {
            Distribution d = distributions.get(p.name());
            if (d == null) {
                throw new IllegalArgumentException("no distribution for '" + p.name() + "'");
            }
            ordered.put(p.name(), d);
        }
        if (distributions.size() != ordered.size()) {
            throw new IllegalArgumentException("unknown parameters in " + distributions.keySet());
        }
        return new Space(ordered);
    }

    /**
     * The space written the way a spec writes it (a fixed value, or {@code {"choice": [...]}},
     * {@code {"intRange": {...}}}, {@code {"floatRange": {...}}}), every parameter in canonical order:
     * {@link #parse} reads it back to an equal space, so it can be stored as JSON and shown to users.
     */
    public Map<String, Object> toRaw() {
        Map<String, Object> raw = new LinkedHashMap<>();
        distributions.forEach((name, d) -> raw.put(name, rawOf(d)));
        return Collections.unmodifiableMap(raw);
    }

    private static Object rawOf(Distribution d) {
        if (d instanceof Distribution.Fixed f) {
            return f.value();
        }
        if (d instanceof Distribution.Choice c) {
            return Map.of("choice", c.values());
        }
        if (d instanceof Distribution.IntRange r) {
            return Map.of("intRange", entries("min", r.min(), "max", r.max(), "step", r.step()));
        }
        Distribution.FloatRange r = (Distribution.FloatRange) d;
        Map<String, Object> body = entries("min", r.min(), "max", r.max(), "log", r.log());
        if (r.points() != null) {
            body.put("points", r.points());
        }
        return Map.of("floatRange", body);
    }

    private static Map<String, Object> entries(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Name to distribution, in canonical order. */
    public Map<String, Distribution> distributions() {
        return distributions;
    }

    public Distribution get(String name) {
        Distribution d = distributions.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return d;
    }

    /** The largest value an integer parameter can take (ranges ascend on their grid; choices in any order). */
    long largestInt(String name) {
        Distribution d = get(name);
        if (d instanceof Distribution.IntRange r) {
            return ((Number) r.gridValue(r.gridSize() - 1)).longValue();
        }
        long max = Long.MIN_VALUE;
        for (long i = 0; i < d.gridSize(); i++) {
            max = Math.max(max, ((Number) d.gridValue(i)).longValue());
        }
        return max;
    }

    /** Names whose distribution is not fixed: the dimensions actually searched. */
    public List<String> searchedNames() {
        List<String> names = new ArrayList<>();
        distributions.forEach((name, d) -> {
            if (!(d instanceof Distribution.Fixed)) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * Number of grid points: the product of the distributions' grid sizes, without enumerating.
     *
     * @throws ArithmeticException when the product overflows a long
     * @throws IllegalStateException when a floatRange has no points
     */
    public long gridSize() {
        long size = 1;
        for (Distribution d : distributions.values()) {
            size = Math.multiplyExact(size, d.gridSize());
        }
        return size;
    }

    /**
     * The grid point with this index, read as a mixed-radix number whose digits are the parameters'
     * grid indices in canonical order, the last parameter varying fastest.
     */
    public TrialParams gridPoint(long index) {
        long size = gridSize();
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("grid index " + index + " outside [0, " + size + ")");
        }
        Object[] values = new Object[parameters.size()];
        long rest = index;
        for (int i = parameters.size() - 1; i >= 0; i--) {
            Distribution d = distributions.get(parameters.get(i).name());
            long radix = d.gridSize();
            values[i] = d.gridValue(rest % radix);
            rest /= radix;
        }
        return build(values);
    }

    /** One random parameter set: each parameter drawn in canonical order from {@code rng}. */
    public TrialParams sample(RandomGenerator rng) {
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            values[i] = distributions.get(parameters.get(i).name()).sample(rng);
        }
        return build(values);
    }

    private TrialParams build(Object[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Parameter p = parameters.get(i);
            m.put(p.name(), p.type().canonical(values[i]));
        }
        return TrialParams.of(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Space other && distributions.equals(other.distributions);
    }

    @Override
    public int hashCode() {
        return distributions.hashCode();
    }

    @Override
    public String toString() {
        return distributions.toString();
    }
}
