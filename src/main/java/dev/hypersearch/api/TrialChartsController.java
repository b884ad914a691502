package dev.hypersearch.api;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.SpaceParameter;
import dev.hypersearch.store.ChartRepository;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialEpochEntity;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private final SearchSummaries searches;
    private final ChartRepository rows;
    private final ObjectMapper json;
    private final SharedReads cache;

    public TrialChartsController(SearchSummaries searches, ChartRepository rows, ObjectMapper json,
                                 SharedReads cache) {
        this.searches = searches;
        this.rows = rows;
        this.json = json;
        this.cache = cache;
    }

    @Operation(summary = "Chart aggregates: best-so-far val loss by trial number, a sample of completed trials'"
            + " parameters and losses (at most 2000 of each), and the top-k trials' learning curves",
            description = "topK: 0..20 best completed trials whose curves are returned (default 5);"
                    + " trials: up to 10 more trial ids of this search whose curves are wanted")
    @GetMapping("/api/searches/{id}/charts")
    @Transactional(readOnly = true)
    public JsonBody<TrialCharts> charts(@PathVariable long id, @RequestParam(defaultValue = "5") int topK,
                                        @RequestParam(required = false) String trials) {
        if (topK < 0 || topK > MAX_TOP_K) {
            throw new BadParameterException("topK", "must be in [0, " + MAX_TOP_K + "], was " + topK);
        }
        List<Long> extra = trialIds(trials);
        if (extra.isEmpty()) { // shared by every viewer (404 from the search's version read); a selected trial's
            // curve moves with each of its epochs
            // serialized once per refresh: the page's charts are some 400 KB of JSON
            return cache.get(new SharedReads.Key(id, "charts", topK),
                    () -> JsonBody.of(json, compute(searches.find(id), topK, extra)));
        }
        return JsonBody.of(json, compute(searches.find(id), topK, extra));
    }

    private TrialCharts compute(SearchEntity search, int topK, List<Long> extra) {
        long id = search.getId();
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
        rows.completedLossesInOrder(searchId, h::add);
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
        if (count <= MAX_POINTS) {
            return points(rows.completed(searchId), varying);
        }
        Map<Long, ChartRepository.SampleRow> byId = new LinkedHashMap<>();
        rows.best(searchId, SAMPLE_BEST).forEach(r -> byId.put(r.id(), r));
        int spread = MAX_POINTS - SAMPLE_BEST;
        long stride = Math.max(1, (count + spread - 1) / spread);
        rows.everyNth(searchId, stride, spread).forEach(r -> byId.putIfAbsent(r.id(), r));
        List<ChartRepository.SampleRow> sample = new ArrayList<>(byId.values());
        sample.sort(Comparator.comparingInt(ChartRepository.SampleRow::number));
        return points(sample, varying);
    }

    /** The rows with finite losses as sample points, with the varying parameters only. */
    private List<TrialCharts.SamplePoint> points(List<ChartRepository.SampleRow> sample, Set<String> varying) {
        return sample.stream().filter(r -> Double.isFinite(r.valLoss()))
                .map(r -> new TrialCharts.SamplePoint(r.id(), r.number(), r.valLoss(), r.valAccuracy(),
                        params(r.params(), varying)))
                .toList();
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

    private List<TrialCharts.Curve> curves(long searchId, int topK, List<Long> extra) {
        Set<TrialEntity> wanted = new LinkedHashSet<>();
        if (topK > 0) {
            wanted.addAll(rows.bestTrials(searchId, topK));
        }
        if (!extra.isEmpty()) {
            List<TrialEntity> found = rows.trials(searchId, extra);
            Set<Long> have = new LinkedHashSet<>(wanted.stream().map(TrialEntity::getId).toList());
            found.stream().filter(t -> have.add(t.getId())).forEach(wanted::add);
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TrialEpochEntity>> epochs = rows.epochs(wanted.stream().map(TrialEntity::getId).toList());
        return wanted.stream().map(t -> new TrialCharts.Curve(t.getId(), t.getNumber(), t.getValLoss(),
                thin(epochs.getOrDefault(t.getId(), List.of()).stream().map(TrialDetail.CurvePoint::of).toList(),
                        MAX_CURVE_POINTS))).toList();
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
