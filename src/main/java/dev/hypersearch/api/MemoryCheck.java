package dev.hypersearch.api;

import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.search.FieldError;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.trial.LargestConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Refuses a spec whose largest configuration would not fit in a worker's memory budget, naming the space's
 * parameters that make it that large (so a trial never dies of OutOfMemoryError, taking its worker thread along).
 */
final class MemoryCheck {

    private MemoryCheck() {
    }

    static LargestConfiguration largest(SearchSpec spec, DatasetShape shape) {
        return LargestConfiguration.of(spec.space(), shape, spec.validation());
    }

    /** One error per parameter to lower (or on the data set when no parameter helps); empty when it fits. */
    static List<FieldError> errors(LargestConfiguration largest, long budgetBytes) {
        long needed = largest.estimate().bytes();
        if (needed <= budgetBytes) {
            return List.of();
        }
        String config = largest.drivers().stream()
                .map(name -> name + " " + largest.params().values().get(name))
                .collect(Collectors.joining(", "));
        String message = String.format(Locale.ROOT, "the largest configuration of this search (%s) needs an"
                        + " estimated %,d bytes (%s) of memory, over a worker's budget of %,d bytes (%s)%s",
                config.isEmpty() ? "the data set alone" : config, needed, human(needed), budgetBytes,
                human(budgetBytes), largest.drivers().isEmpty() ? ""
                        : ": lower " + String.join(", ", largest.drivers())
                        + " (see hypersearch.trial-memory-fraction and the worker's heap, -Xmx)");
        List<FieldError> errors = new ArrayList<>();
        for (String name : largest.drivers()) {
            errors.add(new FieldError("space." + name, message));
        }
        if (errors.isEmpty()) {
            errors.add(new FieldError("dataset", message));
        }
        return errors;
    }

    static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
