package dev.hypersearch.api;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.SpaceParameter;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialEpochEntity;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Chart aggregates of one search, each bounded whatever the search's size: the best-so-far history
 * (streamed from the database in trial order, only improvements kept), a sample of completed trials'
 * parameters and losses for scatter plots and parallel coordinates, and the top-k learning curves.
 */
@RestController
public class TrialChartsController {

    /** Most points of the history and of the sample. */
    static final int MAX_POINTS = 2000;
    /** How many of the best trials a sample always holds. */
    static final int SAMPLE_BEST = 200;
    static final int MAX_TOP_K = 20;
    static final int MAX_EXTRA_TRIALS = 10;
    /** Most epochs drawn per curve; longer curves are thinned evenly (first and last kept). */
    static final int MAX_CURVE_POINTS = 1000;

    private static final String COMPLETED_WITH_LOSS = "t.searchId = :id and t.status = :completed and t.valLoss is not null";
    private static final String SAMPLE = "SELECT id, number, val_loss, val_accuracy, params FROM trial"
            + " WHERE search_id = ? AND status = 'COMPLETED' AND val_loss IS NOT NULL";

    private final SearchSummaries searches;
    private final JdbcTemplate jdbc;
    private final EntityManager em;
    private final ObjectMapper json;

    public TrialChartsController(SearchSummaries searches, JdbcTemplate jdbc, EntityManager em, ObjectMapper json) {
        this.searches = searches;
        this.jdbc = jdbc;
        this.em = em;
        this.json = json;
    }

    @Operation(summary = "Chart aggregates: best-so-far val loss by trial number, a sample of completed trials'"
            + " parameters and losses (at most 2000 of each), and the top-k trials' learning curves",
            description = "topK: 0..20 best completed trials whose curves are returned (default 5);"
                    + " trials: up to 10 more trial ids of this search whose curves are wanted")
    @GetMapping("/api/searches/{id}/charts")
    @Transactional(readOnly = true)
    public TrialCharts charts(@PathVariable long id, @RequestParam(defaultValue = "5") int topK,
                              @RequestParam(required = false) String trials) {
        if (topK < 0 || topK > MAX_TOP_K) {
            throw new BadParameterException("topK", "must be in [0, " + MAX_TOP_K + "], was " + topK);
        }
        List<Long> extra = trialIds(trials);
        SearchEntity search = searches.find(id);

        History history = history(id);
        List<TrialCharts.SamplePoint> sample = sample(id, history.count, varying(search.searchSpec()));
        List<TrialCharts.Curve> curves = curves(id, topK, extra);
        return new TrialCharts(history.count, history.points(), sample, sample.size() < history.count, curves);
    }

    private static List<Long> trialIds(String trials) {
        if (trials == null || trials.isBlank()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String s : trials.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                throw new BadParameterException("trials", "must be comma-separated trial ids, found '" + s.strip() + "'");
            }
        }
        if (ids.size() > MAX_EXTRA_TRIALS) {
            throw new BadParameterException("trials", "at most " + MAX_EXTRA_TRIALS + " trial ids, was " + ids.size());
        }
        return ids;
    }

    /** The running minimum, computed while the (number, loss) rows stream by in trial order. */
    private History history(long searchId) {
        History h = new History();
        jdbc.query("SELECT number, val_loss FROM trial WHERE search_id = ? AND status = 'COMPLETED'"
                + " AND val_loss IS NOT NULL ORDER BY number", (RowCallbackHandler) rs -> h.add(rs.getInt(1), rs.getDouble(2)),
                searchId);
        return h;
    }

    private static final class History {
        final List<TrialCharts.BestPoint> improvements = new ArrayList<>();
        long count;
        int last = -1;
        double best = Double.POSITIVE_INFINITY;

        void add(int number, double loss) {
            if (!Double.isFinite(loss)) {
                return;
            }
            count++;
            last = number;
            if (loss < best) {
                best = loss;
                improvements.add(new TrialCharts.BestPoint(number, loss));
            }
        }

        List<TrialCharts.BestPoint> points() {
            List<TrialCharts.BestPoint> out = thin(improvements, MAX_POINTS - 1);
            if (!out.isEmpty() && last > out.get(out.size() - 1).number()) {
                out.add(new TrialCharts.BestPoint(last, best));
            }
            return out;
        }
    }

    /**
     * All completed trials up to the cap; beyond it the best ones plus an even spread by trial number. Read
     * as plain rows (no entities), with only the parameters the spec varies: the rest are the same everywhere.
     */
    private List<TrialCharts.SamplePoint> sample(long searchId, long count, Set<String> varying) {
        RowMapper<TrialCharts.SamplePoint> row = (rs, i) -> new TrialCharts.SamplePoint(rs.getLong(1), rs.getInt(2),
                rs.getDouble(3), (Double) rs.getObject(4, Double.class), params(rs.getString(5), varying));
        if (count <= MAX_POINTS) {
            return finite(jdbc.query(SAMPLE + " ORDER BY number", row, searchId));
        }
        Map<Long, TrialCharts.SamplePoint> byId = new LinkedHashMap<>();
        jdbc.query(SAMPLE + " ORDER BY val_loss, number FETCH FIRST " + SAMPLE_BEST + " ROWS ONLY", row, searchId)
                .forEach(p -> byId.put(p.id(), p));
        int spread = MAX_POINTS - SAMPLE_BEST;
        long stride = Math.max(1, (count + spread - 1) / spread);
        jdbc.query(SAMPLE + " AND MOD(number, " + stride + ") = 0 ORDER BY number FETCH FIRST " + spread + " ROWS ONLY",
                row, searchId).forEach(p -> byId.putIfAbsent(p.id(), p));
        List<TrialCharts.SamplePoint> rows = new ArrayList<>(byId.values());
        rows.sort(Comparator.comparingInt(TrialCharts.SamplePoint::number));
        return finite(rows);
    }

    private static List<TrialCharts.SamplePoint> finite(List<TrialCharts.SamplePoint> rows) {
        return rows.stream().filter(p -> Double.isFinite(p.valLoss())).toList();
    }

    private Map<String, Object> params(String text, Set<String> varying) {
        if (text == null || varying.isEmpty()) {
            return Map.of();
        }
        JsonNode node = json.readTree(text);
        if (node.isString()) { // a JSON column read back as a quoted document
            node = json.readTree(node.asString());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : varying) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull()) {
                out.put(name, v.isNumber() ? v.numberValue() : v.isBoolean() ? v.asBoolean() : v.asString());
            }
        }
        return out;
    }

    /** The parameters the search's space varies (as the search's detail lists them), in canonical order. */
    static Set<String> varying(SearchSpec spec) {
        Set<String> names = new LinkedHashSet<>();
        for (SpaceParameter p : SpaceParameter.of(spec.space())) {
            if (p.varying()) {
                names.add(p.name());
            }
        }
        return names;
    }

    private jakarta.persistence.TypedQuery<TrialEntity> completed(String order) {
        return em.createQuery("select t from TrialEntity t where " + COMPLETED_WITH_LOSS + " " + order, TrialEntity.class)
                .setParameter("completed", TrialStatus.COMPLETED);
    }

    private List<TrialCharts.Curve> curves(long searchId, int topK, List<Long> extra) {
        Set<TrialEntity> wanted = new LinkedHashSet<>();
        if (topK > 0) {
            wanted.addAll(completed("order by t.valLoss, t.number").setParameter("id", searchId).setMaxResults(topK)
                    .getResultList());
        }
        if (!extra.isEmpty()) {
            List<TrialEntity> found = em.createQuery("select t from TrialEntity t where t.searchId = :id and t.id in :ids",
                    TrialEntity.class).setParameter("id", searchId).setParameter("ids", extra).getResultList();
            Set<Long> have = new LinkedHashSet<>(wanted.stream().map(TrialEntity::getId).toList());
            found.stream().filter(t -> have.add(t.getId())).forEach(wanted::add);
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TrialDetail.CurvePoint>> points = epochs(wanted.stream().map(TrialEntity::getId).toList());
        return wanted.stream().map(t -> new TrialCharts.Curve(t.getId(), t.getNumber(), t.getValLoss(),
                thin(points.getOrDefault(t.getId(), List.of()), MAX_CURVE_POINTS))).toList();
    }

    private Map<Long, List<TrialDetail.CurvePoint>> epochs(Collection<Long> trialIds) {
        Map<Long, List<TrialDetail.CurvePoint>> out = new LinkedHashMap<>();
        em.createQuery("select e from TrialEpochEntity e where e.trialId in :ids order by e.trialId, e.epoch",
                        TrialEpochEntity.class).setParameter("ids", trialIds).getResultList()
                .forEach(e -> out.computeIfAbsent(e.getTrialId(), k -> new ArrayList<>()).add(TrialDetail.CurvePoint.of(e)));
        return out;
    }

    /** At most max items, evenly spaced by index, the first and last always kept. */
    static <T> List<T> thin(List<T> items, int max) {
        if (items.size() <= max) {
            return new ArrayList<>(items);
        }
        List<T> out = new ArrayList<>(max);
        double stride = (items.size() - 1) / (double) (max - 1);
        for (int i = 0; i < max; i++) {
            out.add(items.get((int) Math.round(i * stride)));
        }
        return out;
    }

}
