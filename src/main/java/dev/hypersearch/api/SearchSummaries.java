package dev.hypersearch.api;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.SpecException;
import dev.hypersearch.search.StoredSpace;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchPipelines;
import dev.hypersearch.store.SearchRepository;
import dev.hypersearch.store.SearchStageEntity;
import dev.hypersearch.store.SearchStageRepository;
import dev.hypersearch.store.TrialCounters;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialRepository;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Builds search summaries with a fixed number of queries per page, whatever its size: the page, the
 * searches' trial counters (kept with every trial's status change, never a GROUP BY over trials), one lookup
 * of the best trials.
 */
@Component
public class SearchSummaries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final SearchRepository searches;
    private final TrialRepository trials;
    private final TrialCounters counts;
    private final SearchStageRepository stages;

    private final SearchPipelines pipelines;

    public SearchSummaries(SearchRepository searches, TrialRepository trials, TrialCounters counts,
                           SearchStageRepository stages, SearchPipelines pipelines) {
        this.pipelines = pipelines;
        this.searches = searches;
        this.trials = trials;
        this.counts = counts;
        this.stages = stages;
    }

    public PageResponse<SearchSummary> page(int page, int size) {
        Page<SearchEntity> found = searches.findAll(PageRequest.of(page, size, NEWEST_FIRST));
        return PageResponse.of(found, summarize(found.getContent()));
    }

    public SearchEntity find(long id) {
        return searches.findById(id).orElseThrow(() -> new NotFoundException("search", id));
    }

    public SearchSummary summary(SearchEntity search) {
        return summarize(List.of(search)).get(0);
    }

    public SearchDetail detail(long id) {
        SearchEntity search = find(id);
        List<SearchDetail.StageInfo> stageInfos = stages.findBySearchIdOrderByStage(id).stream()
                .map(SearchSummaries::stageInfo).toList();
        SearchSpec spec = search.searchSpec();
        return new SearchDetail(summary(search), StoredSpace.specAsStored(search.getStoredSpec()),
                SearchDetail.ParameterUse.of(spec.space()), spec.rungEpochs(), stageInfos,
                search.getSanityCheck(), pipelines.width(id).orElse(null));
    }

    /** The stage's space in canonical parameter order (PostgreSQL's JSONB does not keep key order). */
    private static SearchDetail.StageInfo stageInfo(SearchStageEntity s) {
        Map<String, Object> space;
        try {
            space = Space.parseStored(s.getSpace()).toRaw();
        } catch (SpecException e) {
            space = s.getSpace();
        }
        return new SearchDetail.StageInfo(s.getStage(), s.getFirstTrial(), s.getTrialCount(), space);
    }

    List<SearchSummary> summarize(List<SearchEntity> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page.stream().map(SearchEntity::getId).toList();
        Map<Long, Map<TrialStatus, Long>> byStatus = counts.of(ids);
        List<Long> bestIds = page.stream().map(SearchEntity::getBestTrialId).filter(Objects::nonNull).toList();
        Map<Long, TrialEntity> best = bestIds.isEmpty() ? Map.of()
                : trials.findAllById(bestIds).stream().collect(Collectors.toMap(TrialEntity::getId, Function.identity()));
        return page.stream().map(s -> new SearchSummary(s.getId(), s.getName(), s.getDataset(), s.getStrategy(),
                s.getStatus(), s.getCreatedAt(), s.getFinishedAt(), s.getMessage(),
                Progress.of(byStatus.get(s.getId()), s.getTrialCount()),
                s.getBestTrialId() == null ? null : BestTrial.of(best.get(s.getBestTrialId())), s.getOwner())).toList();
    }
}
