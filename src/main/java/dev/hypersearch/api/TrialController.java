package dev.hypersearch.api;

import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchPipelines;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialEpochRepository;
import dev.hypersearch.store.TrialFoldEpochRepository;
import dev.hypersearch.store.TrialRepository;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.hypersearch.store.TrialCounters;
import dev.hypersearch.store.LeaderboardPages;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** The leaderboard of a search and single trials with their learning curves. */
@RestController
public class TrialController {

    private final SearchSummaries searches;
    private final TrialRepository trials;
    private final TrialEpochRepository epochs;
    private final TrialFoldEpochRepository foldEpochs;
    private final TrialCounters counters;
    private final SearchPipelines pipelines;
    private final LeaderboardPages pages;
    private final SharedReads shared;
    private final ObjectMapper json;

    public TrialController(SearchSummaries searches, TrialRepository trials, TrialEpochRepository epochs,
                           TrialFoldEpochRepository foldEpochs, TrialCounters counters, SearchPipelines pipelines,
                           LeaderboardPages pages, SharedReads shared, ObjectMapper json) {
        this.shared = shared;
        this.json = json;
        this.counters = counters;
        this.pages = pages;
        this.searches = searches;
        this.trials = trials;
        this.epochs = epochs;
        this.foldEpochs = foldEpochs;
        this.pipelines = pipelines;
    }

    @Operation(summary = "A search's trials, sorted, filtered and paginated by the database",
            description = "sort: number, status, valLoss, bestValLoss, valAccuracy, valRmse, valMae, valR2, valF1,"
                    + " trainLoss, epochsRun, durationMs,"
                    + " startedAt, finishedAt, stage (nulls last in both directions, ties by number);"
                    + " status: comma-separated trial statuses; after: the number of the previous page's last trial,"
                    + " so the page is read from just after it in this order (keyset: a deep page costs what the"
                    + " first does) instead of skipping page x size rows; page then only labels the response")
    @GetMapping("/api/searches/{id}/trials")
    public JsonBody<PageResponse<TrialRow>> leaderboard(@PathVariable long id,
                                                        @RequestParam(defaultValue = "valLoss") String sort,
                                                        @RequestParam(defaultValue = "asc") String dir,
                                                        @RequestParam(required = false) String status,
                                                        @RequestParam(defaultValue = "0") int page,
                                                        @RequestParam(defaultValue = "50") int size,
                                                        @RequestParam(required = false) Integer after) {
        LeaderboardQuery q = LeaderboardQuery.parse(sort, dir, status, page, size);
        // shared by every viewer of the same page, serialized once (404 from the search's version read, no entity
        // loaded)
        return shared.live(new SharedReads.Key(id, "board", new BoardKey(sort, dir.toLowerCase(Locale.ROOT),
                q.statuses(), page, size, after)), () -> JsonBody.of(json, page(id, q, page, size, after)));
    }

    /** What makes one leaderboard page another: its query, the keyset cursor included. */
    private record BoardKey(String sort, String dir, Set<TrialStatus> statuses, int page, int size, Integer after) {
    }

    private PageResponse<TrialRow> page(long id, LeaderboardQuery q, int page, int size, Integer after) {
        Sort.Order order = q.pageable().getSort().stream().filter(o -> !o.getProperty().equals("searchId"))
                .findFirst().orElseThrow();
        Optional<List<Long>> keyset = after == null ? Optional.empty()
                : pages.idsAfter(id, order.getProperty(), order.isDescending(), q.statuses(), after,
                q.pageable().getPageSize());
        List<Long> ids = keyset.orElseGet(() -> pages.ids(id, order.getProperty(), order.isDescending(), q.statuses(),
                q.pageable().getOffset(), q.pageable().getPageSize()));
        Map<Long, TrialEntity> byId = trials.findAllById(ids).stream()
                .collect(Collectors.toMap(TrialEntity::getId, Function.identity()));
        long total = counters.count(id, q.statuses());
        return PageResponse.of(ids.stream().map(byId::get).filter(Objects::nonNull).map(TrialRow::of).toList(),
                page, size, total);
    }

    @Operation(summary = "A trial with its learning curve (per fold when cross-validated), pruning rungs and the"
            + " search's preprocessing (which columns became which inputs)")
    @GetMapping("/api/trials/{id}")
    public TrialDetail trial(@PathVariable long id) {
        TrialEntity t = trials.findById(id).orElseThrow(() -> new NotFoundException("trial", id));
        return TrialDetail.of(t, epochs.findByTrialIdOrderByEpoch(id), foldEpochs.findByTrialIdOrderByFoldAscEpochAsc(id),
                rungEpochs(searches.find(t.getSearchId()), t), preprocessing(t.getSearchId()));
    }

    private List<Preprocessing> preprocessing(long searchId) {
        List<FittedPipeline> folds = pipelines.find(searchId);
        List<Preprocessing> out = new ArrayList<>(folds.size());
        for (int f = 0; f < folds.size(); f++) {
            out.add(Preprocessing.of(f, folds.get(f)));
        }
        return out;
    }

    /** The epochs at which the search's pruner may stop this trial (ASHA's rungs below its epoch budget). */
    static List<Integer> rungEpochs(SearchEntity search, TrialEntity t) {
        // A TPE trial not claimed yet has no parameters: its budget is at most the space's largest.
        return t.getParams() == null ? search.searchSpec().rungEpochs()
                : search.searchSpec().rungEpochs(t.getParams().epochs());
    }
}
