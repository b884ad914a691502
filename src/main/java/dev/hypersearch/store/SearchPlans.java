package dev.hypersearch.store;

import dev.hypersearch.search.CoarseToFine;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each search's strategy, built once per process from its stored spec (and, for a coarse-to-fine stage after
 * the first, from the stage's stored space): what a claim needs to create trial k with its parameters, a pure
 * function of (spec, k). Strategies are immutable, so every worker thread shares them. A search's spec and its
 * stages' spaces never change once written, so entries are never stale, only evicted.
 */
@Component
class SearchPlans {

    private static final int CAPACITY = 64;

    /** Trial k's parameters (null: decided under the lease, TPE) and its coarse-to-fine stage (null if none). */
    record Planned(TrialParams params, Integer stage) {
    }

    private final SearchRepository searches;
    private final SearchStageRepository stages;
    private final Map<Long, Plan> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Plan> eldest) {
            return size() > CAPACITY;
        }
    };

    SearchPlans(SearchRepository searches, SearchStageRepository stages) {
        this.searches = searches;
        this.stages = stages;
    }

    /** Reads and builds the search's plan now, if not cached: before the claim takes the search row's lock. */
    void warm(long searchId) {
        plan(searchId);
    }

    Planned trial(long searchId, int number) {
        Plan plan = plan(searchId);
        CoarseToFine staged = plan.spec.coarseToFine();
        if (staged == null) {
            return new Planned(plan.strategy(1).paramsFor(number), null);
        }
        int stage = staged.stageOf(number);
        return new Planned(plan.strategy(stage).paramsFor(number - staged.firstTrial(stage)), stage);
    }

    private Plan plan(long searchId) {
        synchronized (cache) {
            Plan hit = cache.get(searchId);
            if (hit != null) {
                return hit;
            }
        }
        Plan plan = new Plan(searchId, searches.findById(searchId).orElseThrow().searchSpec());
        synchronized (cache) {
            cache.putIfAbsent(searchId, plan);
            return cache.get(searchId);
        }
    }

    /** One search's strategies: the spec's, or one per coarse-to-fine stage as it is first needed. */
    private final class Plan {
        private final long searchId;
        private final SearchSpec spec;
        private final Map<Integer, Strategy> byStage = new ConcurrentHashMap<>();

        Plan(long searchId, SearchSpec spec) {
            this.searchId = searchId;
            this.spec = spec;
            byStage.put(1, Strategies.create(spec)); // stage 1 of a coarse-to-fine search samples the spec's space
        }

        Strategy strategy(int stage) {
            return byStage.computeIfAbsent(stage, s -> spec.coarseToFine().stage(s, Space.parseStored(
                    stages.findById(new SearchStageEntity.Key(searchId, s)).orElseThrow().getSpace()), spec.seed()));
        }
    }
}
