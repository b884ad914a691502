package dev.hypersearch.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * A search space: every catalogue parameter ({@link MlpParameters}) mapped to a distribution, in the
 * catalogue's canonical order whatever the order of the JSON keys. Parameters the user did not give
 * are {@link Distribution.Fixed} at their default, so every trial carries a complete parameter set;
 * optional ones (a layer's own width, {@code unitsL}) are in the space only when given. A conditional
 * parameter is drawn, and counts in the grid, only where active ({@link #isActive}).
 */
public final class Space {

    private final Map<String, Distribution> distributions;
    private final List<Parameter> parameters;
    private final ConditionalGrid grid;

    private Space(Map<String, Distribution> distributions) {
        this.distributions = Collections.unmodifiableMap(distributions);
        this.parameters = MlpParameters.all().stream().filter(p -> distributions.containsKey(p.name())).toList();
        this.grid = new ConditionalGrid(parameters, parameters.stream().map(p -> distributions.get(p.name())).toList());
    }

    /** Parses a raw space (JSON bound to plain values); errors are reported under {@code space.}. */
    public static Space parse(Map<String, ?> raw) {
        Errors errors = new Errors();
        Space space = parse(raw, "space", errors);
        errors.throwIfAny();
        return space;
    }

    /**
     * Parses a stored space (a coarse-to-fine stage's): one stored without precision reads as float64, as it ran
     * ({@link StoredSpace#asStored}).
     */
    public static Space parseStored(Map<String, ?> stored) {
        return parse(StoredSpace.asStored(stored));
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
            if (raw.containsKey(p.name())) {
                distributions.put(p.name(), DistributionParser.parse(p, raw.get(p.name()), field + "." + p.name(),
                        errors));
            } else if (!p.optional()) {
                distributions.put(p.name(), new Distribution.Fixed(p.defaultValue()));
            }
        }
        return errors.count() == before ? new Space(distributions) : null;
    }

    /**
     * A space from distributions already checked (parsed, or narrowed from a checked space): every catalogue name
     * but the optional ones, which it may hold.
     */
    static Space of(Map<String, Distribution> distributions) {
        Map<String, Distribution> ordered = new LinkedHashMap<>();
        for (Parameter p : MlpParameters.all()) {
            Distribution d = distributions.get(p.name());
            if (d == null && !p.optional()) {
                throw new IllegalArgumentException("no distribution for '" + p.name() + "'");
            }
            if (d != null) {
                ordered.put(p.name(), d);
            }
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

    /**
     * Whether parameter {@code name} is in this space and has any effect given the other parameters'
     * {@code values} (by catalogue name, canonical form; a partial assignment holding the earlier parameters
     * will do): for strategies that draw parameter by parameter in canonical order and then call
     * {@link TrialParams#of}.
     */
    public boolean isActive(String name, Map<String, ?> values) {
        return distributions.containsKey(name) && MlpParameters.isActive(name, values);
    }

    /**
     * Whether parameter {@code name} applies at some point of this space: it is unconditional, or the parameter its
     * condition reads may apply and takes a value meeting it (its catalogue default when the space leaves it out).
     * False for momentum with optimizer fixed to adam, or units3 with hiddenLayers at most 2.
     */
    public boolean mayApply(String name) {
        Condition c = MlpParameters.find(name).orElseThrow(() -> new IllegalArgumentException("no parameter '" + name + "'"))
                .condition();
        if (c == null) {
            return true;
        }
        if (!mayApply(c.parameter())) {
            return false;
        }
        Distribution d = distributions.get(c.parameter());
        if (d == null) {
            return c.holds(MlpParameters.find(c.parameter()).orElseThrow().defaultValue());
        }
        if (d instanceof Distribution.FloatRange) {
            return true; // conditions read categories and integers only
        }
        for (long i = 0; i < d.gridSize(); i++) {
            if (c.holds(d.gridValue(i))) {
                return true;
            }
        }
        return false;
    }

    /** The names of this space's parameters active under {@code values} (see {@link #isActive}), canonical order. */
    public List<String> activeNames(Map<String, ?> values) {
        return distributions.keySet().stream().filter(n -> MlpParameters.isActive(n, values)).toList();
    }

    /** Name to distribution, in canonical order; optional parameters only when given. */
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
     * Number of grid points: the sum over the branches of the deciding parameters of the product of the active
     * parameters' grid sizes (the plain product when nothing is conditional), without enumerating points.
     *
     * @throws ArithmeticException when it overflows a long
     * @throws IllegalStateException when an active floatRange has no points
     */
    public long gridSize() {
        return grid.size();
    }

    /**
     * The grid point with this index: a mixed-radix number whose digits are the active parameters' grid
     * indices in canonical order, the last parameter varying fastest (see {@link ConditionalGrid}).
     */
    public TrialParams gridPoint(long index) {
        return build(grid.point(index));
    }

    /**
     * One random parameter set: each active parameter drawn in canonical order from {@code rng}; an inactive one
     * is not drawn and takes nothing from {@code rng}, so draws of spaces without conditional parameters, or
     * whose conditional parameters are fixed, are those of before conditions existed.
     */
    public TrialParams sample(RandomGenerator rng) {
        Object[] values = new Object[parameters.size()];
        Map<String, Object> drawn = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (MlpParameters.isActive(p.name(), drawn)) {
                values[i] = p.type().canonical(distributions.get(p.name()).sample(rng));
                drawn.put(p.name(), values[i]);
            }
        }
        return build(values);
    }

    private TrialParams build(Object[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                Parameter p = parameters.get(i);
                m.put(p.name(), p.type().canonical(values[i]));
            }
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
