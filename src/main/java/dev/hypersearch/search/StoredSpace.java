package dev.hypersearch.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The space of a stored search names its precision, so the precision a search trains at is fixed when it is
 * submitted: a later change of the default never reaches its queued trials, its coarse-to-fine stages, its
 * refits or its replays. A submission writes the default of the day into the stored form when the space leaves
 * precision out ({@link #atSubmission}); a stored space without precision was submitted while float64 was the
 * default (or before the parameter existed), and reads as float64 ({@link #asStored}).
 */
public final class StoredSpace {

    private StoredSpace() {
    }

    /** The space as given (null: none) with precision named: the catalogue default when not given. */
    public static Map<String, Object> atSubmission(Map<?, ?> given) {
        return withPrecision(given, (String) MlpParameters.find(MlpParameters.PRECISION).orElseThrow().defaultValue());
    }

    /** A stored space (null: none) with precision named: {@link MlpParameters#LEGACY_PRECISION} when it names none. */
    public static Map<String, Object> asStored(Map<?, ?> stored) {
        return withPrecision(stored, MlpParameters.LEGACY_PRECISION);
    }

    /**
     * A stored spec whose space names its precision ({@link #asStored}): what {@link SearchSpec#fromStored} reads,
     * and what the API shows, so resubmitting it replays the search at the precision it ran at.
     */
    public static Map<String, Object> specAsStored(Map<String, ?> spec) {
        Map<String, Object> m = new LinkedHashMap<>(spec);
        Object space = spec.get("space");
        // a space that is not an object is left to the parser, which names the error
        if (space == null || space instanceof Map<?, ?>) {
            m.put("space", asStored((Map<?, ?>) space));
        }
        return m;
    }

    private static Map<String, Object> withPrecision(Map<?, ?> space, String precision) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (space != null) {
            space.forEach((k, v) -> m.put(String.valueOf(k), v));
        }
        m.putIfAbsent(MlpParameters.PRECISION, precision);
        return m;
    }
}
