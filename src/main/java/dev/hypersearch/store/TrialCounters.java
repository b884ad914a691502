package dev.hypersearch.store;

import dev.hypersearch.search.TrialStatus;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many trials of each search are in each status ({@code search_trial_count}), changed in the transaction
 * that changes the trials, so summaries and the searches list read a handful of rows instead of grouping a
 * search's trials on every request. Every writer changes its trial rows first and these counters last, in
 * status order (one {@link Delta} per transaction step): two transactions never hold counters and wait for each
 * other's trial rows, nor take two counters in opposite orders.
 */
@Component
public class TrialCounters {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    TrialCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Changes of one transaction, applied together in status order. */
    public static final class Delta {
        private final Map<TrialStatus, Long> by = new EnumMap<>(TrialStatus.class);

        public Delta add(TrialStatus status, long n) {
            if (n != 0) {
                by.merge(status, n, Long::sum);
            }
            return this;
        }

        /** {@code n} trials moved from one status to another. */
        public Delta move(TrialStatus from, TrialStatus to, long n) {
            return add(from, -n).add(to, n);
        }

        boolean isEmpty() {
            return by.values().stream().allMatch(v -> v == 0);
        }
    }

    /** The search's counter rows, all zero; in the transaction that creates the search (or its first trials). */
    @Transactional(propagation = Propagation.MANDATORY)
    void create(long searchId) {
        Integer have = jdbc.queryForObject("SELECT COUNT(*) FROM search_trial_count WHERE search_id = ?",
                Integer.class, searchId);
        if (have != null && have > 0) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO search_trial_count (search_id, status, n) VALUES (?, ?, 0)",
                java.util.Arrays.stream(TrialStatus.values()).map(s -> new Object[] {searchId, s.name()}).toList());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(long searchId, Delta d) {
        for (Map.Entry<TrialStatus, Long> e : d.by.entrySet()) { // EnumMap: status order
            if (e.getValue() != 0) {
                jdbc.update("UPDATE search_trial_count SET n = n + ? WHERE search_id = ? AND status = ?",
                        e.getValue(), searchId, e.getKey().name());
            }
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(long searchId, TrialStatus status, long n) {
        apply(searchId, new Delta().add(status, n));
    }

    /** Several searches' changes (a reaper's sweep), searches in id order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(Map<Long, Delta> bySearch) {
        bySearch.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> apply(e.getKey(), e.getValue()));
    }

    /** Every status's count (zeros included) for each of the given searches. */
    public Map<Long, Map<TrialStatus, Long>> of(Collection<Long> searchIds) {
        Map<Long, Map<TrialStatus, Long>> out = new HashMap<>();
        for (long id : searchIds) {
            out.put(id, zeros());
        }
        if (searchIds.isEmpty()) {
            return out;
        }
        named.query("SELECT search_id, status, n FROM search_trial_count WHERE search_id IN (:ids)",
                Map.of("ids", searchIds), rs -> {
                    out.get(rs.getLong(1)).put(TrialStatus.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return out;
    }

    public Map<TrialStatus, Long> of(long searchId) {
        return of(List.of(searchId)).get(searchId);
    }

    /**
     * The search's status and its counts in one read (a primary-key lookup and its seven counter rows): what a
     * shared answer is kept with. Empty when there is no such search.
     */
    public Optional<SearchCounts> withStatus(long searchId) {
        Map<TrialStatus, Long> counts = zeros();
        SearchStatus[] status = {null};
        jdbc.query("SELECT s.status, c.status, c.n FROM search s LEFT JOIN search_trial_count c ON c.search_id = s.id"
                + " WHERE s.id = ?", rs -> {
                    status[0] = SearchStatus.valueOf(rs.getString(1));
                    if (rs.getString(2) != null) {
                        counts.put(TrialStatus.valueOf(rs.getString(2)), rs.getLong(3));
                    }
                }, searchId);
        return status[0] == null ? Optional.empty() : Optional.of(new SearchCounts(status[0], counts));
    }

    /** A search's status and how many of its trials are in each status (zeros included). */
    public record SearchCounts(SearchStatus status, Map<TrialStatus, Long> counts) {
    }

    /** How many trials of the search are in one of the statuses (all of them when empty). */
    public long count(long searchId, Collection<TrialStatus> statuses) {
        Map<TrialStatus, Long> by = of(searchId);
        return by.entrySet().stream().filter(e -> statuses.isEmpty() || statuses.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Map<TrialStatus, Long> zeros() {
        Map<TrialStatus, Long> m = new EnumMap<>(TrialStatus.class);
        for (TrialStatus s : TrialStatus.values()) {
            m.put(s, 0L);
        }
        return m;
    }
}
