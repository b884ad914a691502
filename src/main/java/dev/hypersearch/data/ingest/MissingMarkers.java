package dev.hypersearch.data.ingest;

import java.util.Locale;
import java.util.Set;

/** Cells that mean "no value" in spreadsheet and database exports: empty, NA, N/A, null, NaN, ? and . */
public final class MissingMarkers {

    private static final Set<String> MARKERS = Set.of("", "na", "n/a", "null", "nan", "?", ".");

    private MissingMarkers() {
    }

    /** Whether a stripped cell is missing (case-insensitive). */
    public static boolean isMissing(String stripped) {
        return stripped.length() <= 4 && MARKERS.contains(stripped.toLowerCase(Locale.ROOT));
    }

    /** The markers in lower case (the ONNX export spells out their case variants, having no case folding). */
    public static Set<String> lowerCase() {
        return MARKERS;
    }
}
