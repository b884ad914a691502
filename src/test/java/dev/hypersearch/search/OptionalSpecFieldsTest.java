package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.floatRange;
import static dev.hypersearch.search.SpecFixtures.intRange;
import static dev.hypersearch.search.SpecFixtures.obj;
import static dev.hypersearch.search.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hypersearch.search.pruning.AshaPruner;
import dev.hypersearch.search.pruning.MedianPruner;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The spec's optional fields: pruner, coarse-to-fine, k-fold validation, sanity check. */
class OptionalSpecFieldsTest {

    private static Map<String, Object> random() {
        return spec("random", 10, obj("learningRate", floatRange(1e-4, 1e-1, true, null), "hiddenUnits", choice(32, 64)));
    }

    private static Map<String, Object> coarseToFine() {
        Map<String, Object> m = spec("coarse-to-fine", null, obj("learningRate", floatRange(1e-4, 1e-1, true, null)));
        m.put("coarseToFine", obj("stages", 3, "trialsPerStage", 10, "topFraction", 0.2));
        return m;
    }

    @Test
    void aSpecWithoutTheNewFieldsKeepsItsMeaning() {
        SearchSpec s = SearchSpec.parse(random());
        assertThat(s.pruner()).isEqualTo(PrunerSpec.NONE);
        assertThat(s.coarseToFine()).isNull();
        assertThat(s.folds()).isNull();
        assertThat(s.crossValidated()).isFalse();
        assertThat(s.sanityCheck()).isFalse();
        assertThat(s.validationFraction()).isEqualTo(0.2);
        SearchSpec legacy = new SearchSpec(s.name(), s.dataset(), s.strategy(), s.maxTrials(), s.seed(),
                s.validationFraction(), s.maxFailedTrials(), s.space(), PrunerSpec.NONE, null, null, false, null);
        assertThat(legacy).isEqualTo(s);
    }

    @Test
    void readsEveryNewField() {
        Map<String, Object> raw = random();
        raw.remove("validationFraction");
        raw.put("pruner", obj("asha", obj("minEpochs", 2, "eta", 4)));
        raw.put("validation", obj("folds", 5));
        raw.put("sanityCheck", true);
        SearchSpec s = SearchSpec.parse(raw);
        assertThat(s.pruner()).isEqualTo(new PrunerSpec.Asha(2, 4));
        assertThat(s.pruner().create(20)).isEqualTo(new AshaPruner(2, 4, 20));
        assertThat(s.folds()).isEqualTo(5);
        assertThat(s.crossValidated()).isTrue();
        assertThat(s.sanityCheck()).isTrue();
    }

    @Test
    void prunerForms() {
        assertThat(PrunerSpec.parse(null)).isEqualTo(PrunerSpec.NONE);
        assertThat(PrunerSpec.parse("none")).isEqualTo(PrunerSpec.NONE);
        assertThat(PrunerSpec.parse("median")).isEqualTo(new PrunerSpec.Median(5, 5));
        assertThat(PrunerSpec.parse("asha")).isEqualTo(new PrunerSpec.Asha(1, 3));
        assertThat(PrunerSpec.parse(obj("median", obj("warmupEpochs", 0)))).isEqualTo(new PrunerSpec.Median(0, 5));
        assertThat(PrunerSpec.parse(obj("asha", obj()))).isEqualTo(PrunerSpec.Asha.DEFAULT);
        assertThat(PrunerSpec.parse(obj("median", obj("startupTrials", 3))).create(20)).isEqualTo(new MedianPruner(5, 3));
        for (PrunerSpec p : List.of(PrunerSpec.NONE, new PrunerSpec.Median(2, 7), new PrunerSpec.Asha(3, 2))) {
            assertThat(PrunerSpec.parse(p.toRaw())).isEqualTo(p);
        }
    }

    @Test
    void coarseToFineBudgetIsStagesTimesTrialsPerStage() {
        SearchSpec s = SearchSpec.parse(coarseToFine());
        assertThat(s.strategy()).isEqualTo(StrategyType.COARSE_TO_FINE);
        assertThat(s.coarseToFine()).isEqualTo(new CoarseToFine(3, 10, 0.2));
        assertThat(s.maxTrials()).isEqualTo(30);
        Map<String, Object> withBudget = coarseToFine();
        withBudget.put("maxTrials", 30);
        assertThat(SearchSpec.parse(withBudget)).isEqualTo(s);
        Map<String, Object> defaults = coarseToFine();
        defaults.put("coarseToFine", obj("trialsPerStage", 4));
        assertThat(SearchSpec.parse(defaults).coarseToFine()).isEqualTo(new CoarseToFine(3, 4, 0.25));
        assertThat(CoarseToFine.parse(s.coarseToFine().toRaw())).isEqualTo(s.coarseToFine());

        // The service materializes stage 1 up front; the preview counts every stage.
        assertThat(Strategies.create(s).trialCount()).isEqualTo(10);
        Preview preview = Preview.of(s, 3);
        assertThat(preview.trialCount()).isEqualTo(30);
        assertThat(preview.firstTrials()).hasSize(3);
        assertThat(preview.totalEpochs()).isEqualTo(30 * 20);
    }

    private static Arguments row(String why, Map<String, Object> raw, Consumer<Map<String, Object>> breakIt,
                                 String field, String says) {
        breakIt.accept(raw);
        return Arguments.of(why, raw, field, says);
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> badSpecs() {
        return Stream.of(
                row("unknown pruner name", random(), m -> m.put("pruner", "hyperband"), "pruner", "unknown pruner"),
                row("misspelt pruner", random(), m -> m.put("pruner", "medain"), "pruner", "did you mean 'median'"),
                row("unknown pruner object", random(), m -> m.put("pruner", obj("hyperband", obj())), "pruner.hyperband", "unknown pruner"),
                row("pruner of wrong type", random(), m -> m.put("pruner", 3), "pruner", "must be"),
                row("two pruners", random(), m -> m.put("pruner", obj("median", obj(), "asha", obj())), "pruner", "exactly one"),
                row("eta 1", random(), m -> m.put("pruner", obj("asha", obj("eta", 1))), "pruner.asha.eta", "[2, 10000]"),
                row("eta 2.5", random(), m -> m.put("pruner", obj("asha", obj("eta", 2.5))), "pruner.asha.eta", "integer"),
                row("minEpochs 0", random(), m -> m.put("pruner", obj("asha", obj("minEpochs", 0))), "pruner.asha.minEpochs", "[1, 10000]"),
                row("minEpochs not below epochs", random(), m -> m.put("pruner", obj("asha", obj("minEpochs", 20))), "pruner.asha.minEpochs", "below the largest epochs in the space (20)"),
                row("unknown asha setting", random(), m -> m.put("pruner", obj("asha", obj("reductionFactor", 3))), "pruner.asha.reductionFactor", "unknown setting"),
                row("warmupEpochs -1", random(), m -> m.put("pruner", obj("median", obj("warmupEpochs", -1))), "pruner.median.warmupEpochs", "[0, 10000]"),
                row("startupTrials 0", random(), m -> m.put("pruner", obj("median", obj("startupTrials", 0))), "pruner.median.startupTrials", "[1, 10000]"),
                row("warm-up longer than training", random(), m -> {
                    m.put("pruner", obj("median", obj("warmupEpochs", 30)));
                    ((Map<String, Object>) m.get("space")).put("epochs", intRange(10, 30, 5));
                }, "pruner.median.warmupEpochs", "(30)"),
                row("folds 1", random(), m -> { m.remove("validationFraction"); m.put("validation", obj("folds", 1)); }, "validation.folds", "[2, 20]"),
                row("folds 21", random(), m -> { m.remove("validationFraction"); m.put("validation", obj("folds", 21)); }, "validation.folds", "[2, 20]"),
                row("folds missing", random(), m -> { m.remove("validationFraction"); m.put("validation", obj()); }, "validation.folds", "required"),
                row("folds and a fraction", random(), m -> m.put("validation", obj("folds", 5)), "validation", "not both"),
                row("validation not an object", random(), m -> { m.remove("validationFraction"); m.put("validation", 5); }, "validation", "must be an object"),
                row("sanityCheck as a string", random(), m -> m.put("sanityCheck", "yes"), "sanityCheck", "true or false"),
                row("stages 1", coarseToFine(), m -> m.put("coarseToFine", obj("stages", 1, "trialsPerStage", 10)), "coarseToFine.stages", "[2, 100]"),
                row("trialsPerStage 0", coarseToFine(), m -> m.put("coarseToFine", obj("trialsPerStage", 0)), "coarseToFine.trialsPerStage", ">= 1"),
                row("trialsPerStage missing", coarseToFine(), m -> m.put("coarseToFine", obj("stages", 3)), "coarseToFine.trialsPerStage", "required"),
                row("topFraction 0", coarseToFine(), m -> m.put("coarseToFine", obj("trialsPerStage", 5, "topFraction", 0)), "coarseToFine.topFraction", "(0, 1]"),
                row("topFraction 1.5", coarseToFine(), m -> m.put("coarseToFine", obj("trialsPerStage", 5, "topFraction", 1.5)), "coarseToFine.topFraction", "(0, 1]"),
                row("unknown coarseToFine setting", coarseToFine(), m -> m.put("coarseToFine", obj("trialsPerStage", 5, "stage", 2)), "coarseToFine.stage", "did you mean 'stages'"),
                row("coarse-to-fine without its settings", coarseToFine(), m -> m.remove("coarseToFine"), "coarseToFine", "required"),
                row("coarseToFine with random", random(), m -> m.put("coarseToFine", obj("trialsPerStage", 5)), "coarseToFine", "only used by the coarse-to-fine"),
                row("coarse-to-fine over the cap", coarseToFine(), m -> m.put("coarseToFine", obj("stages", 11, "trialsPerStage", 1000)), "coarseToFine", "more than the cap"),
                row("maxTrials disagrees with the stages", coarseToFine(), m -> m.put("maxTrials", 25), "maxTrials", "must equal stages x trialsPerStage (30)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void rejectedAtField(String why, Map<String, Object> raw, String field, String says) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> SearchSpec.parse(raw));
        assertThat(e).as(why).isNotNull();
        assertThat(e.errors()).extracting(FieldError::field).containsExactly(field);
        assertThat(e.errors().get(0).message()).contains(says);
    }

    @Test
    void standaloneParsersReportUnderTheirField() {
        SpecException pruner = catchThrowableOfType(SpecException.class, () -> PrunerSpec.parse(obj("asha", obj("eta", 1))));
        assertThat(pruner.errors()).extracting(FieldError::field).containsExactly("pruner.asha.eta");
        SpecException c2f = catchThrowableOfType(SpecException.class,
                () -> CoarseToFine.parse(obj("stages", 1, "trialsPerStage", 0, "topFraction", 0)));
        assertThat(c2f.errors()).extracting(FieldError::field)
                .containsExactly("coarseToFine.stages", "coarseToFine.trialsPerStage", "coarseToFine.topFraction");
    }
}
