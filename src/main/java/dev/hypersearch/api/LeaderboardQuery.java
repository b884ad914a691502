package dev.hypersearch.api;

import dev.hypersearch.search.TrialStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The leaderboard's query parameters checked and turned into a database Pageable. Sort keys are a
 * whitelist of entity properties (never passed through unchecked); NULL metrics sort last in both
 * directions, since a trial without a loss is never "best" nor "worst"; ties go to the lower number.
 *
 * @param statuses empty means every status
 */
record LeaderboardQuery(Pageable pageable, Set<TrialStatus> statuses) {

    static final List<String> SORT_KEYS = List.of("number", "status", "valLoss", "bestValLoss", "valAccuracy",
            "valRmse", "valMae", "valR2", "valF1", "trainLoss", "epochsRun", "durationMs", "startedAt", "finishedAt",
            "stage");

    static LeaderboardQuery parse(String sort, String dir, String status, int page, int size) {
        Paging.check(page, size);
        if (!SORT_KEYS.contains(sort)) {
            throw new BadParameterException("sort", "unknown sort key '" + sort + "'; one of " + SORT_KEYS);
        }
        Sort.Direction direction = switch (dir.toLowerCase(Locale.ROOT)) {
            case "asc" -> Sort.Direction.ASC;
            case "desc" -> Sort.Direction.DESC;
            default -> throw new BadParameterException("dir", "must be asc or desc, was '" + dir + "'");
        };
        // The search first, though it is fixed by the query: H2 reads a page in index order only when the ORDER BY
        // names the index's columns from its first, (search_id, key, number); otherwise it sorts all the search's
        // trials per request. PostgreSQL reads the same index either way.
        Sort order = Sort.by(Sort.Order.asc("searchId"), new Sort.Order(direction, sort, Sort.NullHandling.NULLS_LAST));
        if (!sort.equals("number")) {
            order = order.and(Sort.by(Sort.Order.asc("number")));
        }
        return new LeaderboardQuery(PageRequest.of(page, size, order), statuses(status));
    }

    private static Set<TrialStatus> statuses(String status) {
        Set<TrialStatus> set = EnumSet.noneOf(TrialStatus.class);
        if (status == null) {
            return set;
        }
        for (String s : status.split(",")) {
            String name = s.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                set.add(TrialStatus.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("status", "unknown trial status '" + s.strip() + "'; one of "
                        + Arrays.toString(TrialStatus.values()));
            }
        }
        return set;
    }
}
