package dev.hypersearch.api;

import static dev.hypersearch.api.BadRequestIT.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad values of issue 6's fields (pruner, validation, coarseToFine, sanityCheck): 400 naming the field, nothing written. */
class SmarterSpecBadRequestIT extends ApiIT {

    /** A valid coarse-to-fine search with {@code coarseToFine} swapped for the given JSON. */
    static String coarseToFine(String settings) {
        return spec(settings.isEmpty() ? "" : "\"coarseToFine\": " + settings, "")
                .replace("\"random\", \"maxTrials\": 3", "\"coarse-to-fine\"");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("unknown pruner", spec("\"pruner\": \"hyperband\"", ""), "pruner"),
                Arguments.of("pruner of the wrong type", spec("\"pruner\": 3", ""), "pruner"),
                Arguments.of("two pruners", spec("\"pruner\": {\"asha\": {}, \"median\": {}}", ""), "pruner"),
                Arguments.of("asha eta 1", spec("\"pruner\": {\"asha\": {\"eta\": 1}}", ""), "pruner.asha.eta"),
                Arguments.of("asha eta 2.5", spec("\"pruner\": {\"asha\": {\"eta\": 2.5}}", ""), "pruner.asha.eta"),
                Arguments.of("asha minEpochs 0", spec("\"pruner\": {\"asha\": {\"minEpochs\": 0}}", ""),
                        "pruner.asha.minEpochs"),
                Arguments.of("asha minEpochs past the epochs", spec("\"pruner\": {\"asha\": {\"minEpochs\": 2}}", ""),
                        "pruner.asha.minEpochs"),
                Arguments.of("asha unknown setting", spec("\"pruner\": {\"asha\": {\"rate\": 3}}", ""),
                        "pruner.asha.rate"),
                Arguments.of("median warmupEpochs -1", spec("\"pruner\": {\"median\": {\"warmupEpochs\": -1}}", ""),
                        "pruner.median.warmupEpochs"),
                Arguments.of("median startupTrials 0", spec("\"pruner\": {\"median\": {\"startupTrials\": 0}}", ""),
                        "pruner.median.startupTrials"),
                Arguments.of("folds 1", spec("\"validation\": {\"folds\": 1}", ""), "validation.folds"),
                Arguments.of("folds 21", spec("\"validation\": {\"folds\": 21}", ""), "validation.folds"),
                Arguments.of("folds not a number", spec("\"validation\": {\"folds\": \"three\"}", ""),
                        "validation.folds"),
                Arguments.of("folds missing", spec("\"validation\": {}", ""), "validation.folds"),
                Arguments.of("validation not an object", spec("\"validation\": 3", ""), "validation"),
                Arguments.of("folds and a holdout fraction",
                        spec("\"validation\": {\"folds\": 3}, \"validationFraction\": 0.2", ""), "validation"),
                Arguments.of("unknown validation setting", spec("\"validation\": {\"folds\": 3, \"shuffle\": true}", ""),
                        "validation.shuffle"),
                Arguments.of("coarseToFine without its strategy",
                        spec("\"coarseToFine\": {\"trialsPerStage\": 2}", ""), "coarseToFine"),
                Arguments.of("coarse-to-fine without coarseToFine", coarseToFine(""), "coarseToFine"),
                Arguments.of("coarseToFine not an object", coarseToFine("[2, 3]"), "coarseToFine"),
                Arguments.of("one stage", coarseToFine("{\"stages\": 1, \"trialsPerStage\": 2}"),
                        "coarseToFine.stages"),
                Arguments.of("trialsPerStage missing", coarseToFine("{\"stages\": 2}"), "coarseToFine.trialsPerStage"),
                Arguments.of("trialsPerStage 0", coarseToFine("{\"trialsPerStage\": 0}"), "coarseToFine.trialsPerStage"),
                Arguments.of("topFraction 0", coarseToFine("{\"trialsPerStage\": 2, \"topFraction\": 0}"),
                        "coarseToFine.topFraction"),
                Arguments.of("topFraction 1.5", coarseToFine("{\"trialsPerStage\": 2, \"topFraction\": 1.5}"),
                        "coarseToFine.topFraction"),
                Arguments.of("coarse-to-fine over the trial cap",
                        coarseToFine("{\"stages\": 100, \"trialsPerStage\": 101}"), "coarseToFine"),
                Arguments.of("maxTrials not stages x trialsPerStage",
                        coarseToFine("{\"stages\": 2, \"trialsPerStage\": 2}, \"maxTrials\": 5"), "maxTrials"),
                Arguments.of("sanityCheck not a boolean", spec("\"sanityCheck\": \"yes\"", ""), "sanityCheck"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badValuesOfTheNewFieldsAre400ProblemsNamingTheFieldAndWriteNothing(String label, String body, String field) {
        assertRejectedNamingField(label, body, field);
    }

    @Test
    void moreFoldsThanTheSmallestClassHasRowsIs400NamingValidationFolds() {
        StringBuilder csv = new StringBuilder("x,label\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(',').append(i < 3 ? "rare" : i % 2 == 0 ? "a" : "b").append('\n');
        }
        Multipart form = new Multipart().file("file", "rare.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .field("name", "rare-class").field("labelColumn", "label");
        assertThat(http.post("/api/datasets", form.contentType(), form.bytes()).status()).isEqualTo(201);
        String body = spec("\"validation\": {\"folds\": 4}", "").replace("\"iris\"", "\"rare-class\"");
        assertRejectedNamingField("4 folds, a class of 3 rows", body, "validation.folds");
        Http.Response r = http.postJson("/api/searches/preview", body);
        assertThat(r.json().get("detail").asString()).contains("'rare' has 3 rows");
        assertThat(http.postJson("/api/searches/preview", body.replace("\"folds\": 4", "\"folds\": 3")).status())
                .isEqualTo(200);
    }
}
