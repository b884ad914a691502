package dev.hypersearch.trial;

import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.search.Distribution;
import dev.hypersearch.search.MlpParameters;
import dev.hypersearch.search.Parameter;
import dev.hypersearch.search.ParameterType;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The configuration of a space that needs the most memory, and which parameters make it so. Every integer
 * parameter is taken at its largest value (memory grows with widths, depth and batch), real parameters at any
 * value (none sizes anything), and every combination of the categorical and boolean values is tried (optimizer,
 * batch norm, activation: at most a few hundred estimates, plain arithmetic). Generic over the catalogue, so a
 * new size parameter is covered without a change here.
 *
 * @param drivers the integer parameters whose largest value raises the estimate (lowering them helps), in
 *                catalogue order
 */
public record LargestConfiguration(TrialParams params, MemoryEstimate estimate, List<String> drivers) {

    public static LargestConfiguration of(Space space, DatasetShape data, Validation validation) {
        Map<String, List<Object>> candidates = new LinkedHashMap<>();
        // The space holds every required parameter and the optional ones (layer widths) its spec gave.
        space.distributions().forEach((name, d) ->
                candidates.put(name, candidates(MlpParameters.find(name).orElseThrow().type(), d)));
        Worst worst = worst(candidates, data, validation);
        List<String> drivers = new ArrayList<>();
        for (String name : candidates.keySet()) {
            Parameter p = MlpParameters.find(name).orElseThrow();
            if (p.type() != ParameterType.INT) {
                continue;
            }
            Map<String, List<Object>> lowered = new LinkedHashMap<>(candidates);
            lowered.put(p.name(), List.of((long) Math.ceil(p.bounds().min())));
            if (worst(lowered, data, validation).estimate.bytes() < worst.estimate.bytes()) {
                drivers.add(p.name());
            }
        }
        return new LargestConfiguration(worst.params, worst.estimate, List.copyOf(drivers));
    }

    private record Worst(TrialParams params, MemoryEstimate estimate) {
    }

    private static Worst worst(Map<String, List<Object>> candidates, DatasetShape data, Validation validation) {
        Worst[] best = {null};
        enumerate(new ArrayList<>(candidates.entrySet()), 0, new LinkedHashMap<>(), values -> {
            TrialParams p = TrialParams.of(values);
            MemoryEstimate e = MemoryEstimate.of(p, data, validation);
            if (best[0] == null || e.bytes() > best[0].estimate.bytes()) {
                best[0] = new Worst(p, e);
            }
        });
        return best[0];
    }

    private static void enumerate(List<Map.Entry<String, List<Object>>> params, int i, Map<String, Object> chosen,
                                  Consumer<Map<String, Object>> each) {
        if (i == params.size()) {
            each.accept(chosen);
            return;
        }
        for (Object v : params.get(i).getValue()) {
            chosen.put(params.get(i).getKey(), v);
            enumerate(params, i + 1, chosen, each);
        }
    }

    /** The values worth trying: the largest integer, one real, every category. */
    private static List<Object> candidates(ParameterType type, Distribution d) {
        List<Object> values;
        if (d instanceof Distribution.Fixed f) {
            values = List.of(f.value());
        } else if (d instanceof Distribution.Choice c) {
            values = c.values();
        } else if (d instanceof Distribution.IntRange r) {
            values = List.of(r.min() + (r.max() - r.min()) / r.step() * r.step());
        } else {
            values = List.of(((Distribution.FloatRange) d).max());
        }
        return switch (type) {
            case INT -> List.of(values.stream().mapToLong(v -> ((Number) v).longValue()).max().orElseThrow());
            case FLOAT -> List.of(values.get(0));
            case CATEGORICAL, BOOLEAN -> values.stream().distinct().toList();
        };
    }
}
