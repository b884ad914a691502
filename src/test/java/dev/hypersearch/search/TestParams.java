package dev.hypersearch.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Trial parameters for tests: every parameter at its default, but for the names and values given. */
public final class TestParams {

    private TestParams() {
    }

    /** @param kv alternating catalogue names and values, e.g. {@code "hiddenUnits", 8} */
    public static TrialParams defaultsWith(Object... kv) {
        Map<String, Object> values = new HashMap<>(Space.defaults().gridPoint(0).values());
        for (int i = 0; i < kv.length; i += 2) {
            values.put((String) kv[i], kv[i + 1]);
        }
        return TrialParams.of(values);
    }

    /** The catalogue names a space holds when a spec gives no optional parameter (no layer's own width). */
    public static List<String> requiredNames() {
        return MlpParameters.all().stream().filter(p -> !p.optional()).map(Parameter::name).toList();
    }

    /** Under the defaults (relu, adam): every required name but those of leaky_relu, elu and momentum. */
    public static List<String> namesUnderDefaults() {
        return requiredNames().stream()
                .filter(n -> !List.of("leakySlope", "eluAlpha", "momentum").contains(n)).toList();
    }
}
