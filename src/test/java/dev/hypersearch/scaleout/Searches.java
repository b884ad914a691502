package dev.hypersearch.scaleout;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.store.SearchEntities;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits searches straight into the database, as an api process would (the search row and all its trials
 * QUEUED in one transaction), with trial parameters from the real spec parser and strategy.
 */
public final class Searches {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Searches() {
    }

    /** Trials that cost next to nothing to train: iris, 1 epoch, one hidden layer of 2 units. */
    public static Map<String, Object> trivial(String name, int trials) {
        return spec(name, "iris", trials, 1, 2, 128);
    }

    /** A random search of {@code trials} trials on {@code dataset}, each {@code epochs} epochs of one hidden layer. */
    public static Map<String, Object> spec(String name, String dataset, int trials, int epochs, int units,
                                           int batchSize) {
        Map<String, Object> space = new LinkedHashMap<>();
        space.put("learningRate", Map.of("floatRange", Map.of("min", 1e-3, "max", 1e-1, "log", true)));
        space.put("hiddenLayers", 1);
        space.put("hiddenUnits", units);
        space.put("epochs", epochs);
        space.put("batchSize", batchSize);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("name", name);
        raw.put("dataset", dataset);
        raw.put("strategy", "random");
        raw.put("maxTrials", trials);
        raw.put("seed", 11);
        raw.put("validationFraction", 0.2);
        raw.put("space", space);
        return raw;
    }

    public static long submit(Pg pg, Map<String, Object> raw) {
        return submit(pg, raw, (number, params) -> params);
    }

    /** @param adjust may change one trial's parameters (by trial number), e.g. to make it run for ever */
    public static long submit(Pg pg, Map<String, Object> raw,
                              BiFunction<Integer, Map<String, Object>, Map<String, Object>> adjust) {
        SearchSpec spec = SearchSpec.parse(raw);
        Strategy strategy = Strategies.create(spec);
        List<String> params = new ArrayList<>();
        for (long k = 0; k < strategy.trialCount(); k++) {
            Map<String, Object> p = new LinkedHashMap<>(strategy.paramsFor(k).values());
            params.add(JSON.writeValueAsString(adjust.apply((int) k, p)));
        }
        return pg.with(c -> {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO search (name, dataset, strategy, status,"
                    + " spec, seed, trial_count, created_at) VALUES (?, ?, ?, 'RUNNING', CAST(? AS JSONB), ?, ?,"
                    + " CURRENT_TIMESTAMP) RETURNING id")) {
                ps.setString(1, spec.name());
                ps.setString(2, spec.dataset());
                ps.setString(3, spec.strategy().wireName());
                // the spec as submitted, its precision named as submissions store it, read back by workers
                ps.setString(4, JSON.writeValueAsString(SearchEntities.stored(raw)));
                ps.setLong(5, spec.seed());
                ps.setInt(6, params.size());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial (id, search_id, number, params, status,"
                    + " queued_at) VALUES (nextval('trial_seq'), ?, ?, CAST(? AS JSONB), 'QUEUED', CURRENT_TIMESTAMP)")) {
                for (int n = 0; n < params.size(); n++) {
                    ps.setLong(1, id);
                    ps.setInt(2, n);
                    ps.setString(3, params.get(n));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // the search's trial counters, as SearchLifecycle keeps them
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_trial_count (search_id, status, n)"
                    + " VALUES (?, ?, ?)")) {
                for (dev.hypersearch.search.TrialStatus s : dev.hypersearch.search.TrialStatus.values()) {
                    ps.setLong(1, id);
                    ps.setString(2, s.name());
                    ps.setLong(3, s == dev.hypersearch.search.TrialStatus.QUEUED ? params.size() : 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return id;
        });
    }
}
