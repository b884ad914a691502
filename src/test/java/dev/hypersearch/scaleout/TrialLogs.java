package dev.hypersearch.scaleout;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the one structured line a worker logs when its result for a trial was written ("trial_finished"). */
public final class TrialLogs {

    private static final Pattern FINISHED = Pattern.compile("trial_finished search=(\\d+) trial=(\\d+)");

    private TrialLogs() {
    }

    /** For one search: trial id -> how many processes wrote a result for it, over all the given processes' logs. */
    public static Map<Long, Integer> resultsWritten(Collection<AppProcess> processes, long searchId) {
        Map<Long, Integer> counts = new HashMap<>();
        for (AppProcess p : processes) {
            Matcher m = FINISHED.matcher(p.log());
            while (m.find()) {
                if (Long.parseLong(m.group(1)) == searchId) {
                    counts.merge(Long.parseLong(m.group(2)), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
