package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.floatRange;
import static dev.hypersearch.search.SpecFixtures.intRange;
import static dev.hypersearch.search.SpecFixtures.obj;
import static dev.hypersearch.search.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each row breaks one thing in a valid spec and expects exactly one error, at the right field. */
class BadSpecTest {

    /** Valid: a random search over a few parameters. */
    private static Map<String, Object> base() {
        return spec("random", 10, obj(
                "learningRate", floatRange(1e-4, 1e-1, true, null),
                "hiddenUnits", choice(32, 64),
                "activation", choice("relu", "tanh", "elu")));
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Map<String, Object>> param(String name, Object value) {
        return spec -> ((Map<String, Object>) spec.get("space")).put(name, value);
    }

    private static Consumer<Map<String, Object>> field(String name, Object value) {
        return spec -> spec.put(name, value);
    }

    private static Arguments row(String why, Consumer<Map<String, Object>> breakIt, String field, String says) {
        return Arguments.of(why, breakIt, field, says);
    }

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                row("unknown parameter, with suggestion", param("learnRate", 0.1), "space.learnRate", "did you mean 'learningRate'"),
                row("float min > max", param("learningRate", floatRange(0.1, 0.01, false, null)), "space.learningRate.floatRange.min", "<= max"),
                row("NaN fixed value", param("l2", Double.NaN), "space.l2", "finite"),
                row("infinite range end", param("eluAlpha", floatRange(0.5, Double.POSITIVE_INFINITY, false, null)), "space.eluAlpha.floatRange.max", "finite"),
                row("empty choice", param("activation", choice()), "space.activation.choice", "empty"),
                row("unknown activation", param("activation", choice("relu", "tanh", "swish")), "space.activation.choice[2]", "must be one of"),
                row("step activation", param("activation", "step"), "space.activation", "gradient is zero almost everywhere"),
                row("unknown precision", param("precision", choice("float32", "float16")), "space.precision.choice[1]", "must be one of"),
                row("hiddenUnits 5000", param("hiddenUnits", 5000), "space.hiddenUnits", "[1, 4096]"),
                row("hiddenLayers 17", param("hiddenLayers", intRange(0, 17, 1)), "space.hiddenLayers.intRange.max", "[0, 16]"),
                row("epochs 20000", param("epochs", 20000), "space.epochs", "[1, 10000]"),
                row("batchSize 0", param("batchSize", choice(0, 32)), "space.batchSize.choice[0]", "[1, 100000]"),
                row("validationFraction 0", field("validationFraction", 0), "validationFraction", "(0, 0.9]"),
                row("validationFraction 0.95", field("validationFraction", 0.95), "validationFraction", "(0, 0.9]"),
                row("grid over the cap", spec -> {
                    spec.put("strategy", "grid");
                    param("hiddenUnits", intRange(1, 4096, 1)).accept(spec);
                    param("batchSize", intRange(1, 100_000, 1)).accept(spec);
                    param("learningRate", 0.01).accept(spec);
                }, "space", "grid too large"),
                row("random without maxTrials", spec -> spec.remove("maxTrials"), "maxTrials", "required"),
                row("maxTrials over the cap", field("maxTrials", 10_001), "maxTrials", "at most 10000"),
                row("log range with min 0", param("l2", floatRange(0, 1e-2, true, null)), "space.l2.floatRange.min", "> 0"),
                row("non-integer int", param("hiddenUnits", 2.5), "space.hiddenUnits", "integer"),
                row("bad strategy", field("strategy", "bayesian"), "strategy", "one of [grid, random, coarse-to-fine, tpe]"),
                row("tpe without maxTrials", spec -> { spec.put("strategy", "tpe"); spec.remove("maxTrials"); }, "maxTrials", "required for the tpe strategy"),
                row("tpe gamma 1", spec -> { spec.put("strategy", "tpe"); spec.put("tpe", Map.of("gamma", 1)); }, "tpe.gamma", "(0, 1)"),
                row("tpe candidates 0", spec -> { spec.put("strategy", "tpe"); spec.put("tpe", Map.of("candidates", 0)); }, "tpe.candidates", "[1, 1000]"),
                row("tpe settings with random", field("tpe", Map.of()), "tpe", "only used by the tpe strategy"),
                row("step 0", param("hiddenUnits", intRange(16, 256, 0)), "space.hiddenUnits.intRange.step", ">= 1"),
                row("points 0", param("learningRate", floatRange(1e-4, 1e-1, true, 0)), "space.learningRate.floatRange.points", "[1, 10000]"),
                row("points over 10000", param("learningRate", floatRange(1e-4, 1e-1, true, 10_001)), "space.learningRate.floatRange.points", "[1, 10000]"),
                row("grid range without points", field("strategy", "grid"), "space.learningRate.floatRange.points", "required for the grid"),
                row("boolean as string", param("batchNorm", "true"), "space.batchNorm", "true or false"),
                row("boolean as number", param("batchNorm", choice(true, 1)), "space.batchNorm.choice[1]", "true or false"),
                row("duplicate choice (1 and 1.0)", param("hiddenLayers", choice(1, 1.0)), "space.hiddenLayers.choice[1]", "duplicate of choice[0]"),
                row("intRange on a float parameter", param("l2", intRange(0, 1, 1)), "space.l2.intRange", "use floatRange"),
                row("two distributions at once", param("epochs", obj("choice", List.of(10), "intRange", obj("min", 1, "max", 5))), "space.epochs", "exactly one"),
                row("misspelt distribution", param("epochs", obj("choices", List.of(10, 20))), "space.epochs.choices", "did you mean 'choice'"),
                row("bare list", param("epochs", List.of(10, 20)), "space.epochs", "{\"choice\": [...]}"),
                row("missing range end", param("epochs", obj("intRange", obj("max", 30))), "space.epochs.intRange.min", "required"),
                row("unknown range key", param("learningRate", obj("floatRange", obj("min", 0.1, "max", 1, "logScale", true))), "space.learningRate.floatRange.logScale", "unknown key"),
                row("exclusive lower bound", param("learningRate", 0), "space.learningRate", "(0, 10]"),
                row("exclusive upper bound", param("momentum", floatRange(0.5, 1.0, false, null)), "space.momentum.floatRange.max", "[0, 1)"),
                row("null value", param("optimizer", null), "space.optimizer", "null"),
                row("unknown top-level field", field("maxTrial", 5), "maxTrial", "did you mean 'maxTrials'"),
                row("missing seed", spec -> spec.remove("seed"), "seed", "required"),
                row("blank dataset", field("dataset", " "), "dataset", "non-blank"),
                row("maxTrials 0", field("maxTrials", 0), "maxTrials", ">= 1"),
                row("negative maxFailedTrials", field("maxFailedTrials", -1), "maxFailedTrials", ">= 0"),
                row("space not an object", field("space", List.of()), "space", "must be an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void rejectedAtField(String why, Consumer<Map<String, Object>> breakIt, String field, String says) {
        Map<String, Object> raw = base();
        breakIt.accept(raw);
        SpecException e = catchThrowableOfType(SpecException.class, () -> SearchSpec.parse(raw));
        assertThat(e).as(why).isNotNull();
        assertThat(e.errors()).extracting(FieldError::field).containsExactly(field);
        assertThat(e.errors().get(0).message()).contains(says);
    }

    @Test
    void baseSpecIsValid() {
        assertThatCode(() -> SearchSpec.parse(base())).doesNotThrowAnyException();
    }

    @Test
    void reportsEveryErrorNotJustTheFirst() {
        Map<String, Object> raw = base();
        raw.put("strategy", "grid");
        raw.put("validationFraction", 2);
        param("hiddenUnits", choice(32, 5000, 2.5)).accept(raw);
        param("activation", "step").accept(raw);
        SpecException e = catchThrowableOfType(SpecException.class, () -> SearchSpec.parse(raw));
        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "validationFraction", "space.hiddenUnits.choice[1]", "space.hiddenUnits.choice[2]",
                "space.activation");
        assertThat(e.getMessage()).contains("space.activation");
    }

    @Test
    void ofValidatesBoundFieldsLikeParse() {
        SpecException e = catchThrowableOfType(SpecException.class, () -> SearchSpec.of("n", "digits", "random",
                null, 1L, 0.95, null, Map.of("epochs", 0), SearchLimits.DEFAULT));
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("maxTrials", "validationFraction", "space.epochs");
    }
}
