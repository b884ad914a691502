package dev.hypersearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for raw (JSON-shaped) specs, so tests read like request bodies. */
final class SpecFixtures {

    private SpecFixtures() {
    }

    /** A mutable map from alternating keys and values, in the order given. */
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, Object> choice(Object... values) {
        return obj("choice", List.of(values));
    }

    static Map<String, Object> intRange(long min, long max, long step) {
        return obj("intRange", obj("min", min, "max", max, "step", step));
    }

    static Map<String, Object> floatRange(double min, double max, boolean log, Integer points) {
        Map<String, Object> body = obj("min", min, "max", max, "log", log);
        if (points != null) {
            body.put("points", points);
        }
        return obj("floatRange", body);
    }

    /** A valid spec body around {@code space}; callers overwrite fields to break it. */
    static Map<String, Object> spec(String strategy, Integer maxTrials, Map<String, Object> space) {
        Map<String, Object> m = obj("name", "test", "dataset", "digits", "strategy", strategy,
                "seed", 42, "validationFraction", 0.2, "space", space);
        if (maxTrials != null) {
            m.put("maxTrials", maxTrials);
        }
        return m;
    }
}
