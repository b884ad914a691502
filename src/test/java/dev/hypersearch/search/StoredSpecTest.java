package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.floatRange;
import static dev.hypersearch.search.SpecFixtures.intRange;
import static dev.hypersearch.search.SpecFixtures.obj;
import static dev.hypersearch.search.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored spec is read back typed: both the normalized form older versions stored and a submitted body. */
class StoredSpecTest {

    @Test
    void theNormalizedFormEarlierVersionsStoredReadsBackAsTheSubmittedSpec() {
        Map<String, Object> submitted = obj("name", "n", "dataset", "iris", "strategy", "coarse-to-fine", "seed", 7,
                "pruner", "asha", "coarseToFine", obj("trialsPerStage", 4),
                "space", obj("learningRate", floatRange(1e-4, 0.1, true, null), "epochs", 9,
                        "precision", "float64"));
        // stored while float64 was the default: its space names no precision, and it trains float64 (StoredSpaceTest)
        Map<String, Object> normalized = obj("name", "n", "dataset", "iris", "strategy", "coarse-to-fine",
                "maxTrials", 12, "seed", 7, "validationFraction", 0.2,
                "pruner", obj("asha", obj("minEpochs", 1, "eta", 3)),
                "coarseToFine", obj("stages", 3, "trialsPerStage", 4, "topFraction", 0.25), "sanityCheck", false,
                "space", obj("learningRate", floatRange(1e-4, 0.1, true, null), "epochs", 9));
        assertThat(SearchSpec.fromStored(normalized)).isEqualTo(SearchSpec.parse(submitted));
    }

    @Test
    void aCrossValidatedStoredSpecKeepsItsFolds() {
        Map<String, Object> stored = obj("name", "n", "dataset", "iris", "strategy", "random", "maxTrials", 3,
                "seed", 1, "validation", obj("folds", 3), "pruner", "none", "sanityCheck", false, "space", obj());
        SearchSpec spec = SearchSpec.fromStored(stored);
        assertThat(spec.validation()).isEqualTo(new Validation.KFold(3));
        assertThat(SearchSpec.parse(spec("random", 3, obj())).validation()).isEqualTo(new Validation.Holdout(0.2));
    }

    @Test
    void aStoredSearchIgnoresTodaysCapsButNotItsRules() {
        Map<String, Object> large = spec("random", 50_000, obj());
        assertThatThrownBy(() -> SearchSpec.parse(large)).isInstanceOf(SpecException.class);
        assertThat(SearchSpec.fromStored(large).maxTrials()).isEqualTo(50_000);

        Map<String, Object> broken = spec("random", null, obj());
        assertThatThrownBy(() -> SearchSpec.fromStored(broken)).isInstanceOf(SpecException.class);
    }

    @Test
    void rungEpochsAreAshasRungsBelowTheLargestEpochsOfTheSpace() {
        Map<String, Object> asha = spec("random", 5, obj("epochs", choice(9, 27)));
        asha.put("pruner", obj("asha", obj("minEpochs", 1, "eta", 3)));
        assertThat(SearchSpec.parse(asha).rungEpochs()).containsExactly(1, 3, 9);
        assertThat(SearchSpec.parse(asha).rungEpochs(9)).containsExactly(1, 3);

        Map<String, Object> ranged = spec("random", 5, obj("epochs", intRange(2, 10, 4)));
        ranged.put("pruner", obj("asha", obj("minEpochs", 2, "eta", 2)));
        assertThat(SearchSpec.parse(ranged).rungEpochs()).containsExactly(2, 4, 8);

        Map<String, Object> median = spec("random", 5, obj("epochs", 9));
        median.put("pruner", "median");
        assertThat(SearchSpec.parse(median).rungEpochs()).isEmpty();
        assertThat(SearchSpec.parse(spec("random", 5, obj())).rungEpochs()).isEmpty();
    }

    @Test
    void theSpaceSaysWhichParametersVaryAndOnWhatAxis() {
        Space space = Space.parse(obj(
                "learningRate", floatRange(1e-4, 0.1, true, null),
                "l2", floatRange(0, 0.01, false, null),
                "hiddenUnits", choice(16, 32, 64),
                "batchSize", choice(1, 1000),
                "activation", choice("relu", "tanh"),
                "batchNorm", choice(true, false),
                "hiddenLayers", intRange(1, 3, 1),
                "epochs", 30,
                "optimizer", choice("adam"),
                "eluAlpha", floatRange(0.5, 0.5, false, null)));
        List<SpaceParameter> all = SpaceParameter.of(space);
        assertThat(all).extracting(SpaceParameter::name).containsExactlyElementsOf(TestParams.requiredNames());
        Map<String, SpaceParameter> by = new java.util.HashMap<>();
        all.forEach(p -> by.put(p.name(), p));
        assertThat(by.get("learningRate")).isEqualTo(varying("learningRate", SpaceParameter.Axis.LOG, null));
        assertThat(by.get("l2")).isEqualTo(varying("l2", SpaceParameter.Axis.VALUE, null));
        assertThat(by.get("hiddenUnits")).isEqualTo(varying("hiddenUnits", SpaceParameter.Axis.VALUE, null));
        assertThat(by.get("batchSize")).isEqualTo(varying("batchSize", SpaceParameter.Axis.LOG, null));
        assertThat(by.get("activation"))
                .isEqualTo(varying("activation", SpaceParameter.Axis.CATEGORY, List.of("relu", "tanh")));
        assertThat(by.get("batchNorm"))
                .isEqualTo(varying("batchNorm", SpaceParameter.Axis.CATEGORY, List.of("true", "false")));
        assertThat(by.get("hiddenLayers")).isEqualTo(varying("hiddenLayers", SpaceParameter.Axis.VALUE, null));
        assertThat(by.get("epochs")).isEqualTo(fixed("epochs", SpaceParameter.Axis.VALUE, null, 30));
        assertThat(by.get("optimizer"))
                .isEqualTo(fixed("optimizer", SpaceParameter.Axis.CATEGORY, List.of("adam"), "adam"));
        assertThat(by.get("momentum")).isEqualTo(fixed("momentum", SpaceParameter.Axis.VALUE, null, 0.9));
        assertThat(by.get("init")).isEqualTo(fixed("init", SpaceParameter.Axis.CATEGORY, null, "he"));
        assertThat(by.get("eluAlpha")).isEqualTo(fixed("eluAlpha", SpaceParameter.Axis.VALUE, null, 0.5));
    }

    private static SpaceParameter varying(String name, SpaceParameter.Axis axis, List<String> categories) {
        return new SpaceParameter(name, true, axis, categories, null);
    }

    private static SpaceParameter fixed(String name, SpaceParameter.Axis axis, List<String> categories, Object value) {
        return new SpaceParameter(name, false, axis, categories, value);
    }

    /** Text rules apply to what is submitted; a search stored before them must go on parsing. */
    @Test
    void aNameRefusedTodayStillReadsBackFromStorage() {
        Map<String, Object> raw = obj("name", "tab\there", "dataset", "iris\u0000", "strategy", "grid", "seed", 1,
                "space", obj("epochs", 1));
        assertThatThrownBy(() -> SearchSpec.parse(raw)).isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).errors()).extracting(FieldError::field)
                        .containsExactly("name", "dataset"));
        assertThat(SearchSpec.fromStored(raw).name()).isEqualTo("tab\there");
    }
}
