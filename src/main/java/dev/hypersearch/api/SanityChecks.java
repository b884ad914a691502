package dev.hypersearch.api;

import dev.hypersearch.data.Dataset;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.trial.SanityCheck;
import dev.hypersearch.trial.SanityReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the spec's sanity check at submission, before any trial exists: trial 0's configuration must start near
 * chance loss and overfit 20 examples (see {@link SanityCheck}); it takes well under a second. The report is
 * stored with the search in JSON form, non-finite numbers as null.
 */
final class SanityChecks {

    private SanityChecks() {
    }

    static Map<String, Object> run(TrialParams firstParams, Dataset dataset, long seed) {
        SanityReport r;
        try {
            r = SanityCheck.run(firstParams, dataset, seed);
        } catch (RuntimeException e) {
            // A configuration the engine refuses fails the check as surely as one that cannot learn.
            String message = "sanity check failed: the first configuration could not be trained: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage();
            r = new SanityReport(false, "error", Double.NaN, Double.NaN, Double.NaN, message);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", r.passed());
        m.put("failedCheck", r.failedCheck());
        m.put("initialLoss", finite(r.initialLoss()));
        m.put("expectedInitialLoss", finite(r.expectedInitialLoss()));
        m.put("finalTrainLoss", finite(r.finalTrainLoss()));
        m.put("message", r.message());
        return m;
    }

    static boolean passed(Map<String, Object> report) {
        return Boolean.TRUE.equals(report.get("passed"));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
