package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.intRange;
import static dev.hypersearch.search.SpecFixtures.obj;
import static dev.hypersearch.search.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewTest {

    /** The total the preview must match, by brute force over every trial. */
    private static long bruteForceEpochs(SearchSpec spec) {
        Strategy s = Strategies.create(spec);
        long sum = 0;
        for (long k = 0; k < s.trialCount(); k++) {
            sum += s.paramsFor(k).epochs();
        }
        return sum;
    }

    @Test
    void fixedEpochsCostCountTimesEpochs() {
        SearchSpec spec = SearchSpec.parse(spec("random", 50, obj("epochs", 30, "hiddenUnits", choice(32, 64))));
        Preview p = Preview.of(spec, 5);
        assertThat(p.trialCount()).isEqualTo(50);
        assertThat(p.totalEpochs()).isEqualTo(50L * 30);
        assertThat(p.firstTrials()).hasSize(5);
        Strategy s = Strategies.create(spec);
        for (int k = 0; k < 5; k++) {
            assertThat(p.firstTrials().get(k)).isEqualTo(s.paramsFor(k));
        }
    }

    @Test
    void defaultEpochsApplyWhenNotGiven() {
        SearchSpec spec = SearchSpec.parse(spec("grid", null, obj("hiddenUnits", choice(32, 64, 128))));
        Preview p = Preview.of(spec, 10);
        int defaultEpochs = (Integer) MlpParameters.find("epochs").orElseThrow().defaultValue();
        assertThat(p.trialCount()).isEqualTo(3);
        assertThat(p.firstTrials()).hasSize(3); // capped at the trial count
        assertThat(p.totalEpochs()).isEqualTo(3L * defaultEpochs);
    }

    @Test
    void fullGridOverEpochsSumsEachValueOncePerOtherCombination() {
        SearchSpec spec = SearchSpec.parse(spec("grid", null,
                obj("epochs", choice(10, 20, 40), "hiddenUnits", choice(32, 64), "batchNorm", choice(true, false))));
        Preview p = Preview.of(spec, 0);
        assertThat(p.trialCount()).isEqualTo(12);
        assertThat(p.firstTrials()).isEmpty();
        assertThat(p.totalEpochs()).isEqualTo(4L * (10 + 20 + 40)).isEqualTo(bruteForceEpochs(spec));
    }

    @Test
    void budgetedGridAndRandomOverEpochsMatchTheirTrials() {
        Map<String, Object> space = obj("epochs", intRange(5, 50, 5), "hiddenUnits", choice(32, 64, 128));
        SearchSpec grid = SearchSpec.parse(spec("grid", 7, space));
        SearchSpec random = SearchSpec.parse(spec("random", 200, space));
        assertThat(Preview.of(grid, 3).trialCount()).isEqualTo(7);
        assertThat(Preview.of(grid, 3).totalEpochs()).isEqualTo(bruteForceEpochs(grid));
        assertThat(Preview.of(random, 3).totalEpochs()).isEqualTo(bruteForceEpochs(random)).isBetween(200L * 5, 200L * 50);
    }

    @Test
    void tpeShowsItsStartupTrialsAndCountsTheTrialsDecidedAtClaimAtTheLargestEpochs() {
        Map<String, Object> raw = spec("tpe", 30, obj("epochs", intRange(5, 50, 5)));
        raw.put("tpe", obj("startupTrials", 4));
        SearchSpec tpe = SearchSpec.parse(raw);
        Preview p = Preview.of(tpe, 10);
        assertThat(p.trialCount()).isEqualTo(30);
        assertThat(p.firstTrials()).hasSize(4)
                .isEqualTo(List.of(0, 1, 2, 3).stream().map(k -> new RandomStrategy(tpe.space(), 30, tpe.seed())
                        .paramsFor(k)).toList());
        long startup = p.firstTrials().stream().mapToLong(TrialParams::epochs).sum();
        assertThat(p.totalEpochs()).isEqualTo(startup + 26 * 50);
    }
}
